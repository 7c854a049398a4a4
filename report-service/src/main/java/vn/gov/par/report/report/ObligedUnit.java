package vn.gov.par.report.report;

import java.time.LocalDate;
import java.util.List;

import vn.gov.par.support.reporting.ReportPeriod;
import vn.gov.par.support.domain.DerivedId;

/**
 * A unit that must implement a plan, and so report under it, placed in the hierarchy as the obligation said
 * (or, when it did not, as the units directory does). Kept so that a schedule set by hand later finds who owes
 * reports under the plan, and which of the plan's periods each owes.
 *
 * @param unitLevel null until the unit's own event has been seen
 * @param obligedOn the day this service took the obligation in; null for those taken in before the day was kept
 * @param owesAfter for a unit that took over a retired unit's obligation, that unit's retirement day: what fell due until
 *                  then was the retired unit's, not this one's; null when it owes every period of the plan
 * @param retiredOn the day the unit itself was dissolved or merged away: nothing more is expected of it; null while in service
 */
public record ObligedUnit(String planId, String unitCode, String unitName, String unitLevel, String provinceCode,
        List<String> ancestorCodes, LocalDate obligedOn, LocalDate owesAfter, LocalDate retiredOn) {

    public ObligedUnit {
        ancestorCodes = ancestorCodes == null ? List.of() : List.copyOf(ancestorCodes);
    }

    String id() {
        return DerivedId.of("obliged-unit", planId, unitCode);
    }

    /** Of the plan's periods, those whose reports this unit owes. */
    List<ReportPeriod> owed(List<ReportPeriod> periods) {
        if (retiredOn != null) {
            return List.of();
        }
        return periods.stream().filter(p -> owesAfter == null || p.dueDate().isAfter(owesAfter)).toList();
    }

    /** This obligation owing every period of the plan: the unit was obliged in its own right. */
    ObligedUnit owingEveryPeriod() {
        return new ObligedUnit(planId, unitCode, unitName, unitLevel, provinceCode, ancestorCodes, obligedOn, null, retiredOn);
    }

    /**
     * This obligation once its unit also takes over, under the same plan, from a unit retired on {@code retiredOn}: it owes
     * what falls due after that day. Obliged before that day, it owed the plan's reports already and still owes them all.
     * Obliged only since (plan-service's own transfer of the retired unit's sub-plan, an ordinary obligation, reached this
     * service first), it owes nothing that fell due until then. Of two units it took over from, the earlier retirement counts.
     */
    ObligedUnit takingOverFrom(LocalDate retiredOn) {
        if (owesAfter == null && (obligedOn == null || obligedOn.isBefore(retiredOn))) {
            return this;
        }
        LocalDate from = owesAfter == null || retiredOn.isBefore(owesAfter) ? retiredOn : owesAfter;
        return new ObligedUnit(planId, unitCode, unitName, unitLevel, provinceCode, ancestorCodes, obligedOn, from, this.retiredOn);
    }
}
