package vn.gov.par.notification.reminder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import vn.gov.par.contracts.plan.PlanCancelled;
import vn.gov.par.contracts.plan.PlanClosed;
import vn.gov.par.contracts.plan.SubPlanObligationCreated;
import vn.gov.par.contracts.plan.SubPlanObligationFulfilled;
import vn.gov.par.contracts.report.ReportDue;
import vn.gov.par.contracts.report.ReportObligationFacts;
import vn.gov.par.contracts.report.ReportReturned;
import vn.gov.par.contracts.report.ReportSubmitted;
import vn.gov.par.contracts.report.ReportsDue;
import vn.gov.par.contracts.task.ScheduledOccurrence;
import vn.gov.par.contracts.task.TaskAssigned;
import vn.gov.par.contracts.task.TaskCompleted;
import vn.gov.par.contracts.task.TaskDueSoon;
import vn.gov.par.contracts.task.TaskOccurrenceFacts;
import vn.gov.par.contracts.task.TaskOverdue;
import vn.gov.par.contracts.task.TaskReopened;
import vn.gov.par.contracts.task.TasksAssigned;
import vn.gov.par.contracts.unit.UnitRetired;
import vn.gov.par.notification.calendar.WorkingCalendars;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.domain.DerivedId;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.ConcurrentUpdateException;
import vn.gov.par.support.persistence.Versioned;

/**
 * Opens deadlines from the events that announce them; closes them, cancelling what is still pending, from the events
 * that fulfil them, and reopens them when the work is found not done after all. Every write is insert-if-absent or a
 * guarded update, so redelivered events change nothing.
 *
 * <p>A deadline's reminders are planned, not stored: the deadline keeps when its plan was made and when its next
 * reminder falls due ({@code nextReminderAt}, indexed), and what the plan asks for is computed from the policy and the
 * calendar whenever it is needed ({@link #planned}). A reminder is written only once it is due ({@link #bringDue}), as
 * the record its deliveries hang on, so a country's deadlines cost one document each until something is sent, and a
 * change of the calendar re-plans by computing, writing only the deadlines whose next reminder moved.
 *
 * <p>An event reads and writes deadlines and reminders by id (a deadline keeps its written reminders' ids), and a plan's
 * end finds the plan's open deadlines through the (planId, open) index, so handling one costs the same however many the
 * country has. A retired unit's deadlines are closed for good, and none is opened for it again.
 */
@Service
public class Deadlines {

    private static final long UNVERSIONED = 0;
    private static final String NEXT_REMINDER_AT = "nextReminderAt";
    private static final int DUE_BATCH = 500;
    private static final int MAX_DUE_BATCHES = 200;
    /** A task's role when its unit is named only as cooperating (TaskAssigned's {@code role}). */
    private static final String COOPERATING = "COOPERATING";

    private final AggregateStore<Deadline> deadlines;
    private final AggregateStore<Reminder> reminders;
    private final UnitDirectoryView units;
    private final WorkingCalendars calendars;
    private final ReminderPolicies policies;
    private final ReminderMetrics metrics;
    private final Supervisors supervisors;
    private final Clock clock;

    public Deadlines(AggregateStore<Deadline> deadlines, AggregateStore<Reminder> reminders, UnitDirectoryView units,
            WorkingCalendars calendars, ReminderPolicies policies, ReminderMetrics metrics, Supervisors supervisors, Clock clock) {
        this.supervisors = supervisors;
        this.deadlines = deadlines;
        this.reminders = reminders;
        this.units = units;
        this.calendars = calendars;
        this.policies = policies;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void onSubPlanObligationCreated(SubPlanObligationCreated e) {
        supervisors.issuedBy(e.parentPlanId(), e.supervisingUnitCode());
        open(new Deadline(idOf(DeadlineKind.SUB_PLAN, e.obligationId()), DeadlineKind.SUB_PLAN, e.obligationId(), e.parentPlanId(),
                e.parentPlanNumber(), e.parentPlanTitle(), e.unitCode(), e.unitName(), e.provinceCode(), e.supervisingUnitCode(),
                "Ban hành kế hoạch thực hiện Kế hoạch số " + e.parentPlanNumber(), e.dueDate(), false, "/plans/" + e.draftPlanId(), true,
                UNVERSIONED, false, List.of(), null, null, 0, null));
    }

    /** Every dated occurrence is tracked from the moment the work exists, so reminders of any lead time can be planned. */
    public void onTaskAssigned(TaskAssigned e) {
        openTasksOf(e.unitCode(), List.of(e));
    }

    /** Deadlines are opened if absent, so a task announced again since (by TaskAssigned) keeps what that opened. */
    public void onTasksAssigned(TasksAssigned e) {
        openTasksOf(e.unitCode(), e.tasks());
    }

    private void openTasksOf(String unitCode, List<TaskAssigned> assigned) {
        if (assigned.stream().allMatch(task -> dated(task).isEmpty())) {
            return;
        }
        // One unit for all its occurrences: it is read once, for its parent and whether it is retired.
        Optional<KnownUnit> unit = units.find(unitCode);
        if (unit.filter(KnownUnit::isRetired).isPresent()) {
            return;
        }
        String parent = unit.map(KnownUnit::parentCode).orElse(null);
        openInService(assigned.stream().flatMap(e -> dated(e).stream().map(o -> taskDeadline(o.occurrenceId(), e.taskId(), e.planId(),
                e.planNumber(), e.planTitle(), e.unitCode(), e.unitName(), parent, e.provinceCode(), e.role(), e.activityContent(), o.label(),
                o.dueDate()))).toList());
    }

    private static List<ScheduledOccurrence> dated(TaskAssigned task) {
        return task.occurrences() == null ? List.of() : task.occurrences().stream().filter(o -> o.dueDate() != null).toList();
    }

    public void onTaskDueSoon(TaskDueSoon e) {
        if (isDated(e.occurrence())) {
            open(taskDeadline(e.occurrence()));
        }
    }

    public void onTaskOverdue(TaskOverdue e) {
        if (isDated(e.occurrence())) {
            open(taskDeadline(e.occurrence()));
        }
    }

    public void onTaskCompleted(TaskCompleted e) {
        if (isDated(e.occurrence())) {
            fulfil(idOf(DeadlineKind.TASK, e.occurrence().occurrenceId()), UNVERSIONED, e.onTime());
        }
    }

    public void onTaskReopened(TaskReopened e) {
        if (isDated(e.occurrence())) {
            reopen(taskDeadline(e.occurrence()), UNVERSIONED);
        }
    }

    public void onReportDue(ReportDue e) {
        open(reportDeadline(e.report()));
    }

    /**
     * A unit's reports under a plan, opened together: one look-up of the unit, one of who supervises the plan (its reports
     * all go to its issuer, through the same office), one write.
     */
    public void onReportsDue(ReportsDue e) {
        ReportObligationFacts first = e.reports().get(0);
        supervisors.reportsVia(first.planId(), first.recipientUnitCode(), first.via());
        openAll(e.reports().stream().map(Deadlines::reportDeadlineOf).toList());
    }

    public void onReportSubmitted(ReportSubmitted e) {
        fulfil(idOf(DeadlineKind.REPORT, e.report().obligationId()), 2L * e.version(), e.onTime());
    }

    /** The unit must submit again: its deadline stands again, overdue reminders included if it has passed. */
    public void onReportReturned(ReportReturned e) {
        reopen(reportDeadline(e.report()), 2L * e.version() + 1);
    }

    public void onSubPlanObligationFulfilled(SubPlanObligationFulfilled e) {
        fulfil(idOf(DeadlineKind.SUB_PLAN, e.obligationId()), UNVERSIONED, e.onTime());
    }

    public void onPlanCancelled(PlanCancelled e) {
        onPlanEnded(e.planId());
    }

    public void onPlanClosed(PlanClosed e) {
        onPlanEnded(e.planId());
    }

    /**
     * A retired unit owes nothing more, whoever takes its work over: every deadline of its own is closed for good, what
     * is still planned or due for it cancelled, so that neither it nor its supervisor hears of it again, and no late
     * return or reopening opens it again. Its successor's deadlines come from the events that give it the work.
     */
    public void onUnitRetired(UnitRetired e) {
        Query notClosedForGood = Query.query(Criteria.where("unitCode").is(e.code()).and("fulfilmentVersion").ne(Deadline.FOR_GOOD));
        for (Deadline owed : deadlines.find(notClosedForGood)) {
            close(owed.id(), Deadline.FOR_GOOD, false);
        }
    }

    public Optional<Deadline> find(String id) {
        return deadlines.find(id).map(Versioned::value);
    }

    /**
     * The working calendar changed: every open deadline with reminders to come has its next one computed by it again, and
     * is written only if that moved. What the calendar moved into the past is not sent late ({@link #planned}).
     */
    public void replanPending() {
        WorkingCalendars.InForce calendar = calendars.inForce();
        deadlines.forEach(Query.query(Criteria.where(NEXT_REMINDER_AT).gte(Instant.EPOCH)), deadline -> {
            if (deadline.open()) {
                reschedule(deadline, calendar);
            }
        });
    }

    /**
     * Writes the reminders that have fallen due by now, each once, on the deadlines that said so: the records the
     * dispatcher sends from. A batch at a time through the {@code nextReminderAt} index, until none is left.
     */
    public void bringDue(Instant now) {
        for (int batch = 0; batch < MAX_DUE_BATCHES; batch++) {
            List<Deadline> due = deadlines.find(Query.query(Criteria.where(NEXT_REMINDER_AT).lte(now)).limit(DUE_BATCH));
            WorkingCalendars.InForce calendar = calendars.inForce();
            due.forEach(deadline -> bringDue(deadline, now, calendar));
            if (due.size() < DUE_BATCH) {
                return;
            }
        }
    }

    private void bringDue(Deadline deadline, Instant now, WorkingCalendars.InForce calendar) {
        if (!deadline.open()) {
            moveNextReminder(deadline, null);
            return;
        }
        Map<Boolean, List<Reminder>> byDue = planned(deadline, calendar).stream().collect(Collectors.partitioningBy(r -> !r.sendAt().isAfter(now)));
        Map<String, Reminder> dueNow = new LinkedHashMap<>();
        byDue.get(true).forEach(reminder -> dueNow.put(reminder.id(), reminder));
        writeDue(deadline, dueNow);
        moveNextReminder(deadline, earliest(byDue.get(false)));
    }

    /**
     * The reminders the deadline's plan asks for, whether written yet or not: those its policy and the calendar give from
     * when it was planned (or from the calendar's last change, if later: a reminder the change moved into the past is not
     * sent late; a change stamped after now, which a clock set back would show, is not one yet), and the OVERDUE reminder
     * after the last one that went out. A deadline kept before reminders were planned
     * this way (no {@code plannedFrom}) had them all written then, and only continues its overdue reminders.
     */
    private List<Reminder> planned(Deadline deadline, WorkingCalendars.InForce calendar) {
        List<Reminder> planned = new ArrayList<>();
        ReminderPlanner planner = calendar.planner();
        ReminderPolicy policy = policies.of(deadline.kind());
        if (deadline.plannedFrom() != null) {
            Instant changed = calendar.changedAt();
            Instant from = changed != null && changed.isAfter(deadline.plannedFrom()) && !changed.isAfter(clock.instant()) ? changed
                    : deadline.plannedFrom();
            planner.initial(deadline.dueDate(), policy, from, deadline.cooperating()).forEach(p -> planned.add(reminderOf(deadline, p)));
        }
        if (deadline.lastOverdueOffset() > 0) {
            planner.nextOverdueAfter(deadline.dueDate(), policy, deadline.lastOverdueOffset(), deadline.lastOverdueAt())
                    .ifPresent(next -> planned.add(reminderOf(deadline, next)));
        }
        return planned;
    }

    /** What the deadline's plan still has to send: written and pending, or planned and not yet written; none once it is closed. */
    public List<Reminder> pendingOf(String deadlineId) {
        Optional<Deadline> deadline = find(deadlineId).filter(Deadline::open);
        if (deadline.isEmpty()) {
            return List.of();
        }
        List<Reminder> pending = new ArrayList<>(toCome(deadline.get(), calendars.inForce()));
        byIds(reminders, deadline.get().reminderIds()).stream().filter(r -> r.state() == ReminderState.PENDING).forEach(pending::add);
        return pending;
    }

    /** The reminders the deadline's plan asks for that are not written yet. */
    List<Reminder> toCome(Deadline deadline, WorkingCalendars.InForce calendar) {
        return planned(deadline, calendar).stream().filter(r -> !deadline.reminderIds().contains(r.id())).toList();
    }

    /** Open deadlines whose next reminder falls due by then, for a preview. */
    List<Deadline> remindingBy(Instant horizon) {
        return deadlines.find(Query.query(Criteria.where(NEXT_REMINDER_AT).lte(horizon))).stream().filter(Deadline::open).toList();
    }

    /** After an OVERDUE reminder was settled, the next one follows from it (after now, however late it went), while the deadline is open. */
    void planNextOverdue(Reminder sent) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Versioned<Deadline>> current = deadlines.find(sent.deadlineId()).filter(d -> d.value().open());
            if (current.isEmpty()) {
                return;
            }
            Deadline followed = current.get().value().overdueSent(sent.offsetDays(), clock.instant());
            try {
                deadlines.update(followed.remindingNextAt(nextOf(followed, calendars.inForce())), current.get().revision(), List.of());
                return;
            } catch (ConcurrentUpdateException changedMeanwhile) {
                // read it again as it is now
            }
        }
    }

    /** A cancelled or closed plan asks nothing more of anyone: every deadline still open under it is closed for good. */
    private void onPlanEnded(String planId) {
        for (Deadline open : deadlines.find(Query.query(Criteria.where("planId").is(planId).and("open").is(true)))) {
            close(open.id(), Deadline.FOR_GOOD, false);
        }
    }

    private void open(Deadline announced) {
        openAll(List.of(announced));
    }

    /** Opens the deadlines an event announces, but not a retired unit's ({@link #onUnitRetired}). */
    private void openAll(List<Deadline> announcedToAll) {
        Set<String> retired = retiredUnitsOf(announcedToAll);
        openInService(announcedToAll.stream().filter(d -> !retired.contains(d.unitCode())).toList());
    }

    /**
     * Opens deadlines of units found in service, their reminders planned from now, in one write however many (a task's
     * occurrences, a year of quarters); those the store already holds (a redelivery, a reopening) are read only then,
     * and have their next reminder brought in line instead.
     */
    private void openInService(List<Deadline> announced) {
        if (announced.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        WorkingCalendars.InForce calendar = calendars.inForce();
        Set<String> known = deadlines.insertAllIfAbsent(announced.stream().map(deadline -> plannedFrom(deadline, now, calendar)).toList());
        byIds(deadlines, List.copyOf(known)).stream().filter(Deadline::open).forEach(deadline -> reschedule(deadline, calendar));
        closeIfRetiredMeanwhile(announced);
    }

    /**
     * The unit's retirement, handled at the same time from {@code unit.events}, may have looked for its deadlines before
     * these were written: they are closed as it would have closed them.
     */
    private void closeIfRetiredMeanwhile(List<Deadline> opened) {
        Set<String> retired = retiredUnitsOf(opened);
        opened.stream().filter(d -> retired.contains(d.unitCode())).forEach(d -> close(d.id(), Deadline.FOR_GOOD, false));
    }

    /** Which of the deadlines' units are retired: one look-up per unit, however many deadlines an event announces. */
    private Set<String> retiredUnitsOf(List<Deadline> announced) {
        return announced.stream().map(Deadline::unitCode).filter(Objects::nonNull).distinct()
                .filter(code -> units.find(code).filter(KnownUnit::isRetired).isPresent()).collect(Collectors.toSet());
    }

    /**
     * A reopening of a deadline already open is one redelivered. A reopened deadline's reminders are planned from now, as
     * a new one's are (what was sent before stays sent). A retired unit's work is not reopened ({@link #onUnitRetired}).
     */
    private void reopen(Deadline announced, long version) {
        if (!retiredUnitsOf(List.of(announced)).isEmpty()) {
            return;
        }
        Optional<Versioned<Deadline>> current = deadlines.find(announced.id());
        if (current.isEmpty()) {
            open(announced.reopened(version, clock.instant()));
            return;
        }
        Deadline known = current.get().value();
        WorkingCalendars.InForce calendar = calendars.inForce();
        if (known.open()) {
            reschedule(known, calendar);
        } else if (known.acceptsChangeAt(version)) {
            Deadline reopened = known.reopenedAs(announced, version, clock.instant());
            deadlines.update(reopened.remindingNextAt(nextOf(reopened, calendar)), current.get().revision(), List.of());
        }
    }

    /** The work is done: the deadline closes, and the first time its work is done is counted, reminded or not. */
    private void fulfil(String deadlineId, long version, boolean beforeDeadline) {
        close(deadlineId, version, true).ifPresent(fulfilled -> metrics.deadlineFulfilled(fulfilled.kind(),
                byIds(reminders, fulfilled.reminderIds()).stream().anyMatch(r -> r.state() == ReminderState.DONE), beforeDeadline));
    }

    /**
     * An older close, redelivered after a reopening, leaves the deadline and its reminders as they are.
     *
     * @param byFulfilment whether its work was done, rather than its plan ended
     * @return the deadline, if this is the first time its work was done
     */
    private Optional<Deadline> close(String deadlineId, long version, boolean byFulfilment) {
        Optional<Versioned<Deadline>> current = deadlines.find(deadlineId);
        if (current.isEmpty()) {
            return deadlines.insertIfAbsent(Deadline.closedUnannounced(deadlineId, version), List.of()) ? Optional.empty()
                    : close(deadlineId, version, byFulfilment);
        }
        Deadline known = current.get().value();
        Deadline closed = byFulfilment ? known.fulfilled(version) : known.closed(version);
        if (known.acceptsChangeAt(version) && !closed.equals(known)) {
            deadlines.update(closed, current.get().revision(), List.of());
            cancelPending(closed);
            return known.open() && !known.everFulfilled() ? Optional.of(closed) : Optional.empty();
        }
        if (!known.open()) {
            cancelPending(known);
        }
        return Optional.empty();
    }

    /** A new deadline, its reminders planned from now: the first falls due at its next reminder. */
    private Deadline plannedFrom(Deadline announced, Instant now, WorkingCalendars.InForce calendar) {
        Deadline planned = new Deadline(announced.id(), announced.kind(), announced.sourceId(), announced.planId(), announced.planNumber(),
                announced.planTitle(), announced.unitCode(), announced.unitName(), announced.provinceCode(), announced.supervisorUnitCode(),
                announced.whatIsDue(), announced.dueDate(), announced.cooperating(), announced.actionPath(), announced.open(),
                announced.fulfilmentVersion(), announced.everFulfilled(), List.of(), now, null, 0, null);
        return planned.remindingNextAt(nextOf(planned, calendar));
    }

    /** Brings the deadline's next reminder in line with its plan as the calendar and its history now have it. */
    private void reschedule(Deadline deadline, WorkingCalendars.InForce calendar) {
        Instant next = nextOf(deadline, calendar);
        if (!Objects.equals(next, deadline.nextReminderAt())) {
            moveNextReminder(deadline, next);
        }
    }

    /** When the first reminder of its plan not yet written falls due; null if none is to come. */
    private Instant nextOf(Deadline deadline, WorkingCalendars.InForce calendar) {
        return earliest(toCome(deadline, calendar));
    }

    private static Instant earliest(List<Reminder> planned) {
        return planned.stream().map(Reminder::sendAt).min(Instant::compareTo).orElse(null);
    }

    /** Sets when the deadline's next reminder falls due, unless someone moved it since it was read (they moved it last). */
    private void moveNextReminder(Deadline deadline, Instant next) {
        Update moved = next == null ? new Update().unset(NEXT_REMINDER_AT) : new Update().set(NEXT_REMINDER_AT, next);
        deadlines.updateAll(Query.query(Criteria.where("_id").is(deadline.id()).and(NEXT_REMINDER_AT).is(deadline.nextReminderAt())), moved);
    }

    /**
     * Writes the reminders of the deadline's plan that are due: one not written yet is written pending, one cancelled
     * (the deadline was closed, then reopened) is pending again, and one sent or already pending is left as it is, so no
     * stage goes out twice. Their ids are recorded on the deadline first, so none is ever missing from it.
     */
    private void writeDue(Deadline deadline, Map<String, Reminder> due) {
        if (due.isEmpty()) {
            return;
        }
        recordReminders(deadline, due.keySet());
        Map<String, Reminder> toInsert = new LinkedHashMap<>(due);
        for (Versioned<Reminder> existing : byIdsVersioned(List.copyOf(due.keySet()))) {
            Reminder known = existing.value();
            Reminder wanted = toInsert.remove(known.id()).replanOf(known);
            if (known.state() == ReminderState.CANCELLED) {
                updateUnlessChanged(wanted, existing.revision());
            }
        }
        reminders.insertAllIfAbsent(toInsert.values());
    }

    /** Adds the ids the deadline does not hold yet, before their reminders are written, in one write that needs no revision. */
    private void recordReminders(Deadline deadline, Collection<String> ids) {
        List<String> missing = ids.stream().filter(id -> !deadline.reminderIds().contains(id)).toList();
        if (!missing.isEmpty()) {
            deadlines.updateAll(byId(deadline.id()), new Update().addToSet("reminderIds").each(missing.toArray()));
        }
    }

    private void updateUnlessChanged(Reminder reminder, long revision) {
        try {
            reminders.update(reminder, revision, List.of());
        } catch (ConcurrentUpdateException changedMeanwhile) {
            // a dispatcher or another event settled it meanwhile; its new state stands
        }
    }

    private void cancelPending(Deadline deadline) {
        for (Versioned<Reminder> reminder : byIdsVersioned(deadline.reminderIds())) {
            if (reminder.value().state() == ReminderState.PENDING) {
                updateUnlessChanged(reminder.value().settled(ReminderState.CANCELLED), reminder.revision());
            }
        }
    }

    private List<Versioned<Reminder>> byIdsVersioned(List<String> ids) {
        return ids.isEmpty() ? List.of() : reminders.findVersioned(Query.query(Criteria.where("_id").in(ids)));
    }

    private static <T> List<T> byIds(AggregateStore<T> store, List<String> ids) {
        return ids.isEmpty() ? List.of() : store.find(Query.query(Criteria.where("_id").in(ids)));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    /** On-demand work has no due date, so nothing to remind of. */
    private static boolean isDated(TaskOccurrenceFacts occurrence) {
        return occurrence.dueDate() != null;
    }

    private Deadline taskDeadline(TaskOccurrenceFacts o) {
        return taskDeadline(o.occurrenceId(), o.taskId(), o.planId(), o.planNumber(), o.planTitle(), o.unitCode(), o.unitName(),
                parentOf(o.unitCode()), o.provinceCode(), o.role(), o.activityContent(), o.label(), o.dueDate());
    }

    /** A task's supervisor until its plan's issuer is known is its unit's parent (see {@link Supervisors}). */
    private static Deadline taskDeadline(String occurrenceId, String taskId, String planId, String planNumber, String planTitle,
            String unitCode, String unitName, String parentCode, String provinceCode, String role, String activityContent, String label,
            LocalDate dueDate) {
        return new Deadline(idOf(DeadlineKind.TASK, occurrenceId), DeadlineKind.TASK, occurrenceId, planId, planNumber, planTitle, unitCode,
                unitName, provinceCode, parentCode, activityContent + " (" + label + ")", dueDate, COOPERATING.equals(role),
                occurrencePage(occurrenceId, taskId), true, UNVERSIONED, false, List.of(), null, null, 0, null);
    }

    /** The console's page of the occurrence, where its unit records progress (console/.../task/TaskPages.java). */
    static String occurrencePage(String occurrenceId, String taskId) {
        return "/tasks/occurrences/" + URLEncoder.encode(occurrenceId, StandardCharsets.UTF_8) + "?task="
                + URLEncoder.encode(taskId, StandardCharsets.UTF_8);
    }

    private Deadline reportDeadline(ReportObligationFacts r) {
        supervisors.reportsVia(r.planId(), r.recipientUnitCode(), r.via());
        return reportDeadlineOf(r);
    }

    private static Deadline reportDeadlineOf(ReportObligationFacts r) {
        return new Deadline(idOf(DeadlineKind.REPORT, r.obligationId()), DeadlineKind.REPORT, r.obligationId(), r.planId(), r.planNumber(),
                r.planTitle(), r.unitCode(), r.unitName(), r.provinceCode(), r.recipientUnitCode(), "Báo cáo kết quả " + r.periodName(),
                r.dueDate(), false, "/reports/" + r.obligationId(), true, UNVERSIONED, false, List.of(), null, null, 0, null);
    }

    private static Reminder reminderOf(Deadline deadline, PlannedReminder planned) {
        return new Reminder(DerivedId.of(deadline.id(), planned.stage(), planned.offsetDays()), deadline.id(), planned.stage(),
                planned.offsetDays(), planned.audience(), planned.sendAt(), ReminderState.PENDING, null, List.of());
    }

    private String parentOf(String unitCode) {
        return units.find(unitCode).map(KnownUnit::parentCode).orElse(null);
    }

    static String idOf(DeadlineKind kind, String sourceId) {
        return DerivedId.of(kind, sourceId);
    }
}
