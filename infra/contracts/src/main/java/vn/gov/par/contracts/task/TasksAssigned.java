package vn.gov.par.contracts.task;

import java.util.List;

/**
 * A unit was assigned several activities of an issued plan at once, each task as {@link TaskAssigned} would announce it
 * alone. A plan gives a unit a dozen tasks or more; one event for them costs each consumer one look-up and one write
 * instead of one per task.
 *
 * <p>It announces tasks as first assigned. A task announced again since, by {@link TaskAssigned} (a schedule set by hand,
 * a lead taken over), may reach a consumer before it: a consumer that knows a task already keeps what it knows.
 *
 * @param tasks the unit's tasks, all of this plan and this unit, in the plan's order
 */
public record TasksAssigned(
        String planId,
        String unitCode,
        String provinceCode,
        List<TaskAssigned> tasks) {
}
