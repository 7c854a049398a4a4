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
 * @param owedAfter          the task owes only what falls due after that day: for work taken over from a unit retired on it
 *                           (what fell due until then was that unit's), or the day before its unit was established (a unit
 *                           formed after the plan owes nothing that fell due before it existed); null when it owes all
 * @param unitRetiredOn      the day the task's unit was retired (dissolved or merged away): it owes nothing that falls due after
 *                           it, nor work on demand; null while the unit is in service
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
        List<HistoryEntry> history,
        LocalDate owedAfter,
        LocalDate unitRetiredOn) {

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
                recognised, newSchedule, true, planPath, superseded, history, owedAfter, unitRetiredOn);
    }

    public Task withOccurrencesInLine() {
        return new Task(id, planId, rootPlanId, planNumber, planTitle, year, issuedOn, issuerCode, activityIndex, activityLabel,
                activityContent, product, targetCount, targetPer, unitCode, unitName, provinceCode, ancestorCodes, role, timeframe,
                scheduleKind, scheduleRecognised, schedule, false, planPath, List.of(), history, owedAfter, unitRetiredOn);
    }

    /** The task with one more change in its history. */
    public Task recording(HistoryEntry change) {
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.add(change);
        return new Task(id, planId, rootPlanId, planNumber, planTitle, year, issuedOn, issuerCode, activityIndex, activityLabel,
                activityContent, product, targetCount, targetPer, unitCode, unitName, provinceCode, ancestorCodes, role, timeframe,
                scheduleKind, scheduleRecognised, schedule, occurrencesPending, planPath, supersededDueDates, longer, owedAfter,
                unitRetiredOn);
    }

    /** The task with the lead role: the unit now leads the activity it cooperated on. */
    public Task leading() {
        return new Task(id, planId, rootPlanId, planNumber, planTitle, year, issuedOn, issuerCode, activityIndex, activityLabel,
                activityContent, product, targetCount, targetPer, unitCode, unitName, provinceCode, ancestorCodes, TaskRole.LEAD, timeframe,
                scheduleKind, scheduleRecognised, schedule, occurrencesPending, planPath, supersededDueDates, history, owedAfter,
                unitRetiredOn);
    }

    /**
     * The task once its unit was retired on that day: it keeps what fell due until then (done, late or overdue, that is the
     * unit's history), and its occurrences are brought in line with what it still owes.
     */
    public Task ofUnitRetiredOn(LocalDate day) {
        Task retired = new Task(id, planId, rootPlanId, planNumber, planTitle, year, issuedOn, issuerCode, activityIndex, activityLabel,
                activityContent, product, targetCount, targetPer, unitCode, unitName, provinceCode, ancestorCodes, role, timeframe,
                scheduleKind, scheduleRecognised, schedule, occurrencesPending, planPath, supersededDueDates, history, owedAfter, day);
        return retired.withSchedule(scheduleKind, scheduleRecognised, retired.owed(schedule));
    }

    /**
     * Of these occurrences, those the task's unit owes: work due before the plan was issued was never asked for (a plan issued
     * in March owes no January bulletin); work taken over from a retired unit is owed from the day after its retirement; a
     * retired unit owes nothing that falls due after its retirement, nor work on demand.
     */
    public List<Occurrence> owed(List<Occurrence> occurrences) {
        return occurrences.stream().filter(o -> owes(o.dueDate())).toList();
    }

    private boolean owes(LocalDate dueDate) {
        boolean asked = dueDate == null || ((issuedOn == null || !dueDate.isBefore(issuedOn))
                && (owedAfter == null || dueDate.isAfter(owedAfter)));
        return asked && !releasedByRetirement(dueDate);
    }

    /** Whether the work due that day (null: on demand) is owed no more because the task's unit was retired before it fell due. */
    public boolean releasedByRetirement(LocalDate dueDate) {
        return unitRetiredOn != null && (dueDate == null || dueDate.isAfter(unitRetiredOn));
    }

    /**
     * Whether the task leaves work to do after that day: work due after it, work on demand, or work whose dates are not known
     * yet (a timeframe not understood and not set by hand, or ongoing work still waiting for the plan's report periods).
     */
    public boolean leavesWorkAfter(LocalDate day) {
        boolean datesUnknown = !scheduleRecognised || (scheduleKind.checkedAtReportPeriods() && schedule.isEmpty());
        return datesUnknown || schedule.stream().anyMatch(o -> o.dueDate() == null || o.dueDate().isAfter(day));
    }
}
