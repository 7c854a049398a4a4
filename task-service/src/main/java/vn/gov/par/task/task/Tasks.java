package vn.gov.par.task.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.task.ScheduledOccurrence;
import vn.gov.par.contracts.task.TaskAssigned;
import vn.gov.par.contracts.task.TaskCompleted;
import vn.gov.par.contracts.task.TaskDueSoon;
import vn.gov.par.contracts.task.TaskOccurrenceFacts;
import vn.gov.par.contracts.task.TaskOverdue;
import vn.gov.par.support.domain.DerivedId;
import vn.gov.par.support.domain.NotFoundException;
import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.text.VietnameseDates;
import vn.gov.par.support.outbox.EventOutbox;
import vn.gov.par.support.outbox.OutboxMessage;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.ConcurrentUpdateException;
import vn.gov.par.support.persistence.Versioned;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.task.schedule.Occurrence;
import vn.gov.par.task.schedule.Schedule;
import vn.gov.par.task.schedule.ScheduleKind;

/** Everything that changes tasks and their occurrences, and the events each change implies. */
@Service
public class Tasks {

    /** A sweep handles at most this many of each kind; what is left waits for the next sweep, a minute later. */
    private static final int SWEEP_BATCH = 2000;

    private final AggregateStore<Task> tasks;
    private final AggregateStore<TaskOccurrence> occurrences;
    private final EventOutbox outbox;
    private final Clock clock;
    private final int dueSoonLeadDays;

    public Tasks(AggregateStore<Task> tasks, AggregateStore<TaskOccurrence> occurrences, EventOutbox outbox, Clock clock,
            @Value("${par.tasks.due-soon-lead-days:7}") int dueSoonLeadDays) {
        this.tasks = tasks;
        this.occurrences = occurrences;
        this.outbox = outbox;
        this.clock = clock;
        this.dueSoonLeadDays = dueSoonLeadDays;
    }

    public void assign(PlanIssued plan, List<String> planPath, int index, PlanActivity activity, KnownUnit unit, TaskRole role,
            Schedule schedule) {
        Target target = Target.of(activity.product()).orElse(null);
        Task task = new Task(DerivedId.of("task", plan.planId(), index, unit.code()), plan.planId(), plan.rootPlanId(), plan.number(),
                plan.title(), plan.year(), plan.issuerCode(), index, activity.label(), activity.content(), activity.product(),
                target == null ? null : target.count(), target == null ? null : target.per().name(), unit.code(), unit.name(),
                unit.provinceCode(), unit.ancestorCodes(), role, activity.timeframe(), schedule.kind(), schedule.recognised(), planPath);
        List<Occurrence> scheduled = occurrencesOf(schedule);
        tasks.insertIfAbsent(task, List.of(assigned(task, scheduled)));
        addOccurrences(task, scheduled);
    }

    /** Sets by hand the schedule of a task whose timeframe text was not understood. */
    public Task setSchedule(String taskId, List<LocalDate> dueDates) {
        Versioned<Task> current = tasks.find(taskId).orElseThrow(() -> new NotFoundException("Không tìm thấy nhiệm vụ '" + taskId + "'."));
        if (current.value().scheduleRecognised()) {
            throw RuleViolationException.conflict("schedule-already-set",
                    "Thời gian thực hiện '" + current.value().timeframe() + "' đã được hiểu; không đặt lại bằng tay.");
        }
        if (dueDates == null || dueDates.isEmpty()) {
            throw RuleViolationException.invalid("due-dates-missing", "Cần ít nhất một hạn hoàn thành (dueDates).");
        }
        List<Occurrence> byHand = dueDates.stream().sorted().distinct()
                .map(d -> new Occurrence("Hạn " + VietnameseDates.format(d), null, d)).toList();
        Task scheduled = current.value().withSchedule(ScheduleKind.ONCE, true);
        // Occurrences first (their ids are derived, so a retry adds nothing), then the task and its event in one write:
        // a crash in between leaves the schedule still open to be set, never a task marked scheduled without occurrences.
        addOccurrences(scheduled, byHand);
        tasks.update(scheduled, current.revision(), List.of(assigned(scheduled, byHand)));
        return scheduled;
    }

    public TaskOccurrence recordProgress(String occurrenceId, ProgressEntry entry) {
        Versioned<TaskOccurrence> current = occurrences.find(occurrenceId)
                .orElseThrow(() -> new NotFoundException("Không tìm thấy lần thực hiện '" + occurrenceId + "'."));
        TaskOccurrence before = current.value();
        TaskOccurrence after = before.record(entry, LocalDate.now(clock));
        List<OutboxMessage> events = !before.status().isDone() && after.status().isDone()
                ? List.of(outbox.message(EventCatalog.TASK_COMPLETED, after.provinceCode(), subject(after), new TaskCompleted(facts(after),
                        entry.doneOn(), after.status() == OccurrenceStatus.DONE_ON_TIME, entry.count(), entry.links(), entry.note())))
                : List.of();
        occurrences.update(after, current.revision(), events);
        return after;
    }

    /**
     * Marks what fell overdue and announces what falls due soon, each once. Safe with several instances
     * sweeping at once: every change is a write conditional on the revision read, so of two sweepers
     * reaching the same occurrence one writes and publishes and the other finds it changed and moves on.
     *
     * @return how many occurrences this sweep changed
     */
    public int sweepDeadlines() {
        LocalDate today = LocalDate.now(clock);
        int changed = 0;
        Query overdue = Query.query(Criteria.where("status").is(OccurrenceStatus.NOT_DUE).and("dueDate").lt(today)).limit(SWEEP_BATCH);
        for (Versioned<TaskOccurrence> o : occurrences.findVersioned(overdue)) {
            changed += o.value().markOverdue(today).map(after -> publish(o, after, outbox.message(EventCatalog.TASK_OVERDUE,
                    after.provinceCode(), subject(after), new TaskOverdue(facts(after))))).orElse(0);
        }
        Query dueSoon = Query.query(Criteria.where("status").is(OccurrenceStatus.NOT_DUE).and("dueSoonAnnounced").is(false)
                .and("dueDate").gte(today).lte(today.plusDays(dueSoonLeadDays))).limit(SWEEP_BATCH);
        for (Versioned<TaskOccurrence> o : occurrences.findVersioned(dueSoon)) {
            changed += o.value().announceDueSoon(today, dueSoonLeadDays).map(after -> publish(o, after,
                    outbox.message(EventCatalog.TASK_DUE_SOON, after.provinceCode(), subject(after), new TaskDueSoon(facts(after)))))
                    .orElse(0);
        }
        return changed;
    }

    private int publish(Versioned<TaskOccurrence> before, TaskOccurrence after, OutboxMessage event) {
        try {
            occurrences.update(after, before.revision(), List.of(event));
            return 1;
        } catch (ConcurrentUpdateException anotherSweeperWasFirst) {
            return 0;
        }
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

    private static String occurrenceId(Task task, Occurrence occurrence) {
        return DerivedId.of("occurrence", task.id(), occurrence.dueDate());
    }

    private void addOccurrences(Task task, List<Occurrence> due) {
        for (Occurrence o : due) {
            occurrences.insertIfAbsent(new TaskOccurrence(occurrenceId(task, o), task.id(), task.planId(),
                    task.rootPlanId(), task.planNumber(), task.planTitle(), task.unitCode(), task.unitName(), task.provinceCode(),
                    task.ancestorCodes(), task.role(), task.activityContent(), o.label(), o.periodStart(), o.dueDate(),
                    TaskOccurrence.initialStatus(o.dueDate()), false, List.of(), task.planPath()), List.of());
        }
    }

    private OutboxMessage assigned(Task task, List<Occurrence> schedule) {
        return outbox.message(EventCatalog.TASK_ASSIGNED, task.provinceCode(), "tasks/" + task.id(), new TaskAssigned(task.id(),
                task.planId(), task.rootPlanId(), task.planNumber(), task.unitCode(), task.unitName(), task.provinceCode(), task.role().name(),
                task.activityLabel(), task.activityContent(), task.product(), task.targetCount(), task.targetPer(), task.timeframe(),
                task.scheduleKind().name(), schedule.stream().map(Occurrence::dueDate).filter(Objects::nonNull).toList(), task.activityIndex(),
                task.planTitle(), schedule.stream().map(o -> new ScheduledOccurrence(occurrenceId(task, o), o.label(), o.dueDate())).toList()));
    }

    static TaskOccurrenceFacts facts(TaskOccurrence o) {
        return new TaskOccurrenceFacts(o.id(), o.taskId(), o.planId(), o.planNumber(), o.planTitle(), o.unitCode(), o.unitName(),
                o.provinceCode(), o.role().name(), o.activityContent(), o.label(), o.dueDate());
    }

    private static String subject(TaskOccurrence o) {
        return "occurrences/" + o.id();
    }

}
