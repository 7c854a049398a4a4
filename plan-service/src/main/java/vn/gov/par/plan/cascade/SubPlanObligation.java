package vn.gov.par.plan.cascade;

import java.time.LocalDate;

import vn.gov.par.plan.unit.UnitKind;
import vn.gov.par.plan.unit.UnitLevel;

/**
 * A unit's duty to issue its own plan implementing a parent plan by a due date. Its id is derived from
 * the parent plan and the unit, so the fan-out can run again after a crash or a redelivery and find
 * it already there. Overdue is not stored: it follows from the due date and today.
 */
public record SubPlanObligation(
        String id,
        String parentPlanId,
        String rootPlanId,
        String supervisingUnitCode,
        String unitCode,
        String unitName,
        UnitLevel unitLevel,
        UnitKind unitKind,
        String provinceCode,
        LocalDate dueDate,
        String draftPlanId,
        String subPlanNumber,
        LocalDate issuedOn,
        LocalDate cancelledOn) {

    public boolean isOpen() {
        return issuedOn == null && cancelledOn == null;
    }

    /** Fulfilled by the draft's issue; on time when issued on or before the due date. */
    public SubPlanObligation fulfil(String number, LocalDate on) {
        return new SubPlanObligation(id, parentPlanId, rootPlanId, supervisingUnitCode, unitCode, unitName, unitLevel, unitKind,
                provinceCode, dueDate, draftPlanId, number, on, null);
    }

    public SubPlanObligation cancel(LocalDate on) {
        return new SubPlanObligation(id, parentPlanId, rootPlanId, supervisingUnitCode, unitCode, unitName, unitLevel, unitKind,
                provinceCode, dueDate, draftPlanId, null, null, on);
    }

    public boolean issuedOnTime() {
        return issuedOn != null && !issuedOn.isAfter(dueDate);
    }

    public ObligationStatus status(LocalDate today, boolean draftRevised) {
        if (cancelledOn != null) {
            return ObligationStatus.CANCELLED;
        }
        if (issuedOn != null) {
            return issuedOnTime() ? ObligationStatus.ISSUED_ON_TIME : ObligationStatus.ISSUED_LATE;
        }
        if (today.isAfter(dueDate)) {
            return ObligationStatus.OVERDUE;
        }
        return draftRevised ? ObligationStatus.DRAFTED : ObligationStatus.PENDING;
    }
}
