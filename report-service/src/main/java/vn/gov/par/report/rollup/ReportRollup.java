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
 * <p>How the reports stand is counted three ways, because they answer different questions: what is owed to this
 * unit (the reports whose recipient it is: "Tổng số báo cáo phải nộp" in its own roll-up), what this unit itself
 * owes above, and everything in its subtree (a commune's report to its district counts there, not in what is
 * owed to the province).
 *
 * @param ownIndicators   the figures of the unit's own report(s) for the period
 * @param belowIndicators the sum of the figures of every report from the units below, at every depth. A unit's
 *                        report may already consolidate those of its own subordinates (a district's report
 *                        covers its communes): each line's own figures are in {@link UnitLine#indicators()}
 * @param totals          ownIndicators + belowIndicators
 * @param owedToUnit      the reports sent to this unit
 * @param own             the unit's own reports, sent above it
 * @param subtree         every report of the unit and of every unit below it
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
        Submissions owedToUnit,
        Submissions own,
        Submissions subtree,
        List<UnitLine> units) {

    /**
     * How a set of expected reports stands.
     *
     * @param onTimeRate   reports submitted on time / reports expected; null when none is expected
     * @param completeness reports submitted (on time or late) / reports expected; null when none is expected
     */
    public record Submissions(int expected, int onTime, int late, int returned, int missing, Double onTimeRate, Double completeness) {

        static Submissions of(List<UnitLine> lines) {
            int onTime = count(lines, "ON_TIME");
            int late = count(lines, "LATE");
            int returned = count(lines, "RETURNED");
            int expected = lines.size();
            return new Submissions(expected, onTime, late, returned, expected - onTime - late - returned,
                    expected == 0 ? null : (double) onTime / expected, expected == 0 ? null : (double) (onTime + late) / expected);
        }

        private static int count(List<UnitLine> lines, String submission) {
            return (int) lines.stream().filter(l -> l.submission().equals(submission)).count();
        }
    }

    /**
     * One expected report, in hierarchy order (each unit followed by the units below it).
     *
     * @param depth             0 for the unit whose roll-up this is, 1 for the level below, ...
     * @param recipientUnitCode the unit the report is sent to
     * @param submission        ON_TIME or LATE (as its standing submission was), RETURNED (sent back, not yet resubmitted)
     *                          or MISSING (never submitted)
     * @param status            the report's own status: EXPECTED, DRAFT, SUBMITTED, RETURNED, ACCEPTED
     * @param submittedAt       when the standing submission was made, or null
     * @param indicators        the standing submission's figures, or null
     * @param execution         the unit's plan execution for the year up to the end of the period, and its score
     */
    public record UnitLine(String unitCode, String unitName, String level, int depth, String recipientUnitCode, String periodType,
            String submission, String status, LocalDate dueDate, Instant submittedAt, Indicators indicators, ExecutionScore execution) {
    }
}
