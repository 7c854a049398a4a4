package vn.gov.par.report.ledger;

/**
 * A unit's plan execution for a year, scored as the commune PAR-index guidance scores it: all due work
 * done earns the full points, 90% to under 100% earns the share of them, under 90% earns nothing.
 * The work due is that of the tasks the unit leads ({@code LEAD}): a unit named only as cooperating is not
 * scored on work another unit is responsible for.
 *
 * @param share null when nothing was due yet, and then no score either
 */
public record ExecutionScore(String unitCode, int year, long due, long done, Double share, Double score, double maxPoints) {

    public static ExecutionScore of(String unitCode, int year, TaskLedger.Execution execution, double maxPoints) {
        if (execution.due() == 0) {
            return new ExecutionScore(unitCode, year, 0, execution.done(), null, null, maxPoints);
        }
        double share = Math.min(1.0, (double) execution.done() / execution.due());
        double score = share >= 1.0 ? maxPoints : share >= 0.9 ? maxPoints * share : 0.0;
        return new ExecutionScore(unitCode, year, execution.due(), execution.done(), share, score, maxPoints);
    }
}
