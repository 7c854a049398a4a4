package vn.gov.par.notification.reminder;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import vn.gov.par.contracts.plan.PlanCancelled;
import vn.gov.par.contracts.plan.PlanClosed;
import vn.gov.par.contracts.plan.SubPlanObligationCreated;
import vn.gov.par.contracts.plan.SubPlanObligationFulfilled;
import vn.gov.par.contracts.report.ReportDue;
import vn.gov.par.contracts.report.ReportSubmitted;
import vn.gov.par.contracts.task.TaskCompleted;
import vn.gov.par.contracts.task.TaskDueSoon;
import vn.gov.par.contracts.task.TaskOccurrenceFacts;
import vn.gov.par.notification.holiday.WorkingCalendars;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.domain.DerivedId;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.text.VietnameseText;

/**
 * Opens deadlines from the events that announce them and plans their reminders; closes them, cancelling
 * what is still pending, from the events that fulfil them. Every write is insert-if-absent or a guarded
 * update, so redelivered events change nothing.
 */
@Service
public class Deadlines {

    private final AggregateStore<Deadline> deadlines;
    private final AggregateStore<Reminder> reminders;
    private final UnitDirectoryView units;
    private final WorkingCalendars calendars;
    private final ReminderPolicies policies;
    private final Clock clock;

    public Deadlines(AggregateStore<Deadline> deadlines, AggregateStore<Reminder> reminders, UnitDirectoryView units,
            WorkingCalendars calendars, ReminderPolicies policies, Clock clock) {
        this.deadlines = deadlines;
        this.reminders = reminders;
        this.units = units;
        this.calendars = calendars;
        this.policies = policies;
        this.clock = clock;
    }

    public void onSubPlanObligationCreated(SubPlanObligationCreated e) {
        open(new Deadline(idOf(DeadlineKind.SUB_PLAN, e.obligationId()), DeadlineKind.SUB_PLAN, e.obligationId(), e.parentPlanId(),
                e.parentPlanNumber(), e.parentPlanTitle(), e.unitCode(), e.unitName(), e.provinceCode(), e.supervisingUnitCode(),
                "Ban hành kế hoạch thực hiện Kế hoạch số " + e.parentPlanNumber(), e.dueDate(), "/plans/" + e.draftPlanId(), true));
    }

    public void onTaskDueSoon(TaskDueSoon e) {
        TaskOccurrenceFacts o = e.occurrence();
        open(new Deadline(idOf(DeadlineKind.TASK, o.occurrenceId()), DeadlineKind.TASK, o.occurrenceId(), o.planId(), o.planNumber(),
                o.planTitle(), o.unitCode(), o.unitName(), o.provinceCode(), parentOf(o.unitCode()),
                o.activityContent() + " (" + o.label() + ")", o.dueDate(), "/tasks/" + o.taskId(), true));
    }

    public void onReportDue(ReportDue e) {
        var r = e.report();
        open(new Deadline(idOf(DeadlineKind.REPORT, r.obligationId()), DeadlineKind.REPORT, r.obligationId(), r.planId(), r.planNumber(),
                r.planTitle(), r.unitCode(), r.unitName(), r.provinceCode(), officeOrRecipient(r.recipientUnitCode(), r.via()),
                "Báo cáo kết quả " + r.periodName(), r.dueDate(), "/reports/" + r.obligationId(), true));
    }

    public void onSubPlanObligationFulfilled(SubPlanObligationFulfilled e) {
        close(idOf(DeadlineKind.SUB_PLAN, e.obligationId()));
    }

    public void onTaskCompleted(TaskCompleted e) {
        close(idOf(DeadlineKind.TASK, e.occurrence().occurrenceId()));
    }

    public void onReportSubmitted(ReportSubmitted e) {
        close(idOf(DeadlineKind.REPORT, e.report().obligationId()));
    }

    /** A cancelled or closed plan asks nothing more of anyone: every deadline still open under it is closed. */
    private void onPlanEnded(String planId) {
        for (Deadline open : deadlines.find(Query.query(Criteria.where("planId").is(planId).and("open").is(true)))) {
            close(open.id());
        }
    }

    public void onPlanCancelled(PlanCancelled e) {
        onPlanEnded(e.planId());
    }

    public void onPlanClosed(PlanClosed e) {
        onPlanEnded(e.planId());
    }

    public Optional<Deadline> find(String id) {
        return deadlines.find(id).map(v -> v.value());
    }

    /** Plans the next overdue reminder after one was sent, while the deadline is still open. */
    void planNextOverdue(Reminder sent) {
        find(sent.deadlineId()).filter(Deadline::open).ifPresent(deadline -> calendars.planner()
                .nextOverdue(deadline.dueDate(), policies.of(deadline.kind()), sent.offsetDays())
                .ifPresent(next -> reminders.insertIfAbsent(reminderOf(deadline, next), List.of())));
    }

    private void open(Deadline deadline) {
        if (!deadlines.insertIfAbsent(deadline, List.of()) && !find(deadline.id()).map(Deadline::open).orElse(false)) {
            return;
        }
        for (PlannedReminder planned : calendars.planner().initial(deadline.dueDate(), policies.of(deadline.kind()), clock.instant())) {
            reminders.insertIfAbsent(reminderOf(deadline, planned), List.of());
        }
    }

    private void close(String deadlineId) {
        deadlines.find(deadlineId).ifPresentOrElse(
                current -> {
                    if (current.value().open()) {
                        deadlines.update(current.value().closed(), current.revision(), List.of());
                    }
                },
                () -> deadlines.insertIfAbsent(new Deadline(deadlineId, null, null, null, null, null, null, null, null, null, null, null, null,
                        false), List.of()));
        cancelPending(deadlineId);
    }

    private void cancelPending(String deadlineId) {
        reminders.updateAll(Query.query(Criteria.where("deadlineId").is(deadlineId).and("state").is(ReminderState.PENDING)),
                new Update().set("state", ReminderState.CANCELLED));
    }

    private static Reminder reminderOf(Deadline deadline, PlannedReminder planned) {
        return new Reminder(DerivedId.of(deadline.id(), planned.stage(), planned.offsetDays()), deadline.id(), planned.stage(),
                planned.offsetDays(), planned.audience(), planned.sendAt(), ReminderState.PENDING, null);
    }

    private String parentOf(String unitCode) {
        return units.find(unitCode).map(KnownUnit::parentCode).orElse(null);
    }

    /** The office a report goes through ("qua Phòng Nội vụ"), when it is one of the recipient's agencies; else the recipient. */
    private String officeOrRecipient(String recipientUnitCode, String via) {
        if (via == null || via.isBlank()) {
            return recipientUnitCode;
        }
        String office = VietnameseText.fold(via);
        return units.children(recipientUnitCode).stream()
                .filter(u -> !u.isGovernment() && VietnameseText.fold(u.name()).startsWith(office))
                .map(KnownUnit::code).findFirst().orElse(recipientUnitCode);
    }

    static String idOf(DeadlineKind kind, String sourceId) {
        return DerivedId.of(kind, sourceId);
    }
}
