package vn.gov.par.task.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.calendar.CalendarDay;
import vn.gov.par.contracts.calendar.WorkingCalendarChanged;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.task.TaskCompleted;
import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.task.HonQuanIntegrationTest;
import vn.gov.par.task.HonQuanPlan;
import vn.gov.par.task.TaskEvents;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.TestTokens;

/**
 * Work due on a day off is due at the end of the next working day (Bộ luật Dân sự 2015, Điều 148 khoản 5): "quý II/2024"
 * ends on Sunday 30/06/2024, so the bulletin is on time on Monday 01/07, overdue and announced from Tuesday 02/07; and a
 * day off an administrator adds (here Monday 01/07) moves it on again, as soon as its event arrives.
 */
class EffectiveDeadlineTest extends HonQuanIntegrationTest {

    @Autowired
    Tasks tasks;

    @Autowired
    OutboxRelay relay;

    @Autowired
    WorkingCalendarView calendar;

    @Test
    void workDueOnASundayIsOnTimeOnTheMondayAndOverdueFromTheTuesday() {
        String doneMonday = secondQuarterBulletinOfANewPlan();
        String notDone = secondQuarterBulletinOfANewPlan();

        clock.setDate(LocalDate.of(2024, 7, 1));
        tasks.sweepDeadlines();
        assertThat(status(notDone)).as("still within its deadline on the Monday").isEqualTo("NOT_DUE");
        assertThat(record(notDone, Map.of("done", false, "note", "Đang biên tập")).get("status").asString())
                .as("progress recorded on the Monday judges it the same").isEqualTo("NOT_DUE");
        assertThat(dueInRollup(notDone)).as("not yet counted as due").isZero();
        JsonNode done = record(doneMonday, Map.of("done", true, "doneOn", "2024-07-01", "count", 1));
        assertThat(done.get("status").asString()).isEqualTo("DONE_ON_TIME");

        clock.setDate(LocalDate.of(2024, 7, 2));
        tasks.sweepDeadlines();
        assertThat(status(notDone)).isEqualTo("OVERDUE");
        assertThat(dueInRollup(notDone)).isEqualTo(1);
        assertThat(announcedOverdue()).contains(notDone).doesNotContain(doneMonday);
        assertThat(TaskEvents.published(KAFKA, EventCatalog.TASK_COMPLETED).stream()
                .filter(e -> e.occurrence().occurrenceId().equals(doneMonday)).map(TaskCompleted::onTime)).containsExactly(true);
    }

    @Test
    void aDayOffAnAdministratorAddsMovesTheDeadlineOn() {
        String occurrence = secondQuarterBulletinOfANewPlan();
        Instant changedAt = Instant.parse("2024-06-20T03:00:00Z");
        KAFKA.publish(EventCatalog.WORKING_CALENDAR_CHANGED, Topics.CALENDAR_KEY, new WorkingCalendarChanged(
                List.of(new CalendarDay(LocalDate.of(2024, 7, 1), "Ngày nghỉ bù", true)), changedAt));
        await().atMost(Duration.ofSeconds(30)).until(() -> !calendar.current().isWorkingDay(LocalDate.of(2024, 7, 1)));
        KAFKA.publish(EventCatalog.WORKING_CALENDAR_CHANGED, Topics.CALENDAR_KEY, new WorkingCalendarChanged(List.of(),
                changedAt.minusSeconds(3600)));

        try {
            clock.setDate(LocalDate.of(2024, 7, 2));
            tasks.sweepDeadlines();
            assertThat(status(occurrence)).as("due Sunday, Monday off: on time until the end of Tuesday").isEqualTo("NOT_DUE");
            assertThat(calendar.current().isWorkingDay(LocalDate.of(2024, 7, 1))).as("an older calendar, arriving late, changes nothing")
                    .isFalse();
            clock.setDate(LocalDate.of(2024, 7, 3));
            tasks.sweepDeadlines();
            assertThat(status(occurrence)).isEqualTo("OVERDUE");
        } finally {
            KAFKA.publish(EventCatalog.WORKING_CALENDAR_CHANGED, Topics.CALENDAR_KEY, new WorkingCalendarChanged(List.of(),
                    changedAt.plusSeconds(60)));
            await().atMost(Duration.ofSeconds(30)).until(() -> calendar.current().isWorkingDay(LocalDate.of(2024, 7, 1)));
        }
    }

    /** A new plan of the district whose one activity, a bulletin due with the second quarter (Sunday 30/06/2024), Phòng Nội vụ leads. */
    private String secondQuarterBulletinOfANewPlan() {
        String planId = "effective-" + UUID.randomUUID();
        KAFKA.publish(EventCatalog.PLAN_ISSUED, planId, new PlanIssued(planId, "78/KH-UBND", "Thông tin, tuyên truyền cải cách hành chính năm 2024",
                2024, HonQuanPlan.DISTRICT, "UBND huyện Hớn Quản", "70", LocalDate.of(2024, 1, 10), "Nguyễn Văn Hạ", null, planId, null,
                List.of(new PlanActivity("a", "Phát hành bản tin cải cách hành chính quý II", "01 bản tin", List.of("Phòng Nội vụ"), List.of(),
                        "quý II/2024")), null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.ok(api.get("/api/tasks?planId=" + planId)).get("totalElements").asLong() == 1);
        JsonNode occurrence = api.ok(api.get("/api/tasks?planId=" + planId)).get("content").get(0);
        assertThat(occurrence.get("dueDate").asString()).isEqualTo("2024-06-30");
        assertThat(occurrence.get("effectiveDueDate").asString()).as("Sunday runs to Monday, and the list says so").isEqualTo("2024-07-01");
        assertThat(api.ok(api.get("/api/tasks/" + occurrence.get("taskId").asString())).get("occurrences").get(0).get("effectiveDueDate")
                .asString()).as("and so does the task").isEqualTo("2024-07-01");
        return occurrence.get("id").asString();
    }

    private String status(String occurrence) {
        return occurrenceView(occurrence).get("status").asString();
    }

    private JsonNode occurrenceView(String occurrence) {
        for (JsonNode o : api.ok(api.get("/api/tasks?size=200&unitCode=" + HonQuanPlan.HOME_AFFAIRS)).get("content")) {
            if (o.get("id").asString().equals(occurrence)) {
                return o;
            }
        }
        throw new AssertionError("no occurrence " + occurrence);
    }

    private long dueInRollup(String occurrence) {
        String planId = occurrenceView(occurrence).get("planId").asString();
        return api.ok(api.get("/api/rollups/units/" + HonQuanPlan.HOME_AFFAIRS + "?planId=" + planId)).get("due").asLong();
    }

    private JsonNode record(String occurrence, Map<String, Object> progress) {
        HttpJson office = api.as(TestTokens.officerOf(HonQuanPlan.HOME_AFFAIRS));
        return office.ok(office.post("/api/occurrences/" + occurrence + "/progress", progress));
    }

    private List<String> announcedOverdue() {
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        return TaskEvents.published(KAFKA, EventCatalog.TASK_OVERDUE).stream().map(e -> e.occurrence().occurrenceId()).toList();
    }
}
