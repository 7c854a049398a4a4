package vn.gov.par.task.task;

import java.util.List;

import vn.gov.par.task.schedule.ScheduleKind;

/**
 * An activity of an issued plan assigned to one unit in one role, with the texts as the plan wrote them
 * (content, product, timeframe) beside what was understood of them (target, schedule kind).
 *
 * @param planPath the plans from the top of the cascade down to this task's plan, so a plan's roll-up takes in its sub-plans
 */
public record Task(
        String id,
        String planId,
        String rootPlanId,
        String planNumber,
        String planTitle,
        int year,
        String issuerCode,
        int activityIndex,
        String activityLabel,
        String activityContent,
        String product,
        Integer targetCount,
        String targetPer,
        String unitCode,
        String unitName,
        String provinceCode,
        List<String> ancestorCodes,
        TaskRole role,
        String timeframe,
        ScheduleKind scheduleKind,
        boolean scheduleRecognised,
        List<String> planPath) {

    public Task withSchedule(ScheduleKind kind, boolean recognised) {
        return new Task(id, planId, rootPlanId, planNumber, planTitle, year, issuerCode, activityIndex, activityLabel, activityContent,
                product, targetCount, targetPer, unitCode, unitName, provinceCode, ancestorCodes, role, timeframe, kind, recognised, planPath);
    }
}
