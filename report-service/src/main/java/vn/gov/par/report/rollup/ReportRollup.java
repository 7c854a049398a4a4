package vn.gov.par.report.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.gov.par.report.ledger.ExecutionScore;
import vn.gov.par.report.report.Indicators;

/**
 * A unit's consolidated view of one report period: its own report and every report expected from the units
 * below it (also those whose plan reads the period differently, as long as their data ends on the same day:
 * a commune's Quý II in a province's 6-month roll-up), who submitted on time, late, was returned, or did not
 * submit, the on-time rate and completeness. Only a submission that stands (submitted or accepted, its latest
 * version) counts; cancelled reports are not expected.
 *
 * @param ownIndicators   the figures of the unit's own report(s) for the period
 * @param belowIndicators the sum of the figures of every report from the units below, at every depth. A unit's
 *                        report may already consolidate those of its own subordinates (a district's report
 *                        covers its communes): each line's own figures are in {@link UnitLine#indicators()}
 * @param totals          ownIndicators + belowIndicators
 * @param onTimeRate      reports submitted on time / reports expected
 * @param completeness    reports submitted (on time or late) / reports expected
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
        Indicators ownIndicators,
        Indicators belowIndicators,
        Indicators totals,
        int expected,
        int submittedOnTime,
        int submittedLate,
        int returned,
        int missing,
        double onTimeRate,
        double completeness,
        List<UnitLine> units) {

    /**
     * One expected report, in hierarchy order (each unit followed by the units below it).
     *
     * @param depth       0 for the unit whose roll-up this is, 1 for the level below, ...
     * @param submission  ON_TIME or LATE (as its standing submission was), RETURNED (sent back, not yet resubmitted)
     *                    or MISSING (never submitted)
     * @param status      the report's own status: EXPECTED, DRAFT, SUBMITTED, RETURNED, ACCEPTED
     * @param submittedAt when the standing submission was made, or null
     * @param indicators  the standing submission's figures, or null
     * @param execution   the unit's plan execution for the year up to the end of the period, and its score
     */
    public record UnitLine(String unitCode, String unitName, String level, int depth, String periodType, String submission,
            String status, LocalDate dueDate, Instant submittedAt, Indicators indicators, ExecutionScore execution) {
    }
}
