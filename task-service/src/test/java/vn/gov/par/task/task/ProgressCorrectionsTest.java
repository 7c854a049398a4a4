package vn.gov.par.task.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;




import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;


import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.EventType;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.task.TaskCompleted;
import vn.gov.par.contracts.task.TaskOccurrenceFacts;
import vn.gov.par.contracts.task.TaskReopened;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.task.HonQuanIntegrationTest;
import vn.gov.par.task.HonQuanPlan;
import vn.gov.par.testsupport.TestTokens;
import vn.gov.par.task.TaskEvents;
import vn.gov.par.testsupport.HttpJson;





/**
 * Progress recorded late or corrected: overdue is announced once per occurrence whatever the status went through, and a
 * correction publishes what changed (reopened, completed again, completed with other figures) and nothing else.
 * Each test issues its own plan, so none depends on what another did first.
 */
class ProgressCorrectionsTest extends HonQuanIntegrationTest {

    @Autowired
    Tasks tasks;

    @Autowired
    OutboxRelay relay;

    @Test
    void notDoneRecordedAfterTheDueDateIsStillAnnouncedOverdueOnce() {
        String occurrence = secondQuarterBulletinOfANewPlan();
        clock.setDate(LocalDate.of(2024, 7, 3));

        JsonNode late = record(occurrence, Map.of("done", false, "note", "Đang biên tập, chưa phát hành"));
        assertThat(late.get("status").asString()).isEqualTo("OVERDUE");
        tasks.sweepDeadlines();
        tasks.sweepDeadlines();

        assertThat(overdueAnnouncements(occurrence)).isEqualTo(1);
    }

    @Test
    void correctionsPublishWhatChangedAndOverdueStaysAnnouncedOnce() {
        String occurrence = secondQuarterBulletinOfANewPlan();
        clock.setDate(LocalDate.of(2024, 6, 20));
        record(occurrence, Map.of("done", true, "doneOn", "2024-06-20", "count", 1));

        clock.setDate(LocalDate.of(2024, 7, 3));
        JsonNode reopened = record(occurrence, Map.of("done", false, "note", "Bản tin chưa được duyệt, phải in lại"));
        assertThat(reopened.get("status").asString()).isEqualTo("OVERDUE");
        tasks.sweepDeadlines();
        record(occurrence, Map.of("done", true, "doneOn", "2024-07-03", "count", 1));
        record(occurrence, Map.of("done", true, "doneOn", "2024-07-03", "count", 3, "links", List.of("https://honquan.gov.vn/ban-tin-quy-2")));
        record(occurrence, Map.of("done", true, "doneOn", "2024-07-03", "count", 3, "links", List.of("https://honquan.gov.vn/ban-tin-quy-2")));
        clock.setDate(LocalDate.of(2024, 7, 5));
        JsonNode last = record(occurrence, Map.of("done", false));
        tasks.sweepDeadlines();

        assertThat(last.get("progress")).as("every record is kept").hasSize(6);
        List<TaskCompleted> completions = published(EventCatalog.TASK_COMPLETED, occurrence, TaskCompleted::occurrence);
        assertThat(completions).extracting(TaskCompleted::count).containsExactly(1, 1, 3);
        assertThat(completions).extracting(TaskCompleted::onTime).containsExactly(true, false, false);
        assertThat(published(EventCatalog.TASK_REOPENED, occurrence, TaskReopened::occurrence)).extracting(TaskReopened::correctedOn)
                .containsExactly(LocalDate.of(2024, 7, 3), LocalDate.of(2024, 7, 5));
        assertThat(overdueAnnouncements(occurrence)).as("overdue once, though it fell overdue twice").isEqualTo(1);
    }

    /** A new plan of the district whose one activity, a bulletin due 30/06/2024, Phòng Nội vụ leads; its occurrence's id. */
    private String secondQuarterBulletinOfANewPlan() {
        String planId = "corrections-" + UUID.randomUUID();
        KAFKA.publish(EventCatalog.PLAN_ISSUED, planId, new PlanIssued(planId, "77/KH-UBND", "Thông tin, tuyên truyền cải cách hành chính năm 2024",
                2024, HonQuanPlan.DISTRICT, "UBND huyện Hớn Quản", "70", LocalDate.of(2024, 1, 10), "Nguyễn Văn Hạ", null, planId, null,
                List.of(new PlanActivity("a", "Phát hành bản tin cải cách hành chính quý II", "01 bản tin", List.of("Phòng Nội vụ"), List.of(),
                        "quý II/2024")), null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.ok(api.get("/api/tasks?planId=" + planId)).get("totalElements").asLong() == 1);
        return api.ok(api.get("/api/tasks?planId=" + planId)).get("content").get(0).get("id").asString();
    }

    /** Recorded by an officer of Phòng Nội vụ, whose work it is. */
    private JsonNode record(String occurrence, Map<String, Object> progress) {
        HttpJson office = api.as(TestTokens.officerOf(HonQuanPlan.HOME_AFFAIRS));
        return office.ok(office.post("/api/occurrences/" + occurrence + "/progress", progress));
    }

    private long overdueAnnouncements(String occurrence) {
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        return TaskEvents.published(KAFKA, EventCatalog.TASK_OVERDUE).stream()
                .filter(e -> e.occurrence().occurrenceId().equals(occurrence)).count();
    }

    private <T> List<T> published(EventType<T> type, String occurrence, Function<T, TaskOccurrenceFacts> facts) {
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        return TaskEvents.published(KAFKA, type).stream().filter(e -> facts.apply(e).occurrenceId().equals(occurrence)).toList();
    }
}
