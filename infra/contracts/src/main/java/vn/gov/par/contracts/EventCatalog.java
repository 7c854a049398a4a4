package vn.gov.par.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.gov.par.contracts.calendar.WorkingCalendarChanged;
import vn.gov.par.contracts.notification.EscalationSent;
import vn.gov.par.contracts.notification.ReminderFailed;
import vn.gov.par.contracts.notification.ReminderSent;
import vn.gov.par.contracts.plan.PlanCancelled;
import vn.gov.par.contracts.plan.PlanClosed;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.plan.SubPlanObligationCreated;
import vn.gov.par.contracts.plan.SubPlanObligationFulfilled;
import vn.gov.par.contracts.report.ReportAccepted;
import vn.gov.par.contracts.report.ReportDue;
import vn.gov.par.contracts.report.ReportOverdue;
import vn.gov.par.contracts.report.ReportPeriodsScheduled;
import vn.gov.par.contracts.report.ReportReturned;
import vn.gov.par.contracts.report.ReportSubmitted;
import vn.gov.par.contracts.report.ReportsDue;
import vn.gov.par.contracts.task.TaskAssigned;
import vn.gov.par.contracts.task.TaskCompleted;
import vn.gov.par.contracts.task.TaskDueSoon;
import vn.gov.par.contracts.task.TaskOverdue;
import vn.gov.par.contracts.task.TaskReopened;
import vn.gov.par.contracts.task.TasksAssigned;
import vn.gov.par.contracts.unit.UnitDeleted;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.contracts.unit.UnitRetired;

/** Every event the platform publishes. A new event or a new field is added here; nothing is renamed or removed. */
public final class EventCatalog {

    public static final EventType<UnitRecorded> UNIT_REGISTERED =
            new EventType<>("vn.gov.par.unit.registered", 1, UnitRecorded.class, Topics.UNIT_EVENTS);
    public static final EventType<UnitRecorded> UNIT_UPDATED =
            new EventType<>("vn.gov.par.unit.updated", 1, UnitRecorded.class, Topics.UNIT_EVENTS);
    public static final EventType<UnitDeleted> UNIT_DELETED =
            new EventType<>("vn.gov.par.unit.deleted", 1, UnitDeleted.class, Topics.UNIT_EVENTS);
    public static final EventType<UnitRetired> UNIT_RETIRED =
            new EventType<>("vn.gov.par.unit.retired", 1, UnitRetired.class, Topics.UNIT_EVENTS);

    public static final EventType<PlanIssued> PLAN_ISSUED =
            new EventType<>("vn.gov.par.plan.issued", 1, PlanIssued.class, Topics.PLAN_EVENTS);
    public static final EventType<PlanClosed> PLAN_CLOSED =
            new EventType<>("vn.gov.par.plan.closed", 1, PlanClosed.class, Topics.PLAN_EVENTS);
    public static final EventType<PlanCancelled> PLAN_CANCELLED =
            new EventType<>("vn.gov.par.plan.cancelled", 1, PlanCancelled.class, Topics.PLAN_EVENTS);
    public static final EventType<SubPlanObligationCreated> SUB_PLAN_OBLIGATION_CREATED =
            new EventType<>("vn.gov.par.plan.sub-plan-obligation.created", 1, SubPlanObligationCreated.class, Topics.PLAN_EVENTS);
    public static final EventType<SubPlanObligationFulfilled> SUB_PLAN_OBLIGATION_FULFILLED =
            new EventType<>("vn.gov.par.plan.sub-plan-obligation.fulfilled", 1, SubPlanObligationFulfilled.class, Topics.PLAN_EVENTS);

    public static final EventType<TaskAssigned> TASK_ASSIGNED =
            new EventType<>("vn.gov.par.task.assigned", 1, TaskAssigned.class, Topics.TASK_EVENTS);
    public static final EventType<TasksAssigned> TASKS_ASSIGNED =
            new EventType<>("vn.gov.par.task.tasks-assigned", 1, TasksAssigned.class, Topics.TASK_EVENTS);
    public static final EventType<TaskDueSoon> TASK_DUE_SOON =
            new EventType<>("vn.gov.par.task.due-soon", 1, TaskDueSoon.class, Topics.TASK_EVENTS);
    public static final EventType<TaskOverdue> TASK_OVERDUE =
            new EventType<>("vn.gov.par.task.overdue", 1, TaskOverdue.class, Topics.TASK_EVENTS);
    public static final EventType<TaskCompleted> TASK_COMPLETED =
            new EventType<>("vn.gov.par.task.completed", 1, TaskCompleted.class, Topics.TASK_EVENTS);
    public static final EventType<TaskReopened> TASK_REOPENED =
            new EventType<>("vn.gov.par.task.reopened", 1, TaskReopened.class, Topics.TASK_EVENTS);

    public static final EventType<ReportDue> REPORT_DUE =
            new EventType<>("vn.gov.par.report.due", 1, ReportDue.class, Topics.REPORT_EVENTS);
    public static final EventType<ReportsDue> REPORTS_DUE =
            new EventType<>("vn.gov.par.report.reports-due", 1, ReportsDue.class, Topics.REPORT_EVENTS);
    public static final EventType<ReportOverdue> REPORT_OVERDUE =
            new EventType<>("vn.gov.par.report.overdue", 1, ReportOverdue.class, Topics.REPORT_EVENTS);
    public static final EventType<ReportSubmitted> REPORT_SUBMITTED =
            new EventType<>("vn.gov.par.report.submitted", 1, ReportSubmitted.class, Topics.REPORT_EVENTS);
    public static final EventType<ReportReturned> REPORT_RETURNED =
            new EventType<>("vn.gov.par.report.returned", 1, ReportReturned.class, Topics.REPORT_EVENTS);
    public static final EventType<ReportAccepted> REPORT_ACCEPTED =
            new EventType<>("vn.gov.par.report.accepted", 1, ReportAccepted.class, Topics.REPORT_EVENTS);
    public static final EventType<ReportPeriodsScheduled> REPORT_PERIODS_SCHEDULED =
            new EventType<>("vn.gov.par.report.periods-scheduled", 1, ReportPeriodsScheduled.class, Topics.REPORT_EVENTS);

    public static final EventType<ReminderSent> REMINDER_SENT =
            new EventType<>("vn.gov.par.notification.reminder-sent", 1, ReminderSent.class, Topics.NOTIFICATION_EVENTS);
    public static final EventType<ReminderFailed> REMINDER_FAILED =
            new EventType<>("vn.gov.par.notification.reminder-failed", 1, ReminderFailed.class, Topics.NOTIFICATION_EVENTS);
    public static final EventType<EscalationSent> ESCALATION_SENT =
            new EventType<>("vn.gov.par.notification.escalation-sent", 1, EscalationSent.class, Topics.NOTIFICATION_EVENTS);
    public static final EventType<WorkingCalendarChanged> WORKING_CALENDAR_CHANGED =
            new EventType<>("vn.gov.par.calendar.working-calendar-changed", 1, WorkingCalendarChanged.class, Topics.CALENDAR_EVENTS);

    private static final Map<String, EventType<?>> BY_NAME = List.<EventType<?>>of(
                    UNIT_REGISTERED, UNIT_UPDATED, UNIT_DELETED, UNIT_RETIRED,
                    PLAN_ISSUED, PLAN_CLOSED, PLAN_CANCELLED, SUB_PLAN_OBLIGATION_CREATED, SUB_PLAN_OBLIGATION_FULFILLED,
                    TASK_ASSIGNED, TASKS_ASSIGNED, TASK_DUE_SOON, TASK_OVERDUE, TASK_COMPLETED, TASK_REOPENED,
                    REPORT_DUE, REPORTS_DUE, REPORT_OVERDUE, REPORT_SUBMITTED, REPORT_RETURNED, REPORT_ACCEPTED, REPORT_PERIODS_SCHEDULED,
                    REMINDER_SENT, REMINDER_FAILED, ESCALATION_SENT,
                    WORKING_CALENDAR_CHANGED)
            .stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private EventCatalog() {
    }

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
