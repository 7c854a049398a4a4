package vn.gov.par.task.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;




import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;


import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.Versioned;
import vn.gov.par.support.timeframe.Occurrence;
import vn.gov.par.support.timeframe.ScheduleKind;
import vn.gov.par.task.HonQuanIntegrationTest;
import vn.gov.par.task.HonQuanPlan;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.TestTokens;




/**
 * A schedule set by hand is all or nothing: of two people setting it at once one wins and only the winner's dates become
 * occurrences; dates outside the plan's year are refused; a crash between the schedule and its occurrences is repaired by
 * the next sweep. Each test issues its own plan.
 */
class ScheduleByHandTest extends HonQuanIntegrationTest {

    private static final List<String> FIRST = List.of("2024-05-31");
    private static final List<String> SECOND = List.of("2024-08-31", "2024-11-30");

    @Autowired
    AggregateStore<Task> taskStore;

    @Autowired
    DeadlineSweep sweep;

    @Test
    void ofTwoPeopleSettingTheScheduleAtOnceOnlyTheWinnersDatesBecomeOccurrences() throws Exception {
        List<String> taskIds = unrecognisedTasksOfANewPlan();

        for (String taskId : taskIds) {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> setSchedule(taskId, FIRST));
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> setSchedule(taskId, SECOND));
            assertThat(List.of(first.get(), second.get())).as("one wins, the other is told it lost").containsExactlyInAnyOrder(200, 409);

            List<String> dueDates = dueDates(taskId);
            assertThat(dueDates).isEqualTo(first.get() == 200 ? FIRST : SECOND);
        }
    }

    @Test
    void datesOutsideThePlansYearAreRefusedAndNothingIsStored() {
        String taskId = unrecognisedTasksOfANewPlan().get(0);

        var refused = districtOfficer().put("/api/tasks/" + taskId + "/schedule", Map.of("dueDates", List.of("2024-12-15", "2025-01-15")));

        assertThat(refused.status().value()).isEqualTo(422);
        assertThat(api.ok(api.get("/api/tasks/" + taskId)).get("task").get("scheduleRecognised").asBoolean()).isFalse();
        assertThat(dueDates(taskId)).isEmpty();
    }

    @Test
    void aScheduleWrittenWithoutItsOccurrencesIsCompletedByTheNextSweep() {
        String taskId = unrecognisedTasksOfANewPlan().get(0);
        // What a crash right after the schedule's write leaves: the task says when it is due, no occurrence does yet.
        Versioned<Task> read = taskStore.find(taskId).orElseThrow();
        taskStore.update(read.value().withSchedule(ScheduleKind.ONCE, true,
                List.of(new Occurrence("Hạn 30/09/2024", null, LocalDate.of(2024, 9, 30)))), read.revision(), List.of());
        assertThat(dueDates(taskId)).isEmpty();

        clock.setDate(LocalDate.of(2024, 2, 1));
        sweep.sweep();

        assertThat(dueDates(taskId)).containsExactly("2024-09-30");
        assertThat(taskStore.find(taskId).orElseThrow().value().occurrencesPending()).isFalse();
    }

    /** A new plan whose one activity, with a timeframe nobody can read, goes to the district's six offices: their task ids. */
    private List<String> unrecognisedTasksOfANewPlan() {
        String planId = "by-hand-" + UUID.randomUUID();
        KAFKA.publish(EventCatalog.PLAN_ISSUED, planId, new PlanIssued(planId, "90/KH-UBND", "Thông tin, tuyên truyền cải cách hành chính năm 2024",
                2024, HonQuanPlan.DISTRICT, "UBND huyện Hớn Quản", "70", LocalDate.of(2024, 1, 10), "Nguyễn Văn Hạ", null, planId, null,
                List.of(new PlanActivity("y", "Đăng tin trên Trang thông tin điện tử huyện", null, List.of("các cơ quan, ban, ngành huyện"),
                        List.of(), "sau khi có hướng dẫn của tỉnh")), null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.ok(api.get("/api/tasks/unrecognised-schedules?planId=" + planId)).size()
                == HonQuanPlan.AGENCIES.size());
        return api.ok(api.get("/api/tasks/unrecognised-schedules?planId=" + planId)).valueStream().map(t -> t.get("id").asString()).toList();
    }

    /** Set by an officer of the district that issued the plan: its plan's dates are its to decide. */
    private int setSchedule(String taskId, List<String> dueDates) {
        return districtOfficer().put("/api/tasks/" + taskId + "/schedule", Map.of("dueDates", dueDates)).status().value();
    }

    private HttpJson districtOfficer() {
        return HttpJson.onPort(port).as(TestTokens.officerOf(HonQuanPlan.DISTRICT));
    }

    private List<String> dueDates(String taskId) {
        JsonNode occurrences = api.ok(api.get("/api/tasks/" + taskId)).get("occurrences");
        return occurrences.valueStream().map(o -> o.get("dueDate").asString()).toList();
    }
}
