package vn.gov.par.contracts.task;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit was assigned an activity of an issued plan, as lead or cooperating unit.
 *
 * @param role           LEAD or COOPERATING
 * @param targetCount    the count per period the product text states ("Mỗi tháng 01 bản tin" → 1), or null
 * @param targetPer      WEEK, MONTH, QUARTER, YEAR or UNIT, or null
 * @param scheduleKind   how the timeframe text was understood (ONCE, MONTHLY, ..., ONGOING, ON_DEMAND, UNRECOGNISED)
 * @param dueDates       every occurrence's due date, in order; empty for on-demand or unrecognised schedules
 * @param activityIndex  the activity's position in the plan, from 0 (labels are optional and repeat across sections)
 * @param planTitle      the plan's title
 * @param occurrences    every occurrence with its id, period and due date, in order, so a consumer can track each deadline from the moment it exists
 */
public record TaskAssigned(
        String taskId,
        String planId,
        String rootPlanId,
        String planNumber,
        String unitCode,
        String unitName,
        String provinceCode,
        String role,
        String activityLabel,
        String activityContent,
        String product,
        Integer targetCount,
        String targetPer,
        String timeframe,
        String scheduleKind,
        List<LocalDate> dueDates,
        Integer activityIndex,
        String planTitle,
        List<ScheduledOccurrence> occurrences) {
}
