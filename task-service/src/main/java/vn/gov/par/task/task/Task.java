package vn.gov.par.task.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import vn.gov.par.support.access.HistoryEntry;
import vn.gov.par.support.timeframe.Occurrence;
import vn.gov.par.support.timeframe.ScheduleKind;

/**
 * An activity of an issued plan assigned to one unit in one role, with the texts as the plan wrote them
 * (content, product, timeframe) beside what was understood of them (target, schedule kind).
 *
 * @param planPath           the plans from the top of the cascade down to this task's plan, so a plan's roll-up takes in its sub-plans
 * @param schedule           the occurrences this task is due at, as last decided (parsed, set by hand, or the plan's report periods):
 *                           the occurrence documents are created from it, never the other way round
 * @param occurrencesPending the schedule changed and its occurrence documents may not all be there yet; whoever finds it set
 *                           (the writer itself, or the next sweep after a crash) brings them in line
 * @param supersededDueDates while occurrences are pending, the due dates of the schedules this one replaced: the occurrences
 *                           that may have to go, found by id (a search of all occurrences per task grows with the country)
 * @param history            what officials changed on the task, and who and when, oldest first: its due dates set by hand
 *                           ({@code SCHEDULE_SET}); what the platform does on its own (assignment, report periods) is not in it
 */
public record Task(
        String id,
        String planId,
        String rootPlanId,
        String planNumber,
        String planTitle,
        int year,
        LocalDate issuedOn,
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
        List<Occurrence> schedule,
        boolean occurrencesPending,
        List<String> planPath,
        List<LocalDate> supersededDueDates,
        List<HistoryEntry> history) {

    public Task {
        history = history == null ? List.of() : List.copyOf(history);
        schedule = schedule == null ? List.of() : List.copyOf(schedule);
        // On-demand work's one occurrence has no due date: null is a due date here.
        supersededDueDates = supersededDueDates == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(supersededDueDates));
    }

    /** The task with a new schedule, whose occurrences are still to be brought in line. */
    public Task withSchedule(ScheduleKind kind, boolean recognised, List<Occurrence> newSchedule) {
        Set<LocalDate> kept = newSchedule.stream().map(Occurrence::dueDate).collect(Collectors.toSet());
        List<LocalDate> superseded = Stream.concat(supersededDueDates.stream(), schedule.stream().map(Occurrence::dueDate))
                .filter(date -> !kept.contains(date)).distinct().sorted(Comparator.nullsLast(Comparator.naturalOrder())).toList();
        return new Task(id, planId, rootPlanId, planNumber, planTitle, year, issuedOn, issuerCode, activityIndex, activityLabel,
                activityContent, product, targetCount, targetPer, unitCode, unitName, provinceCode, ancestorCodes, role, timeframe, kind,
                recognised, newSchedule, true, planPath, superseded, history);
    }

    public Task withOccurrencesInLine() {
        return new Task(id, planId, rootPlanId, planNumber, planTitle, year, issuedOn, issuerCode, activityIndex, activityLabel,
                activityContent, product, targetCount, targetPer, unitCode, unitName, provinceCode, ancestorCodes, role, timeframe,
                scheduleKind, scheduleRecognised, schedule, false, planPath, List.of(), history);
    }

    /** The task with one more change in its history. */
    public Task recording(HistoryEntry change) {
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.add(change);
        return new Task(id, planId, rootPlanId, planNumber, planTitle, year, issuedOn, issuerCode, activityIndex, activityLabel,
                activityContent, product, targetCount, targetPer, unitCode, unitName, provinceCode, ancestorCodes, role, timeframe,
                scheduleKind, scheduleRecognised, schedule, occurrencesPending, planPath, supersededDueDates, longer);
    }
}
