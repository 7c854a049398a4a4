package vn.gov.par.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import jakarta.mail.internet.MimeMessage;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
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
import vn.gov.par.testsupport.MetricsScrape;

/**
 * Task occurrences are reminded of from the moment they are assigned (the test policy asks 10, 7 and 1 days
 * before), also when already overdue; completion stops their reminders and a correction to "not done" resumes
 * them. A returned report is due again until resubmitted. Redelivered events send nothing twice.
 */
class TaskAndReportDeadlinesTest extends ReminderIntegrationTest {

    private static final String ACTIVITY = "Đăng tải tin bài tuyên truyền cải cách hành chính trên Trang thông tin điện tử";

    @Test
    void anOccurrenceIsRemindedFromItsAssignmentSoTheTenAndTheMovedSevenDayRemindersGoOut() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 5, 1, 9, 0);
        // written as due Sunday 25/05, it runs to Monday 26/05: -10 is Friday 16/05, -7 Monday 19/05 (after task-service's 7-day
        // notice), -1 Sunday 25/05 goes out Friday 23/05, the day itself Monday 26/05
        assign(run, "694", "UBND huyện Hớn Quản", new ScheduledOccurrence(run + "-q2", "Quý II/2025", LocalDate.of(2025, 5, 25)),
                new ScheduledOccurrence(run + "-dot-xuat", "Đột xuất", null));
        String deadline = Deadlines.idOf(DeadlineKind.TASK, run + "-q2");
        awaitReminders(deadline, 5);
        assertThat(mongo.count(Query.query(Criteria.where("sourceId").is(run + "-dot-xuat")), "deadlines"))
                .as("on-demand work has no deadline to remind of").isZero();

        at(2025, 5, 15, 7, 31);
        assertThat(dispatchAndCollect()).as("ten days before the day written is not ten days before the deadline").isEmpty();
        at(2025, 5, 16, 7, 31);
        Map<String, MimeMessage> tenDays = dispatchAndCollect();
        assertThat(tenDays).containsOnlyKeys("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn");
        assertThat(text(tenDays.get("hoa.hq@binhphuoc.gov.vn"))).contains(ACTIVITY + " (Quý II/2025)", "Còn 10 ngày")
                .contains("Hạn chót: 26/05/2025 (văn bản ghi 25/05/2025, ngày nghỉ)")
                .as("links to the console's page of the occurrence, where progress is recorded")
                .contains("/tasks/occurrences/" + run + "-q2?task=task-" + run + "-694");

        at(2025, 5, 18, 0, 5);
        KAFKA.publish(EventCatalog.TASK_DUE_SOON, "plan-" + run, new TaskDueSoon(facts(run, run + "-q2", "694", "UBND huyện Hớn Quản",
                "Quý II/2025", LocalDate.of(2025, 5, 25))));
        KAFKA.publish(EventCatalog.TASK_REOPENED, "plan-" + run, new TaskReopened(facts(run, run + "-dot-xuat", "694", "UBND huyện Hớn Quản",
                "Đột xuất", null), LocalDate.of(2025, 5, 18)));
        redeliver(Topics.TASK_EVENTS, run);
        assertThat(mongo.count(Query.query(Criteria.where("sourceId").is(run + "-dot-xuat")), "deadlines"))
                .as("reopened on-demand work has no deadline either").isZero();
        at(2025, 5, 19, 7, 31);
        assertThat(text(dispatchAndCollect().get("nam.hq@binhphuoc.gov.vn"))).contains("Còn 7 ngày");
        assertThat(logged("plan-" + run, "SENT", "nam.hq@binhphuoc.gov.vn")).as("the due-soon notice and redelivered events add nothing")
                .isEqualTo(2);

        at(2025, 5, 23, 7, 31);
        assertThat(text(dispatchAndCollect().get("hoa.hq@binhphuoc.gov.vn"))).contains("Còn 3 ngày")
                .as("the -1 reminder of Sunday 25/05 goes out on the working day before it").doesNotContain("hôm nay");
        at(2025, 5, 26, 7, 31);
        assertThat(text(dispatchAndCollect().get("hoa.hq@binhphuoc.gov.vn"))).contains("Hạn chót là hôm nay");
        at(2025, 5, 27, 7, 31);
        assertThat(dispatchAndCollect()).as("not late on the Monday the deadline ran to").isEmpty();
    }

    @Test
    void aUnitsTasksAnnouncedTogetherAreEachRemindedAndARedeliveryChangesNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 5, 1, 9, 0);
        String contest = "Tổ chức Hội thi tìm hiểu về cải cách hành chính";
        KAFKA.publish(EventCatalog.TASKS_ASSIGNED, "plan-" + run, new TasksAssigned("plan-" + run, "694", "70", List.of(
                task(run, "694", "UBND huyện Hớn Quản", "a", 0, ACTIVITY, new ScheduledOccurrence(run + "-a-q2", "Quý II/2025", LocalDate.of(2025, 5, 26))),
                task(run, "694", "UBND huyện Hớn Quản", "b", 1, contest, new ScheduledOccurrence(run + "-b-q2", "Quý II/2025", LocalDate.of(2025, 5, 26)),
                        new ScheduledOccurrence(run + "-b-dot-xuat", "Đột xuất", null)))));
        awaitReminders(Deadlines.idOf(DeadlineKind.TASK, run + "-a-q2"), 1);
        awaitReminders(Deadlines.idOf(DeadlineKind.TASK, run + "-b-q2"), 1);
        redeliver(Topics.TASK_EVENTS, run);

        at(2025, 5, 16, 7, 31);
        Map<String, MimeMessage> tenDays = dispatchAndCollect();
        assertThat(tenDays).containsOnlyKeys("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn");
        assertThat(text(tenDays.get("hoa.hq@binhphuoc.gov.vn"))).contains(ACTIVITY + " (Quý II/2025)", contest + " (Quý II/2025)", "Còn 10 ngày");
        assertThat(mongo.count(Query.query(Criteria.where("sourceId").is(run + "-b-dot-xuat")), "deadlines")).isZero();
        assertThat(logged("plan-" + run, "SENT", null)).as("each task's reminder to each of the unit's two people, the redelivery adding none")
                .isEqualTo(2 * 2);
    }

    @Test
    void anOccurrenceAlreadyOverdueWhenAssignedOrOnlyAnnouncedOverdueIsChasedAndEscalated() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 6, 10, 9, 0);
        assign(run, "694", "UBND huyện Hớn Quản", new ScheduledOccurrence(run + "-t5", "Tháng 5/2025", LocalDate.of(2025, 6, 2)));
        KAFKA.publish(EventCatalog.TASK_OVERDUE, "plan-" + run, new TaskOverdue(facts(run, run + "-dot-1", "694", "UBND huyện Hớn Quản",
                "Đợt 1/2025", LocalDate.of(2025, 6, 5))));
        awaitReminders(Deadlines.idOf(DeadlineKind.TASK, run + "-t5"), 2);
        awaitReminders(Deadlines.idOf(DeadlineKind.TASK, run + "-dot-1"), 2);

        at(2025, 6, 11, 7, 31);
        Map<String, MimeMessage> mails = dispatchAndCollect();
        assertThat(mails).containsOnlyKeys("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn", "tinh@binhphuoc.gov.vn");
        assertThat(text(mails.get("hoa.hq@binhphuoc.gov.vn"))).contains("(Tháng 5/2025)", "Đã quá hạn 9 ngày", "(Đợt 1/2025)",
                "Đã quá hạn 6 ngày");
        assertThat(text(mails.get("tinh@binhphuoc.gov.vn"))).as("escalated to the province").contains("UBND huyện Hớn Quản", "(Tháng 5/2025)",
                "(Đợt 1/2025)");
    }

    @Test
    void completionStopsTheRemindersAndAReopenedOccurrenceResumesWithoutRepeatingWhatWasSent() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String occurrence = run + "-t7";
        TaskOccurrenceFacts facts = facts(run, occurrence, "691", "UBND huyện Lộc Ninh", "Tháng 7/2025", LocalDate.of(2025, 7, 15));
        String deadline = Deadlines.idOf(DeadlineKind.TASK, occurrence);
        MetricsScrape before = MetricsScrape.of(api);
        at(2025, 7, 1, 9, 0);
        assign(run, "691", "UBND huyện Lộc Ninh", new ScheduledOccurrence(occurrence, "Tháng 7/2025", LocalDate.of(2025, 7, 15)));
        awaitReminders(deadline, 5);
        at(2025, 7, 4, 7, 31);
        assertThat(dispatchAndCollect()).as("10 days before, moved from Saturday").containsOnlyKeys("ubnd.locninh@binhphuoc.gov.vn");

        at(2025, 7, 5, 9, 0);
        KAFKA.publish(EventCatalog.TASK_COMPLETED, "plan-" + run, new TaskCompleted(facts, LocalDate.of(2025, 7, 5), true, 2, List.of(), null));
        awaitNoPending(deadline);
        at(2025, 7, 8, 7, 31);
        assertThat(dispatchAndCollect()).isEmpty();

        at(2025, 7, 16, 10, 0);
        KAFKA.publish(EventCatalog.TASK_REOPENED, "plan-" + run, new TaskReopened(facts, LocalDate.of(2025, 7, 16)));
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(deadline) > 0);
        at(2025, 7, 18, 7, 31);
        Map<String, MimeMessage> overdue = dispatchAndCollect();
        assertThat(overdue).containsOnlyKeys("ubnd.locninh@binhphuoc.gov.vn", "tinh@binhphuoc.gov.vn");
        assertThat(text(overdue.get("ubnd.locninh@binhphuoc.gov.vn"))).contains("Đã quá hạn 3 ngày");

        redeliver(Topics.TASK_EVENTS, run);
        assertThat(dispatchAndCollect()).as("redelivered assignment, completion and reopening").isEmpty();
        at(2025, 7, 21, 7, 31);
        assertThat(dispatchAndCollect()).as("the next is 3 working days after Friday 18/07").isEmpty();
        at(2025, 7, 23, 7, 31);
        assertThat(text(dispatchAndCollect().get("ubnd.locninh@binhphuoc.gov.vn"))).contains("Đã quá hạn 8 ngày");
        assertThat(logged("plan-" + run, "SENT", "ubnd.locninh@binhphuoc.gov.vn")).as("-10, +3, +6 working days: nothing twice")
                .isEqualTo(3);

        at(2025, 7, 23, 9, 0);
        KAFKA.publish(EventCatalog.TASK_COMPLETED, "plan-" + run, new TaskCompleted(facts, LocalDate.of(2025, 7, 23), false, 2, List.of(), null));
        awaitNoPending(deadline);
        redeliver(Topics.TASK_EVENTS, run);
        assertThat(pending(deadline)).as("redelivered in order, the occurrence ends done").isZero();
        at(2025, 7, 28, 7, 31);
        assertThat(dispatchAndCollect()).isEmpty();
        assertThat(added(before, "par_deadlines_fulfilled_total", "kind", "TASK", "reminded", "true", "before_deadline", "true"))
                .as("done on 5/7 after the 10-day reminder: the deadline's first fulfilment, once whatever came again").isEqualTo(1);
        assertThat(added(before, "par_deadlines_fulfilled_total", "kind", "TASK", "reminded", "true", "before_deadline", "false")).isZero();
        assertThat(added(before, "par_escalations_sent_total", "kind", "TASK")).isEqualTo(1);
    }

    @Test
    void aReturnedReportIsDueAgainUntilResubmittedAndRedeliveredReportEventsSendNothingTwice() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ReportObligationFacts report = reportFacts(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2025, 7, 21), null);
        at(2025, 7, 1, 9, 0);
        String deadline = reportDue(report);
        awaitReminders(deadline, 5);
        at(2025, 7, 14, 7, 31);
        assertThat(dispatchAndCollect()).containsOnlyKeys("ubnd.locninh@binhphuoc.gov.vn");

        at(2025, 7, 15, 9, 0);
        submit(report, 1);
        awaitNoPending(deadline);
        at(2025, 7, 23, 9, 0);
        KAFKA.publish(EventCatalog.REPORT_RETURNED, "70", new ReportReturned(report, 1, clock.instant(), "694", "Thiếu số liệu quý II"));
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(deadline) > 0);

        at(2025, 7, 24, 7, 31);
        Map<String, MimeMessage> overdue = dispatchAndCollect();
        assertThat(overdue).as("the unit, and its supervisor").containsOnlyKeys("ubnd.locninh@binhphuoc.gov.vn", "hoa.hq@binhphuoc.gov.vn",
                "nam.hq@binhphuoc.gov.vn");
        assertThat(text(overdue.get("ubnd.locninh@binhphuoc.gov.vn"))).contains("Báo cáo kết quả 6 tháng đầu năm 2025", "Đã quá hạn 3 ngày");

        at(2025, 7, 25, 9, 0);
        submit(report, 2);
        awaitNoPending(deadline);
        KAFKA.publish(EventCatalog.REPORT_RETURNED, "70", new ReportReturned(report, 1, Instant.parse("2025-07-23T02:00:00Z"), "694",
                "Thiếu số liệu quý II"));
        redeliver(Topics.REPORT_EVENTS, run);
        assertThat(pending(deadline)).as("an older return, redelivered, does not reopen the resubmitted report").isZero();
        at(2025, 7, 28, 7, 31);
        assertThat(dispatchAndCollect()).isEmpty();
        assertThat(logged("plan-" + run, "SENT", null)).as("-7 to the unit; +3 to the unit and the two supervisors").isEqualTo(4);
    }

    @Test
    void aUnitsReportsAnnouncedTogetherAreEachRemindedAndEscalatedAndARedeliveryChangesNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ReportObligationFacts halfYear = reportOf(run, "HALF_YEAR", "6 tháng đầu năm 2025", LocalDate.of(2025, 7, 21));
        ReportObligationFacts nineMonths = reportOf(run, "NINE_MONTHS", "9 tháng năm 2025", LocalDate.of(2025, 10, 20));
        at(2025, 7, 1, 9, 0);
        KAFKA.publish(EventCatalog.REPORTS_DUE, "70", new ReportsDue("plan-" + run, "691", "70", List.of(halfYear, nineMonths)));
        String halfYearDeadline = Deadlines.idOf(DeadlineKind.REPORT, halfYear.obligationId());
        awaitReminders(halfYearDeadline, 3);
        awaitReminders(Deadlines.idOf(DeadlineKind.REPORT, nineMonths.obligationId()), 3);
        redeliver(Topics.REPORT_EVENTS, run);

        at(2025, 7, 14, 7, 31);
        Map<String, MimeMessage> sevenDays = dispatchAndCollect();
        assertThat(sevenDays).containsOnlyKeys("ubnd.locninh@binhphuoc.gov.vn");
        assertThat(text(sevenDays.get("ubnd.locninh@binhphuoc.gov.vn"))).contains("Báo cáo kết quả 6 tháng đầu năm 2025", "Còn 7 ngày")
                .doesNotContain("9 tháng năm 2025");
        at(2025, 7, 15, 9, 0);
        submit(halfYear, 1);
        awaitNoPending(halfYearDeadline);

        at(2025, 10, 13, 7, 31);
        assertThat(text(dispatchAndCollect().get("ubnd.locninh@binhphuoc.gov.vn"))).contains("Báo cáo kết quả 9 tháng năm 2025", "Còn 7 ngày");
        assertThat(logged("plan-" + run, "SENT", null)).as("each report's seven-day reminder once, the redelivery adding none").isEqualTo(2);
        at(2025, 10, 23, 7, 31);
        Map<String, MimeMessage> overdue = dispatchAndCollect();
        assertThat(overdue).as("the unit, and the office its reports go through").containsOnlyKeys("ubnd.locninh@binhphuoc.gov.vn",
                "thu.pnv@binhphuoc.gov.vn");
        assertThat(text(overdue.get("thu.pnv@binhphuoc.gov.vn"))).contains("UBND huyện Lộc Ninh", "Báo cáo kết quả 9 tháng năm 2025")
                .doesNotContain("6 tháng đầu năm 2025");
    }

    private static ReportObligationFacts reportOf(String run, String periodType, String periodName, LocalDate due) {
        return new ReportObligationFacts("report-" + run + "-" + periodType, "plan-" + run, "35/KH-UBND", "Kế hoạch huyện Hớn Quản", "691",
                "UBND huyện Lộc Ninh", "70", "694", "Phòng Nội vụ", periodType, periodName, due.minusMonths(7), due.minusDays(6), due);
    }

    private void submit(ReportObligationFacts report, int version) {
        KAFKA.publish(EventCatalog.REPORT_SUBMITTED, "70", new ReportSubmitted(report, version, clock.instant(), false));
    }

    private static void assign(String run, String unit, String unitName, ScheduledOccurrence... occurrences) {
        KAFKA.publish(EventCatalog.TASK_ASSIGNED, "plan-" + run, new TaskAssigned("task-" + run + "-" + unit, "plan-" + run, "plan-" + run,
                "96/KH-UBND", unit, unitName, "70", "LEAD", "a", ACTIVITY, "Mỗi quý 01 tin bài", 1, "QUARTER", "hàng quý", "QUARTERLY",
                dueDatesOf(occurrences), 0, "Thông tin, tuyên truyền cải cách hành chính năm 2025", Arrays.asList(occurrences)));
    }

    private static TaskAssigned task(String run, String unit, String unitName, String label, int activityIndex, String content,
            ScheduledOccurrence... occurrences) {
        return new TaskAssigned("task-" + run + "-" + label + "-" + unit, "plan-" + run, "plan-" + run, "96/KH-UBND", unit, unitName, "70",
                "LEAD", label, content, null, null, null, "hàng quý", "QUARTERLY", dueDatesOf(occurrences), activityIndex,
                "Thông tin, tuyên truyền cải cách hành chính năm 2025", Arrays.asList(occurrences));
    }

    private static List<LocalDate> dueDatesOf(ScheduledOccurrence... occurrences) {
        return Arrays.stream(occurrences).map(ScheduledOccurrence::dueDate).filter(d -> d != null).toList();
    }

    private static TaskOccurrenceFacts facts(String run, String occurrence, String unit, String unitName, String label, LocalDate due) {
        return new TaskOccurrenceFacts(occurrence, "task-" + run + "-" + unit, "plan-" + run, "96/KH-UBND",
                "Thông tin, tuyên truyền cải cách hành chính năm 2025", unit, unitName, "70", "LEAD", ACTIVITY, label, due);
    }
}
