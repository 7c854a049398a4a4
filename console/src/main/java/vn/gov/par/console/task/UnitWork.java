package vn.gov.par.console.task;

/**
 * One line of the roll-up: a unit and its occurrences per status, as task-service counts them.
 *
 * @param counts the unit's own work, or its own with everything below it, as the page says
 */
public record UnitWork(String unitCode, String unitName, Counts counts) {

    /**
     * task-service's StatusCounts.
     *
     * @param due       occurrences whose due date is past
     * @param dueDone   of those, the ones done (on time or late)
     * @param doneShare dueDone / due, null while nothing is due
     */
    public record Counts(long notDue, long overdue, long doneOnTime, long doneLate, long onDemand, long due, long dueDone, Double doneShare) {

        static Counts none() {
            return new Counts(0, 0, 0, 0, 0, 0, 0, null);
        }

        public long total() {
            return notDue + overdue + doneOnTime + doneLate + onDemand;
        }
    }

    /** A line of task-service's plan roll-up. */
    record PlanLine(String unitCode, String unitName, String level, Counts own, Counts subtree) {
    }

    /** A unit of plan-service's directory. */
    record Unit(String code, String name, String level) {
    }
}
