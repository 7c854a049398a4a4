package vn.gov.par.report.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.gov.par.report.report.Indicators;

/**
 * A unit's consolidated view of one report period: its own report and every report expected from the
 * units below it, with indicator totals over what was submitted, who submitted on time, late, or not at
 * all, the on-time rate and completeness.
 *
 * @param onTimeRate   reports submitted on time / reports expected
 * @param completeness reports submitted (on time or late) / reports expected
 */
public record ReportRollup(
        String unitCode,
        String unitName,
        String rootPlanId,
        String planNumber,
        String planTitle,
        String periodType,
        String periodName,
        LocalDate periodFrom,
        LocalDate periodTo,
        LocalDate asOf,
        Indicators totals,
        int expected,
        int submittedOnTime,
        int submittedLate,
        int missing,
        double onTimeRate,
        double completeness,
        List<UnitLine> units) {

    /**
     * One expected report.
     *
     * @param submission ON_TIME, LATE or MISSING
     * @param status     the report's own status: EXPECTED, DRAFT, SUBMITTED, RETURNED, ACCEPTED
     */
    public record UnitLine(String unitCode, String unitName, String level, int depth, String submission, String status,
            LocalDate dueDate, Instant submittedAt, Indicators indicators) {
    }
}
