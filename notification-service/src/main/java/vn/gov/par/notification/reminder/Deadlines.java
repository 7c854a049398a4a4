package vn.gov.par.notification.reminder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import vn.gov.par.contracts.task.ScheduledOccurrence;
import vn.gov.par.contracts.task.TaskAssigned;
import vn.gov.par.contracts.task.TaskCompleted;
import vn.gov.par.contracts.task.TaskDueSoon;
import vn.gov.par.contracts.task.TaskOccurrenceFacts;
import vn.gov.par.contracts.task.TaskOverdue;
import vn.gov.par.contracts.task.TaskReopened;
import vn.gov.par.contracts.unit.UnitRetired;
import vn.gov.par.notification.calendar.WorkingCalendars;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.domain.DerivedId;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.ConcurrentUpdateException;
import vn.gov.par.support.persistence.Versioned;

/**
 * Opens deadlines from the events that announce them and plans their reminders; closes them, cancelling
 * what is still pending, from the events that fulfil them, and reopens them when the work is found not
 * done after all. Every write is insert-if-absent or a guarded update, so redelivered events change nothing.
 * An event reads and writes deadlines and reminders by id (a deadline keeps its reminders' ids), and a plan's
 * end finds the plan's open deadlines through the (planId, open) index, so handling one costs the same however many
 * the country has. A retired unit's deadlines are closed for good, and none is opened for it again.
 */
@Service
public class Deadlines {

    private static final long UNVERSIONED = 0;
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
                UNVERSIONED, false, List.of()));
    }

    /** Every dated occurrence is tracked from the moment the work exists, so reminders of any lead time can be planned. */
    public void onTaskAssigned(TaskAssigned e) {
        List<ScheduledOccurrence> occurrences = e.occurrences() == null ? List.of() : e.occurrences();
        openAll(occurrences.stream().filter(o -> o.dueDate() != null).map(o -> taskDeadline(o.occurrenceId(), e.taskId(), e.planId(),
                e.planNumber(), e.planTitle(), e.unitCode(), e.unitName(), e.provinceCode(), e.role(), e.activityContent(), o.label(),
                o.dueDate())).toList());
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

    /** The working calendar changed: every reminder not yet due is planned again by it. */
    public void replanPending() {
        Query notYetDue = Query.query(Criteria.where("state").is(ReminderState.PENDING).and("sendAt").gt(clock.instant()));
        reminders.find(notYetDue).stream().map(Reminder::deadlineId).distinct()
                .forEach(id -> find(id).filter(Deadline::open).ifPresent(this::schedule));
    }

    /** Plans the next overdue reminder after one was sent (after now, however late it went), while the deadline is still open. */
    void planNextOverdue(Reminder sent) {
        find(sent.deadlineId()).filter(Deadline::open).ifPresent(deadline -> calendars.planner()
                .nextOverdueAfter(deadline.dueDate(), policies.of(deadline.kind()), sent.offsetDays(), clock.instant())
                .map(next -> reminderOf(deadline, next))
                .ifPresent(next -> {
                    recordReminders(deadline, List.of(next.id()));
                    reminders.insertIfAbsent(next, List.of());
                }));
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

    /**
     * Opens the deadlines an event announces, each with the reminders its plan calls for, in four round trips however many
     * (a task's occurrences, a year of quarters); those already known are brought in line instead. Each new deadline is
     * written holding its reminders' ids, then the reminders: a crash in between leaves ids of reminders not yet written,
     * which the redelivered event writes. A deadline another writer put there first is brought in line as it stands.
     * A retired unit's deadlines are not opened ({@link #onUnitRetired}).
     */
    private void openAll(List<Deadline> announcedToAll) {
        Set<String> retired = retiredUnitsOf(announcedToAll);
        List<Deadline> announced = announcedToAll.stream().filter(d -> !retired.contains(d.unitCode())).toList();
        Map<String, Deadline> known = byIds(deadlines, announced.stream().map(Deadline::id).toList()).stream()
                .collect(Collectors.toMap(Deadline::id, Function.identity()));
        Instant now = clock.instant();
        List<Deadline> fresh = new ArrayList<>();
        List<Reminder> theirReminders = new ArrayList<>();
        for (Deadline deadline : announced) {
            if (!known.containsKey(deadline.id())) {
                Map<String, Reminder> planned = planned(deadline, now);
                fresh.add(deadline.reminding(planned.keySet()));
                theirReminders.addAll(planned.values());
            }
        }
        deadlines.insertAllIfAbsent(fresh);
        Set<Deadline> storedAsWritten = new HashSet<>(byIds(deadlines, fresh.stream().map(Deadline::id).toList()));
        Set<String> written = fresh.stream().filter(storedAsWritten::contains).map(Deadline::id).collect(Collectors.toSet());
        reminders.insertAllIfAbsent(theirReminders.stream().filter(r -> written.contains(r.deadlineId())).toList());
        Stream.concat(known.values().stream(), fresh.stream().filter(d -> !written.contains(d.id())).flatMap(d -> find(d.id()).stream()))
                .filter(Deadline::open).forEach(this::schedule);
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
     * A reopening of a deadline already open is one redelivered, maybe after a crash before its reminders were written. A
     * retired unit's work is not reopened ({@link #onUnitRetired}).
     */
    private void reopen(Deadline announced, long version) {
        if (!retiredUnitsOf(List.of(announced)).isEmpty()) {
            return;
        }
        Optional<Versioned<Deadline>> current = deadlines.find(announced.id());
        if (current.isEmpty()) {
            open(announced.reopened(version));
            return;
        }
        Deadline known = current.get().value();
        if (known.open()) {
            schedule(known);
        } else if (known.acceptsChangeAt(version)) {
            Instant now = clock.instant();
            Map<String, Reminder> planned = planned(announced, now);
            Deadline reopened = known.reopenedAs(announced, version).reminding(planned.keySet());
            deadlines.update(reopened, current.get().revision(), List.of());
            schedule(reopened, planned, now);
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

    private void schedule(Deadline deadline) {
        Instant now = clock.instant();
        schedule(deadline, planned(deadline, now), now);
    }

    /**
     * Brings the deadline's reminders in line with its plan as of now: what is planned and not yet sent is
     * (again) pending at its planned time, what the plan no longer has and has not come due is cancelled, and
     * what was sent or is due right now is left as it is, so no stage goes out twice.
     */
    private void schedule(Deadline deadline, Map<String, Reminder> planned, Instant now) {
        Map<String, Reminder> toInsert = new LinkedHashMap<>(planned);
        recordReminders(deadline, planned.keySet());
        for (Versioned<Reminder> existing : byIdsVersioned(deadline.reminding(planned.keySet()).reminderIds())) {
            Reminder known = existing.value();
            Reminder wanted = toInsert.containsKey(known.id()) ? toInsert.remove(known.id()).replanOf(known) : null;
            boolean notYetSent = known.state() == ReminderState.CANCELLED || (known.state() == ReminderState.PENDING && !known.isDueBy(now));
            if (!notYetSent) {
                continue;
            }
            if (wanted != null && !wanted.equals(known)) {
                updateUnlessChanged(wanted, existing.revision());
            } else if (wanted == null && known.state() == ReminderState.PENDING) {
                updateUnlessChanged(known.settled(ReminderState.CANCELLED), existing.revision());
            }
        }
        reminders.insertAllIfAbsent(toInsert.values());
    }

    /** The reminders the deadline's plan calls for as of now, by id. */
    private Map<String, Reminder> planned(Deadline deadline, Instant now) {
        Map<String, Reminder> planned = new LinkedHashMap<>();
        for (PlannedReminder p : calendars.planner().initial(deadline.dueDate(), policies.of(deadline.kind()), now, deadline.cooperating())) {
            Reminder reminder = reminderOf(deadline, p);
            planned.put(reminder.id(), reminder);
        }
        return planned;
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
                o.provinceCode(), o.role(), o.activityContent(), o.label(), o.dueDate());
    }

    /** A task's supervisor until its plan's issuer is known is its unit's parent (see {@link Supervisors}). */
    private Deadline taskDeadline(String occurrenceId, String taskId, String planId, String planNumber, String planTitle, String unitCode,
            String unitName, String provinceCode, String role, String activityContent, String label, LocalDate dueDate) {
        return new Deadline(idOf(DeadlineKind.TASK, occurrenceId), DeadlineKind.TASK, occurrenceId, planId, planNumber, planTitle, unitCode,
                unitName, provinceCode, parentOf(unitCode), activityContent + " (" + label + ")", dueDate, COOPERATING.equals(role),
                occurrencePage(occurrenceId, taskId), true, UNVERSIONED, false, List.of());
    }

    /** The console's page of the occurrence, where its unit records progress (console/.../task/TaskPages.java). */
    static String occurrencePage(String occurrenceId, String taskId) {
        return "/tasks/occurrences/" + URLEncoder.encode(occurrenceId, StandardCharsets.UTF_8) + "?task="
                + URLEncoder.encode(taskId, StandardCharsets.UTF_8);
    }

    private Deadline reportDeadline(ReportObligationFacts r) {
        supervisors.reportsVia(r.planId(), r.recipientUnitCode(), r.via());
        return new Deadline(idOf(DeadlineKind.REPORT, r.obligationId()), DeadlineKind.REPORT, r.obligationId(), r.planId(), r.planNumber(),
                r.planTitle(), r.unitCode(), r.unitName(), r.provinceCode(), r.recipientUnitCode(), "Báo cáo kết quả " + r.periodName(),
                r.dueDate(), false, "/reports/" + r.obligationId(), true, UNVERSIONED, false, List.of());
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
