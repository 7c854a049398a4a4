package vn.gov.par.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import vn.gov.par.contracts.plan.PlanCancelled;
import vn.gov.par.contracts.plan.SubPlanObligationCreated;
import vn.gov.par.contracts.report.ReportDue;
import vn.gov.par.contracts.report.ReportObligationFacts;
import vn.gov.par.contracts.report.ReportReturned;
import vn.gov.par.contracts.report.ReportSubmitted;
import vn.gov.par.contracts.task.ScheduledOccurrence;
import vn.gov.par.contracts.task.TaskAssigned;
import vn.gov.par.contracts.task.TaskCompleted;
import vn.gov.par.contracts.task.TaskDueSoon;
import vn.gov.par.contracts.task.TaskOccurrenceFacts;
import vn.gov.par.contracts.task.TaskReopened;

/**
 * The country has some half a million deadlines, and each plans about five reminders: they are computed from the
 * deadline, the policy and the calendar, and a reminder is stored only once it is due, as the record its deliveries
 * hang on. Until then a deadline is one document, whatever happens to it.
 */
class RemindersPlannedNotStoredTest extends ReminderIntegrationTest {

    @Test
    void openingReopeningClosingAndEndingThePlanOfDeadlinesStoresNoReminderAheadOfItsDay() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 6, 2, 9, 0);
        ReportObligationFacts report = reportFacts(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2025, 6, 30), "Phòng Văn hóa và Thông tin");
        TaskOccurrenceFacts occurrence = new TaskOccurrenceFacts(run + "-t6", "task-" + run, "plan-" + run, "96/KH-UBND",
                "Thông tin, tuyên truyền cải cách hành chính năm 2025", "694", "UBND huyện Hớn Quản", "70", "LEAD",
                "Đăng tin bài trên cổng thông tin", "Tháng 6/2025", LocalDate.of(2025, 6, 27));
        String obligation = "obligation-" + run;
        List<String> ids = List.of(Deadlines.idOf(DeadlineKind.REPORT, report.obligationId()), Deadlines.idOf(DeadlineKind.TASK, occurrence.occurrenceId()),
                Deadlines.idOf(DeadlineKind.SUB_PLAN, obligation));

        deadlines.onReportDue(new ReportDue(report));
        deadlines.onReportDue(new ReportDue(report));
        deadlines.onReportSubmitted(new ReportSubmitted(report, 1, clock.instant(), true));
        deadlines.onReportReturned(new ReportReturned(report, 1, clock.instant(), "694", "Thiếu số liệu"));
        deadlines.onTaskAssigned(assigned(occurrence));
        deadlines.onTaskDueSoon(new TaskDueSoon(occurrence));
        deadlines.onTaskCompleted(new TaskCompleted(occurrence, LocalDate.of(2025, 6, 3), true, 1, List.of(), null));
        deadlines.onTaskReopened(new TaskReopened(occurrence, LocalDate.of(2025, 6, 4)));
        deadlines.onSubPlanObligationCreated(new SubPlanObligationCreated(obligation, "plan-" + run, "plan-" + run, "96/KH-UBND",
                "Thông tin, tuyên truyền cải cách hành chính năm 2025", "70", "697", "UBND huyện Bù Đăng", "70", LocalDate.of(2025, 6, 20),
                "draft-" + run, List.of("70"), null, null));
        assertThat(ids).as("every deadline open, with reminders to come").allSatisfy(id -> assertThat(pending(id)).isPositive());
        assertThat(storedReminders(ids)).as("none stored before its day").isZero();

        deadlines.onPlanCancelled(new PlanCancelled("plan-" + run, "70", "70", LocalDate.of(2025, 6, 5), "Thay thế bằng kế hoạch khác"));
        assertThat(ids).as("the plan's end leaves nothing to send").allSatisfy(id -> assertThat(pending(id)).isZero());
        at(2025, 7, 10, 7, 31);
        assertThat(dispatchAndCollect()).as("nor is anything sent when their days come").isEmpty();
        assertThat(storedReminders(ids)).isZero();
    }

    @Test
    void whatFellDueIsStoredWhenItIsSentAndTheNextOverdueReminderIsPlannedNotStored() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 3, 1, 10, 0);
        String deadline = oblige(run, "694", "UBND huyện Hớn Quản", LocalDate.of(2025, 3, 31));
        awaitReminders(deadline, 5);
        at(2025, 4, 3, 7, 31);
        purgeMailboxes();

        dispatcher.dispatch();

        assertThat(received()).containsOnlyKeys("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn", "tinh@binhphuoc.gov.vn");
        assertThat(mongo.count(Query.query(Criteria.where("deadlineId").is(deadline).and("state").is("DONE")), "reminders"))
                .as("-7, -1, the day, +3 and the escalation sent").isEqualTo(5);
        assertThat(pending(deadline)).as("the next overdue reminder planned").isOne();
        assertThat(storedReminders(List.of(deadline))).as("only those sent").isEqualTo(5);
    }

    /** A task due every month opens twelve deadlines at once: a national plan's tasks bring hundreds of thousands. */
    @Test
    void aTasksTwelveMonthlyDeadlinesPlanTheirRemindersWithoutStoringThem() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 1, 2, 9, 0);
        List<ScheduledOccurrence> months = IntStream.rangeClosed(1, 12).mapToObj(month -> new ScheduledOccurrence(run + "-m" + month,
                "Tháng " + month + "/2025", YearMonth.of(2025, month).atEndOfMonth())).toList();
        TaskAssigned monthly = new TaskAssigned("task-" + run, "plan-" + run, "plan-" + run, "96/KH-UBND",
                "694", "UBND huyện Hớn Quản", "70", "LEAD", "a", "Đăng tin bài trên cổng thông tin", "Mỗi tháng 01 tin bài", 1, "MONTH",
                "hàng tháng", "MONTHLY", months.stream().map(ScheduledOccurrence::dueDate).toList(), 0,
                "Thông tin, tuyên truyền cải cách hành chính năm 2025", months);

        deadlines.onTaskAssigned(monthly);
        deadlines.onTaskAssigned(monthly);

        List<String> ids = months.stream().map(o -> Deadlines.idOf(DeadlineKind.TASK, o.occurrenceId())).toList();
        assertThat(ids).as("every month's deadline open, with reminders to come").allSatisfy(id -> assertThat(pending(id)).isPositive());
        assertThat(mongo.count(Query.query(Criteria.where("_id").in(ids)), "deadlines")).isEqualTo(12);
        assertThat(storedReminders(ids)).isZero();
    }

    private long storedReminders(List<String> deadlineIds) {
        return mongo.count(Query.query(Criteria.where("deadlineId").in(deadlineIds)), "reminders");
    }

    private static TaskAssigned assigned(TaskOccurrenceFacts o) {
        return new TaskAssigned(o.taskId(), o.planId(), o.planId(), o.planNumber(), o.unitCode(), o.unitName(), o.provinceCode(), "LEAD", "a",
                o.activityContent(), "Mỗi tháng 01 tin bài", 1, "MONTH", "hàng tháng", "MONTHLY", List.of(o.dueDate()), 0, o.planTitle(),
                List.of(new ScheduledOccurrence(o.occurrenceId(), o.label(), o.dueDate())));
    }
}
