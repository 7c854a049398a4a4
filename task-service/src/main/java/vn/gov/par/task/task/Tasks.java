package vn.gov.par.task.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import vn.gov.par.contracts.Actor;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.task.ScheduledOccurrence;
import vn.gov.par.contracts.task.TaskAssigned;
import vn.gov.par.contracts.task.TaskCompleted;
import vn.gov.par.contracts.task.TaskDueSoon;
import vn.gov.par.contracts.task.TaskOccurrenceFacts;
import vn.gov.par.contracts.task.TaskOverdue;
import vn.gov.par.contracts.task.TaskReopened;
import vn.gov.par.contracts.task.TasksAssigned;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.access.HistoryEntry;
import vn.gov.par.support.access.Role;
import vn.gov.par.support.calendar.WorkingCalendar;
import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.domain.DerivedId;
import vn.gov.par.support.domain.NotFoundException;
import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.metrics.CountGauge;
import vn.gov.par.support.outbox.OutboxMessage;
import vn.gov.par.support.outbox.OutboxMessageFactory;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.ConcurrentUpdateException;
import vn.gov.par.support.persistence.Versioned;
import vn.gov.par.support.text.VietnameseDates;
import vn.gov.par.support.timeframe.Occurrence;
import vn.gov.par.support.timeframe.Schedule;
import vn.gov.par.support.timeframe.ScheduleKind;

/** Everything that changes tasks and their occurrences, and the events each change implies. */
@Service
public class Tasks {

    /** A sweep handles at most this many of each kind; what is left waits for the next sweep, a minute later. */
    private static final int SWEEP_BATCH = 5000;
    /** Tasks written, or read by id, in one round trip. */
    private static final int WRITE_BATCH = 1000;
    /** Keeps a TasksAssigned well under the broker's message size, however many activities a plan gives one unit. */
    private static final int TASKS_PER_EVENT = 50;

    private final AggregateStore<Task> tasks;
    private final AggregateStore<TaskOccurrence> occurrences;
    private final MongoTemplate mongo;
    private final OutboxMessageFactory messages;
    private final Clock clock;
    private final int dueSoonLeadDays;
    private final MeterRegistry meters;
    private final CancelledPlans cancelledPlans;
    private final TasksCheckedAtReportPeriods checkedAtReportPeriods;
    private final WorkingCalendarView calendar;
    private final RetiredUnits retiredUnits;

    public Tasks(AggregateStore<Task> tasks, AggregateStore<TaskOccurrence> occurrences, MongoTemplate mongo, OutboxMessageFactory messages,
            Clock clock, @Value("${par.tasks.due-soon-lead-days:7}") int dueSoonLeadDays, MeterRegistry meters,
            CancelledPlans cancelledPlans, TasksCheckedAtReportPeriods checkedAtReportPeriods, WorkingCalendarView calendar,
            RetiredUnits retiredUnits) {
        this.calendar = calendar;
        this.retiredUnits = retiredUnits;
        this.cancelledPlans = cancelledPlans;
        this.checkedAtReportPeriods = checkedAtReportPeriods;
        this.tasks = tasks;
        this.occurrences = occurrences;
        this.mongo = mongo;
        this.messages = messages;
        this.clock = clock;
        this.dueSoonLeadDays = dueSoonLeadDays;
        this.meters = meters;
    }

    /**
     * One activity's work as a plan gives it: to each unit its role, on the schedule read from the activity's timeframe.
     *
     * @param index the activity's place in the plan
     */
    public record ActivityWork(int index, PlanActivity activity, Map<KnownUnit, TaskRole> roles, Schedule schedule) {
    }

    /**
     * Assigns the work of one or more activities of a plan: each activity to each of its units in its role, on its schedule
     * (work that fell due before the plan was issued is not asked for). The same assignment again adds nothing; if a crash
     * left occurrences missing, it adds them. A batch of tasks costs a few writes, not a few per task or per activity: a
     * national plan names thousands of units in one activity, a commune's plan gives its own unit a dozen activities. The
     * tasks are taken unit by unit, so that each unit's tasks are announced together ({@link #insertAnnounced}).
     *
     * @return the ids of the tasks of the work checked at the plan's report periods (each id derived from the plan, the
     *         activity and the unit)
     */
    public List<String> assignAll(PlanIssued plan, List<String> planPath, List<ActivityWork> work) {
        List<Task> assigned = work.stream().flatMap(activity -> activity.roles().entrySet().stream().map(role -> newTask(plan, planPath,
                activity.index(), activity.activity(), role.getKey(), role.getValue(), activity.schedule())))
                .sorted(Comparator.comparing(Task::unitCode)).toList();
        List<String> checkedAtReportPeriodsIds = new ArrayList<>();
        for (List<Task> batch : batches(assigned)) {
            List<String> ids = batch.stream().map(Task::id).toList();
            List<String> checked = batch.stream().filter(task -> task.scheduleKind().checkedAtReportPeriods()).map(Task::id).toList();
            if (!checked.isEmpty()) {
                checkedAtReportPeriods.addAll(plan.planId(), checked);
                checkedAtReportPeriodsIds.addAll(checked);
            }
            insertAnnounced(batch);
            bringAllOccurrencesInLine(ids);
        }
        return checkedAtReportPeriodsIds;
    }

    /**
     * Inserts the tasks not there yet, each unit's announced by one TasksAssigned (of up to {@value #TASKS_PER_EVENT}) that
     * names only the tasks this write adds, so a task that came to the unit otherwise meanwhile (a hand-over) is not
     * announced again as first assigned; after a crash between two writes, the rest are announced by the next attempt.
     */
    private void insertAnnounced(List<Task> batch) {
        tasks.insertAnnounced(batch, added -> added.stream().collect(Collectors.groupingBy(Task::unitCode, LinkedHashMap::new,
                Collectors.toList())).values().stream().flatMap(unitTasks -> batches(unitTasks, TASKS_PER_EVENT).stream()).toList(),
                this::assignedTogether);
    }

    private static Task newTask(PlanIssued plan, List<String> planPath, int index, PlanActivity activity, KnownUnit unit, TaskRole role,
            Schedule schedule) {
        Target target = Target.of(activity.product()).orElse(null);
        Task unscheduled = new Task(taskId(plan.planId(), index, unit.code()), plan.planId(), plan.rootPlanId(), plan.number(),
                plan.title(), plan.year(), plan.issuedOn(), plan.issuerCode(), index, activity.label(), activity.content(),
                activity.product(), target == null ? null : target.count(), target == null ? null : target.per().name(), unit.code(),
                unit.name(), unit.provinceCode(), unit.ancestorCodes(), role, activity.timeframe(), schedule.kind(), schedule.recognised(),
                List.of(), true, planPath, List.of(), List.of(), unit.establishedOn() == null ? null : unit.establishedOn().minusDays(1), null);
        return unscheduled.withSchedule(schedule.kind(), schedule.recognised(), unscheduled.owed(occurrencesOf(schedule)));
    }

    /** What a successor owes of taken-over work: what falls due after the retirement, and not before it was itself formed. */
    private static LocalDate owedAfter(LocalDate retiredOn, KnownUnit successor) {
        LocalDate beforeFormed = successor.establishedOn() == null ? null : successor.establishedOn().minusDays(1);
        return beforeFormed != null && beforeFormed.isAfter(retiredOn) ? beforeFormed : retiredOn;
    }

    /** Derived from the plan, the activity and the unit, however the task came to the unit. */
    private static String taskId(String planId, int activityIndex, String unitCode) {
        return DerivedId.of("task", planId, activityIndex, unitCode);
    }

    /**
     * The tasks of a unit that its retirement has not ended yet (all of them while it is in service): what a retirement still
     * has to hand over and end.
     */
    public List<Task> notEndedByRetirement(String unitCode) {
        return tasks.find(Query.query(Criteria.where("unitCode").is(unitCode).and("unitRetiredOn").is(null)));
    }

    /**
     * Gives the successor of a unit retired on that day the unit's work on the task's activity: the same plan, activity, role and
     * schedule as decided, owed only from the day after (what fell due until then stays the retired unit's), and announced with
     * TaskAssigned so that the successor is reminded of it. If the successor has the activity already, nothing is added, but a
     * lead taken over makes it lead. Applied again, it changes nothing.
     *
     * @return the successor's task id
     */
    public String handOver(Task retired, KnownUnit successor, LocalDate retiredOn) {
        Task unscheduled = new Task(taskId(retired.planId(), retired.activityIndex(), successor.code()), retired.planId(),
                retired.rootPlanId(), retired.planNumber(), retired.planTitle(), retired.year(), retired.issuedOn(), retired.issuerCode(),
                retired.activityIndex(), retired.activityLabel(), retired.activityContent(), retired.product(), retired.targetCount(),
                retired.targetPer(), successor.code(), successor.name(), successor.provinceCode(), successor.ancestorCodes(), retired.role(),
                retired.timeframe(), retired.scheduleKind(), retired.scheduleRecognised(), List.of(), true, retired.planPath(), List.of(),
                List.of(), owedAfter(retiredOn, successor), null);
        Task taken = unscheduled.withSchedule(retired.scheduleKind(), retired.scheduleRecognised(), unscheduled.owed(retired.schedule()));
        if (taken.scheduleKind().checkedAtReportPeriods()) {
            checkedAtReportPeriods.addAll(taken.planId(), List.of(taken.id()));
        }
        if (!tasks.insertIfAbsent(taken, List.of(assigned(taken, null))) && retired.role() == TaskRole.LEAD) {
            leadIfCooperating(taken.id());
        }
        bringOccurrencesInLine(taken.id());
        return taken.id();
    }

    /**
     * Makes the unit lead the activity it cooperated on: its occurrences first, then its task with TaskAssigned, so that a crash
     * in between leaves the task cooperating, and the event read again makes it lead.
     */
    private void leadIfCooperating(String taskId) {
        Versioned<Task> current = found(taskId);
        if (current.value().role() == TaskRole.LEAD) {
            return;
        }
        occurrences.updateAll(Query.query(Criteria.where("taskId").is(taskId)), new Update().set("role", TaskRole.LEAD.name()));
        Task lead = current.value().leading();
        tasks.update(lead, current.revision(), List.of(assigned(lead, null)));
    }

    /**
     * Ends the task at its unit's retirement on that day: what fell due until then stays as it was; what falls due after it and
     * work on demand are owed no more, their occurrences removed (or, if worked on, kept released). TaskAssigned is published
     * again with the occurrences it keeps. A task already ended stays as it is.
     */
    public void endAtRetirement(String taskId, LocalDate retiredOn) {
        Versioned<Task> current = found(taskId);
        if (current.value().unitRetiredOn() == null) {
            Task ended = current.value().ofUnitRetiredOn(retiredOn);
            tasks.update(ended, current.revision(), List.of(assigned(ended, null)));
        }
        bringOccurrencesInLine(taskId);
    }

    private static <E> List<List<E>> batches(List<E> all) {
        return batches(all, WRITE_BATCH);
    }

    private static <E> List<List<E>> batches(List<E> all, int size) {
        List<List<E>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            batches.add(all.subList(from, Math.min(from + size, all.size())));
        }
        return batches;
    }

    /**
     * Sets by hand the schedule of a task whose timeframe text was not understood: for an officer of the unit that issued
     * the plan (it decides when its plan's work is due), who is kept in the task's history and on the event. A task the
     * official may not see is answered as one that does not exist.
     */
    public Task setSchedule(String taskId, List<LocalDate> dueDates, Access access) {
        Versioned<Task> current = visible(taskId, access);
        Task task = current.value();
        access.requireActsFor(task.issuerCode(), Role.CAN_BO, "đặt hạn hoàn thành cho nhiệm vụ của kế hoạch do đơn vị này ban hành");
        cancelledPlans.refuseIfCancelled(task.planId(), task.planNumber(), "đặt lịch thực hiện");
        retiredUnits.refuseIfRetired(task.unitCode(), "đặt lịch thực hiện");
        if (task.scheduleRecognised()) {
            throw RuleViolationException.conflict("schedule-already-set",
                    "Thời gian thực hiện '" + task.timeframe() + "' đã được hiểu; không đặt lại bằng tay.");
        }
        if (dueDates == null || dueDates.isEmpty()) {
            throw RuleViolationException.invalid("due-dates-missing", "Cần ít nhất một hạn hoàn thành (dueDates).");
        }
        dueDates.stream().filter(d -> d.getYear() != task.year()).findFirst().ifPresent(outside -> {
            throw RuleViolationException.invalid("due-date-outside-plan-year", "Hạn " + VietnameseDates.format(outside)
                    + " không thuộc năm " + task.year() + " của kế hoạch.");
        });
        List<Occurrence> byHand = dueDates.stream().sorted().distinct()
                .map(d -> new Occurrence("Hạn " + VietnameseDates.format(d), null, d)).toList();
        // The schedule and its event in one guarded write: of two people setting it at once, one wins and the other is told so,
        // and the occurrences are then made from what the task document says, never from a request that lost.
        Actor actor = access.official().actor();
        Task scheduled = task.withSchedule(ScheduleKind.ONCE, true, byHand)
                .recording(new HistoryEntry("SCHEDULE_SET", clock.instant(), actor));
        tasks.update(scheduled, current.revision(), List.of(assigned(scheduled, actor)));
        bringOccurrencesInLine(taskId);
        return found(taskId).value();
    }

    /** The ids of the plan's tasks whose work had no dates of its own when assigned, to be checked at the plan's report periods. */
    public List<String> checkedAtReportPeriods(String planId) {
        return checkedAtReportPeriods.taskIdsOf(planId);
    }

    /**
     * Reschedules, as {@link #reschedule} does, those of the tasks checked at report periods whose checkpoints are not these
     * yet or whose occurrences lag behind; the others (the tasks written with these periods known) cost a share of a read.
     */
    public void rescheduleAll(List<String> taskIds, List<Occurrence> checkpoints) {
        for (List<String> batch : batches(taskIds)) {
            tasks.find(Query.query(Criteria.where("_id").in(batch))).stream()
                    .filter(task -> task.scheduleKind().checkedAtReportPeriods())
                    .filter(task -> task.occurrencesPending() || !task.owed(checkpoints).equals(task.schedule()))
                    .forEach(task -> reschedule(task.id(), checkpoints));
        }
    }

    /**
     * Checks the task at these checkpoints from now on: new ones become occurrences, and former ones nobody has recorded
     * progress on are removed. TaskAssigned is published again with the task's occurrences as they now stand.
     */
    public void reschedule(String taskId, List<Occurrence> checkpoints) {
        Versioned<Task> current = found(taskId);
        Task task = current.value();
        List<Occurrence> owed = task.owed(checkpoints);
        if (!owed.equals(task.schedule())) {
            Task rescheduled = task.withSchedule(task.scheduleKind(), task.scheduleRecognised(), owed);
            tasks.update(rescheduled, current.revision(), List.of(assigned(rescheduled, null)));
        }
        bringOccurrencesInLine(taskId);
    }

    /** Finishes what a crash interrupted: tasks whose schedule changed and whose occurrences may not have followed. */
    public int repairSchedules() {
        List<Task> pending = tasks.find(Query.query(Criteria.where("occurrencesPending").is(true)).limit(SWEEP_BATCH));
        pending.forEach(task -> bringOccurrencesInLine(task.id()));
        return pending.size();
    }

    /**
     * Records progress on an occurrence, for an officer (or leader) of the unit doing the work, who is kept on the entry
     * and on the event it implies. An occurrence the official may not see is answered as one that does not exist.
     *
     * @param entry what was recorded; {@code recordedBy} is the official's
     */
    public TaskOccurrence recordProgress(String occurrenceId, ProgressEntry entry, Access access) {
        Versioned<TaskOccurrence> current = occurrences.find(occurrenceId)
                .filter(o -> access.reads(o.value().unitCode(), o.value().ancestorCodes(), o.value().planId()))
                .orElseThrow(() -> new NotFoundException("Không tìm thấy lần thực hiện '" + occurrenceId + "'."));
        access.requireActsFor(current.value().unitCode(), Role.CAN_BO, "ghi nhận tiến độ công việc của đơn vị này");
        Actor actor = access.official().actor();
        cancelledPlans.refuseIfCancelled(current.value().planId(), current.value().planNumber(), "ghi nhận tiến độ");
        retiredUnits.refuseIfRetired(current.value().unitCode(), "ghi nhận tiến độ");
        TaskOccurrence.Recorded recorded = current.value().record(entry, LocalDate.now(clock), calendar.current());
        TaskOccurrence after = recorded.occurrence();
        List<OutboxMessage> events = switch (recorded.change()) {
            case COMPLETED -> List.of(completed(after, after.completion().orElseThrow(), actor));
            case REOPENED -> List.of(messages.create(EventCatalog.TASK_REOPENED, after.provinceCode(), subject(after), actor,
                    new TaskReopened(facts(after), LocalDate.now(clock))));
            case NONE -> List.of();
        };
        occurrences.update(after, current.revision(), events);
        return after;
    }

    /**
     * Marks what fell overdue and announces what falls due soon, each once per occurrence, by the facts kept on it (not by
     * its status, which corrections move), a batch at a time while whole batches are written. The scheduled sweep holds a lock so that
     * one instance sweeps at a time; should two ever run at once, every change is still a write conditional on the
     * revision read, so of two sweepers reaching the same occurrence one writes and publishes and the other finds it
     * changed and moves on.
     *
     * @return how many occurrences this sweep changed
     */
    public int sweepDeadlines() {
        LocalDate today = LocalDate.now(clock);
        WorkingCalendar workingCalendar = calendar.current();
        int changed = 0;
        int written;
        do {
            written = announceOverdue(occurrences.findVersioned(Query.query(Criteria.where("overdueAnnounced").in(false, null)
                    .and("status").in(OccurrenceStatus.NOT_DUE, OccurrenceStatus.OVERDUE).and("dueDate").lt(workingCalendar.lateIfDueBefore(today))
                    .and("releasedOn").is(null)).limit(SWEEP_BATCH)), today, workingCalendar);
            changed += written;
        } while (written == SWEEP_BATCH);
        do {
            List<Versioned<TaskOccurrence>> batch = occurrences.findVersioned(Query.query(Criteria.where("status").is(OccurrenceStatus.NOT_DUE)
                    .and("dueSoonAnnounced").is(false).and("dueDate").gte(today).lte(today.plusDays(dueSoonLeadDays)).and("releasedOn").is(null))
                    .limit(SWEEP_BATCH));
            written = (int) occurrences.updateAllUnlessChanged(Versioned.changed(batch, o -> o.announceDueSoon(today, dueSoonLeadDays)),
                    after -> List.of(messages.create(EventCatalog.TASK_DUE_SOON, after.provinceCode(), subject(after), new TaskDueSoon(facts(after)))));
            changed += written;
        } while (written == SWEEP_BATCH);
        return changed;
    }

    /**
     * Marks a batch overdue in one write per province, which says how many of that province's were written (those another
     * sweeper overtook are not), so the count of what was announced stays exact per province.
     */
    private int announceOverdue(List<Versioned<TaskOccurrence>> batch, LocalDate today, WorkingCalendar workingCalendar) {
        Map<String, Long> written = occurrences.updateAllUnlessChanged(Versioned.changed(batch, o -> o.markOverdue(today, workingCalendar)),
                TaskOccurrence::provinceCode, after -> List.of(messages.create(EventCatalog.TASK_OVERDUE, after.provinceCode(), subject(after),
                        new TaskOverdue(facts(after)))));
        written.forEach(this::countOverdueAnnounced);
        return (int) written.values().stream().mapToLong(Long::longValue).sum();
    }

    private void countOverdueAnnounced(String provinceCode, long announced) {
        Counter.builder("par.tasks.overdue.announced").description("Occurrences announced overdue by the deadline sweep")
                .tags(Tags.of(CountGauge.province(provinceCode))).register(meters).increment(announced);
    }

    /** The schedule's occurrences in due order; on-demand work is one occurrence with no due date. */
    private static List<Occurrence> occurrencesOf(Schedule schedule) {
        List<Occurrence> due = new ArrayList<>(schedule.occurrences());
        if (schedule.kind() == ScheduleKind.ON_DEMAND) {
            due.add(new Occurrence("Đột xuất", null, null));
        }
        due.sort(Comparator.comparing(Occurrence::dueDate, Comparator.nullsLast(Comparator.naturalOrder())));
        return due;
    }

    /**
     * Makes the task's occurrence documents match its schedule, then clears its pending mark if the task is still as read.
     * If it changed meanwhile, the occurrences are matched again to what it now says: a writer working from an older read
     * can never leave its occurrences behind.
     */
    private void bringOccurrencesInLine(String taskId) {
        Versioned<Task> read = found(taskId);
        if (!read.value().occurrencesPending()) {
            return;
        }
        while (true) {
            matchOccurrences(read.value());
            if (!read.value().occurrencesPending()) {
                return;
            }
            try {
                tasks.update(read.value().withOccurrencesInLine(), read.revision(), List.of());
                return;
            } catch (ConcurrentUpdateException changedMeanwhile) {
                read = found(taskId);
            }
        }
    }

    /**
     * {@link #bringOccurrencesInLine} for many tasks in three writes: their occurrences, and their pending marks cleared where
     * each task is still as read. One that changed meanwhile is brought in line on its own, from what it now says.
     */
    private void bringAllOccurrencesInLine(List<String> taskIds) {
        List<Versioned<Task>> pending = tasks.findVersioned(Query.query(Criteria.where("_id").in(taskIds).and("occurrencesPending").is(true)));
        occurrences.insertAllIfAbsent(pending.stream().flatMap(read -> occurrencesOf(read.value()).stream()).toList());
        pending.forEach(read -> removeSuperseded(read.value()));
        long cleared = tasks.updateAllUnlessChanged(pending.stream()
                .map(read -> new Versioned<>(read.value().withOccurrencesInLine(), read.revision())).toList());
        if (cleared < pending.size()) {
            pending.forEach(read -> bringOccurrencesInLine(read.value().id()));
        }
    }

    private void matchOccurrences(Task task) {
        occurrences.insertAllIfAbsent(occurrencesOf(task));
        removeSuperseded(task);
    }

    private static List<TaskOccurrence> occurrencesOf(Task task) {
        return task.schedule().stream().map(o -> new TaskOccurrence(occurrenceId(task, o), task.id(), task.planId(), task.rootPlanId(),
                task.planNumber(), task.planTitle(), task.unitCode(), task.unitName(), task.provinceCode(), task.ancestorCodes(), task.role(),
                task.activityContent(), o.label(), o.periodStart(), o.dueDate(), TaskOccurrence.initialStatus(o.dueDate()), false, false,
                List.of(), task.planPath(), null)).toList();
    }

    private void removeSuperseded(Task task) {
        for (LocalDate superseded : task.supersededDueDates()) {
            occurrences.find(DerivedId.of("occurrence", task.id(), superseded)).ifPresent(found -> removeSuperseded(task, found));
        }
    }

    /**
     * Only what nobody worked on and nothing waits to be announced about is removed: progress is history, and is never thrown
     * away. What stays though its unit was retired before it fell due, and was not done, is released: owed by nobody.
     */
    private void removeSuperseded(Task task, Versioned<TaskOccurrence> found) {
        TaskOccurrence o = found.value();
        boolean removed = o.progress().isEmpty() && occurrences.deleteIfSettled(o.id(), found.revision());
        if (!removed && task.releasedByRetirement(o.dueDate()) && !o.status().isDone() && o.releasedOn() == null) {
            occurrences.update(o.released(task.unitRetiredOn()), found.revision(), List.of());
        }
    }

    private static String occurrenceId(Task task, Occurrence occurrence) {
        return DerivedId.of("occurrence", task.id(), occurrence.dueDate());
    }

    private Versioned<Task> found(String taskId) {
        return tasks.find(taskId).orElseThrow(() -> new NotFoundException("Không tìm thấy nhiệm vụ '" + taskId + "'."));
    }

    /** A task outside what the official sees is answered as one that does not exist. */
    private Versioned<Task> visible(String taskId, Access access) {
        return tasks.find(taskId).filter(task -> access.reads(task.value().unitCode(), task.value().ancestorCodes(), task.value().planId()))
                .orElseThrow(() -> new NotFoundException("Không tìm thấy nhiệm vụ '" + taskId + "'."));
    }

    /** @param actor the official whose request caused it; null when the platform assigned or rescheduled it on its own */
    private OutboxMessage assigned(Task task, Actor actor) {
        return messages.create(EventCatalog.TASK_ASSIGNED, task.provinceCode(), "tasks/" + task.id(), actor, announcement(task));
    }

    /** @param unitTasks tasks of one plan and one unit, the first carrying the event */
    private OutboxMessage assignedTogether(List<Task> unitTasks) {
        Task first = unitTasks.get(0);
        return messages.create(EventCatalog.TASKS_ASSIGNED, first.provinceCode(), "tasks/" + first.id(), null,
                new TasksAssigned(first.planId(), first.unitCode(), first.provinceCode(), unitTasks.stream().map(Tasks::announcement).toList()));
    }

    private static TaskAssigned announcement(Task task) {
        List<Occurrence> schedule = task.schedule();
        return new TaskAssigned(task.id(), task.planId(), task.rootPlanId(), task.planNumber(), task.unitCode(), task.unitName(),
                task.provinceCode(), task.role().name(), task.activityLabel(), task.activityContent(), task.product(), task.targetCount(),
                task.targetPer(), task.timeframe(), task.scheduleKind().name(),
                schedule.stream().map(Occurrence::dueDate).filter(Objects::nonNull).toList(), task.activityIndex(), task.planTitle(),
                schedule.stream().map(o -> new ScheduledOccurrence(occurrenceId(task, o), o.label(), o.dueDate())).toList());
    }

    private OutboxMessage completed(TaskOccurrence o, ProgressEntry completion, Actor actor) {
        return messages.create(EventCatalog.TASK_COMPLETED, o.provinceCode(), subject(o), actor, new TaskCompleted(facts(o),
                completion.doneOn(), o.status() == OccurrenceStatus.DONE_ON_TIME, completion.count(), completion.links(), completion.note()));
    }

    static TaskOccurrenceFacts facts(TaskOccurrence o) {
        return new TaskOccurrenceFacts(o.id(), o.taskId(), o.planId(), o.planNumber(), o.planTitle(), o.unitCode(), o.unitName(),
                o.provinceCode(), o.role().name(), o.activityContent(), o.label(), o.dueDate());
    }

    private static String subject(TaskOccurrence o) {
        return "occurrences/" + o.id();
    }

}
