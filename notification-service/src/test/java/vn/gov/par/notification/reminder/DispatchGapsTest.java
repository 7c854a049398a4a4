package vn.gov.par.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.report.ReportObligationFacts;
import vn.gov.par.contracts.task.ScheduledOccurrence;
import vn.gov.par.contracts.task.TaskAssigned;
import vn.gov.par.testsupport.MutableClock;

/**
 * After days without dispatching (the service down, the mail server down, a clock that jumped), each recipient gets
 * exactly one digest a day, the first at the send time and not before, listing each deadline once as it now stands;
 * and what the preview said would go out is what goes out.
 */
class DispatchGapsTest extends ReminderIntegrationTest {

    private static final String LOC_NINH = "ubnd.locninh@binhphuoc.gov.vn";
    private static final String PROVINCE = "tinh@binhphuoc.gov.vn";
    private static final List<String> HON_QUAN = List.of("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn");

    /** The emails {@link #everyTenMinutes} saw, by day and recipient. */
    private final Map<String, MimeMessage> sentTexts = new TreeMap<>();

    /**
     * Nothing dispatched on Monday 03/11 and Tuesday 04/11/2025, when Lộc Ninh's sub-plan (due 04/11) and report (due
     * 05/11) had reminders due: on Wednesday, from midnight on, passes every ten minutes send nothing before 07:30, then
     * one digest each, with each deadline once.
     */
    @Test
    void afterATwoDayGapEachRecipientGetsOneDigestAtTheSendTimeWithEachDeadlineOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 10, 20, 9, 0);
        String subPlan = oblige(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2025, 11, 4));
        String honQuan = oblige(run, "694", "UBND huyện Hớn Quản", LocalDate.of(2025, 11, 4));
        String report = reportDue(report(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2025, 11, 5)));
        List.of(subPlan, honQuan, report).forEach(deadline -> awaitReminders(deadline, 4));
        at(2025, 10, 29, 7, 31);
        drain(); // the week-before reminders went out; then the service stopped

        Map<LocalDate, Map<String, Integer>> mailsByDay = everyTenMinutes(LocalDateTime.of(2025, 11, 5, 0, 0), LocalDateTime.of(2025, 11, 7, 12, 0));

        assertThat(mailsByDay).as("one digest per recipient and day, none before 07:30").containsExactly(
                Map.entry(LocalDate.of(2025, 11, 5), Map.of(LOC_NINH, 1, HON_QUAN.get(0), 1, HON_QUAN.get(1), 1)),
                Map.entry(LocalDate.of(2025, 11, 7), Map.of(LOC_NINH, 1, HON_QUAN.get(0), 1, HON_QUAN.get(1), 1, PROVINCE, 1)));
        String backlog = firstTextTo(LOC_NINH, LocalDate.of(2025, 11, 5));
        assertThat(backlog.split("Hạn chót: ", -1)).as("two deadlines, each once").hasSize(3);
        assertThat(backlog).contains("Đã quá hạn 1 ngày", "Hạn chót là hôm nay").doesNotContain("Còn 1 ngày");
        assertThat(logged("plan-" + run, "SENT", LOC_NINH)).as("-7 of both; -1 and the day of both, each once; the sub-plan's +3")
                .isEqualTo(7);
    }

    /**
     * Nothing dispatched from Monday 27/10 to Wednesday 05/11/2025 while Lộc Ninh's report (due Friday 31/10) passed its
     * day before, its day, its first overdue reminder and its escalation (Wednesday 05/11): on Thursday one digest to the
     * unit and one to the province; the next overdue reminder comes three working days after the one missed (Monday 10/11).
     */
    @Test
    void afterAFiveDayGapTheBacklogIsOneDigestAndTheUnitIsThenChasedOnSchedule() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 10, 10, 9, 0);
        String report = reportDue(report(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2025, 10, 31)));
        awaitReminders(report, 4);
        at(2025, 10, 24, 7, 31);
        drain();

        Map<LocalDate, Map<String, Integer>> mailsByDay = everyTenMinutes(LocalDateTime.of(2025, 11, 6, 0, 0), LocalDateTime.of(2025, 11, 11, 12, 0));

        assertThat(mailsByDay).containsExactly(Map.entry(LocalDate.of(2025, 11, 6), Map.of(LOC_NINH, 1, PROVINCE, 1)),
                Map.entry(LocalDate.of(2025, 11, 10), Map.of(LOC_NINH, 1)));
        assertThat(firstTextTo(LOC_NINH, LocalDate.of(2025, 11, 6))).contains("Đã quá hạn 6 ngày").containsOnlyOnce("Hạn chót: ");
        assertThat(firstTextTo(PROVINCE, LocalDate.of(2025, 11, 6))).contains("Đơn vị chưa thực hiện: UBND huyện Lộc Ninh");
        assertThat(firstTextTo(LOC_NINH, LocalDate.of(2025, 11, 10))).contains("Đã quá hạn 10 ngày");
    }

    /** What GET /api/reminders/ahead answers a week ahead is, stage for stage, recipient for recipient and day for day, what the mail log then shows sent. */
    @Test
    void whatThePreviewSaysWillGoOutIsWhatGoesOut() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 9, 15, 9, 0);
        List<String> deadlines = List.of(oblige(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2025, 9, 27)),
                reportDue(report(run, "694", "UBND huyện Hớn Quản", LocalDate.of(2025, 9, 24))),
                task(run, "691", "UBND huyện Lộc Ninh", "LEAD", LocalDate.of(2025, 9, 22)),
                task(run, "694", "UBND huyện Hớn Quản", "COOPERATING", LocalDate.of(2025, 9, 30)));
        deadlines.forEach(deadline -> awaitReminders(deadline, 1));
        at(2025, 9, 16, 8, 0);

        JsonNode ahead = api.ok(api.get("/api/reminders/ahead?days=14&planId=plan-" + run));
        Set<String> previewed = new HashSet<>();
        for (JsonNode reminder : ahead) {
            LocalDate day = LocalDate.ofInstant(Instant.parse(reminder.get("goesOutAt").asString()), MutableClock.VIETNAM);
            for (JsonNode recipient : reminder.get("recipients")) {
                previewed.add(day + " " + recipient.get("email").asString() + " " + reminder.get("deadlineId").asString() + " "
                        + reminder.get("stage").asString() + " " + reminder.get("offsetDays").asInt());
            }
        }
        JsonNode onSaturday = ahead.valueStream().filter(r -> r.get("deadlineId").asString().equals(deadlines.get(0))).findFirst().orElseThrow();
        assertThat(onSaturday.get("dueDate").asString()).isEqualTo("2025-09-27");
        assertThat(onSaturday.get("effectiveDueDate").asString()).as("Saturday's deadline runs to Monday").isEqualTo("2025-09-29");

        for (LocalDate day = LocalDate.of(2025, 9, 17); !day.isAfter(LocalDate.of(2025, 9, 30)); day = day.plusDays(1)) {
            at(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), 7, 31);
            drain();
        }
        at(2025, 9, 30, 8, 0);
        Set<String> sent = new HashSet<>();
        for (JsonNode entry : api.ok(api.get("/api/mail-log?size=500&outcome=SENT&planId=plan-" + run)).get("content")) {
            sent.add(LocalDate.ofInstant(Instant.parse(entry.get("at").asString()), MutableClock.VIETNAM) + " "
                    + entry.get("recipientEmail").asString() + " " + entry.get("deadlineId").asString() + " " + entry.get("stage").asString()
                    + " " + entry.get("offsetDays").asInt());
        }
        assertThat(previewed).as("the task's overdue reminders after the first, and the escalations, included").hasSizeGreaterThan(10);
        assertThat(sent).containsExactlyInAnyOrderElementsOf(previewed);
    }

    /** Passes every ten minutes over the span, each day's mails counted by recipient (days with none left out). */
    private Map<LocalDate, Map<String, Integer>> everyTenMinutes(LocalDateTime from, LocalDateTime to) {
        Map<LocalDate, Map<String, Integer>> byDay = new TreeMap<>();
        purgeMailboxes();
        sentTexts.clear();
        for (LocalDateTime time = from; !time.isAfter(to); time = time.plusMinutes(10)) {
            clock.setInstant(time.atZone(MutableClock.VIETNAM).toInstant());
            dispatcher.dispatch();
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                byDay.computeIfAbsent(time.toLocalDate(), d -> new TreeMap<>()).merge(recipient(mail), 1, Integer::sum);
                sentTexts.put(time.toLocalDate() + " " + recipient(mail), mail);
                assertThat(time.getHour() * 60 + time.getMinute()).as("not before 07:30").isGreaterThanOrEqualTo(7 * 60 + 30);
            }
            purgeMailboxes();
        }
        return byDay;
    }

    private String firstTextTo(String recipient, LocalDate day) throws Exception {
        return text(sentTexts.get(day + " " + recipient));
    }

    /** Dispatches pass after pass until nothing more goes out (a pass takes three recipients here). */
    private void drain() {
        purgeMailboxes();
        while (dispatcher.dispatch() > 0) {
            clock.advance(Duration.ofSeconds(1));
        }
        purgeMailboxes();
    }

    /** A report owed to the province, with no office named. */
    private static ReportObligationFacts report(String run, String unit, String unitName, LocalDate due) {
        return new ReportObligationFacts("report-" + run + "-" + unit, "plan-" + run, "96/KH-UBND",
                "Thông tin, tuyên truyền cải cách hành chính năm 2025", unit, unitName, "70", "70", null, "QUARTER", "Quý III năm 2025",
                LocalDate.of(2025, 6, 15), LocalDate.of(2025, 9, 14), due);
    }

    private static String task(String run, String unit, String unitName, String role, LocalDate due) {
        ScheduledOccurrence occurrence = new ScheduledOccurrence(run + "-" + unit + "-q3", "Quý III/2025", due);
        KAFKA.publish(EventCatalog.TASK_ASSIGNED, "plan-" + run, new TaskAssigned("task-" + run + "-" + unit, "plan-" + run, "plan-" + run,
                "96/KH-UBND", unit, unitName, "70", role, "d", "Đăng tin bài về cải cách hành chính", "01 tin bài", 1, "QUARTER", "quý III",
                "ONCE", List.of(due), 0, "Thông tin, tuyên truyền cải cách hành chính năm 2025", List.of(occurrence)));
        return Deadlines.idOf(DeadlineKind.TASK, occurrence.occurrenceId());
    }
}
