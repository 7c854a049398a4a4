package vn.gov.par.task.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanCancelled;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.task.HonQuanIntegrationTest;
import vn.gov.par.task.HonQuanPlan;
import vn.gov.par.testsupport.RawHttp;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.RefusalProbe;
import vn.gov.par.testsupport.TestTokens;

/**
 * Work a plan no longer asks for takes no progress and no schedule once the plan is cancelled, and a schedule that was
 * understood is not set again by hand: each is a 409 problem that changes nothing.
 */
class TaskTransitionsTest extends HonQuanIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MongoTemplate mongo;

    record Refusal(String name, boolean cancelFirst, boolean scheduleFirst, String method, String target, Map<String, Object> body) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> refusals() {
        Map<String, Object> progress = Map.of("done", true, "doneOn", "2024-06-20", "count", 1);
        Map<String, Object> schedule = Map.of("dueDates", List.of("2024-09-30"));
        return Stream.of(
                new Refusal("progress on a cancelled plan's task", true, false, "POST", "occurrence", progress),
                new Refusal("a schedule set by hand on a cancelled plan's task", true, false, "PUT", "unscheduled", schedule),
                new Refusal("a schedule set by hand twice", false, true, "PUT", "unscheduled", schedule),
                new Refusal("a schedule set by hand after the plan's cancellation", true, true, "PUT", "unscheduled", schedule));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aChangeTheStateDoesNotAllowIsAConflictThatChangesNothing(Refusal refusal) {
        String plan = "transitions-" + UUID.randomUUID();
        KAFKA.publish(EventCatalog.PLAN_ISSUED, plan, new PlanIssued(plan, "79/KH-UBND", "Thông tin, tuyên truyền cải cách hành chính năm 2024",
                2024, HonQuanPlan.DISTRICT, "UBND huyện Hớn Quản", "70", LocalDate.of(2024, 1, 10), "Nguyễn Văn Hạ", null, plan, null,
                List.of(new PlanActivity("a", "Phát hành bản tin cải cách hành chính quý II", "01 bản tin", List.of("Phòng Nội vụ"), List.of(),
                                "quý II/2024"),
                        new PlanActivity("b", "Đăng tin trên Trang thông tin điện tử huyện", null, List.of("Phòng Văn hóa - Thông tin huyện"),
                                List.of(), "sau khi có hướng dẫn của tỉnh")), null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.ok(api.get("/api/tasks?planId=" + plan)).get("totalElements").asLong() == 1);
        String occurrence = api.ok(api.get("/api/tasks?planId=" + plan)).get("content").get(0).get("id").asString();
        String unscheduled = api.ok(api.get("/api/tasks/unrecognised-schedules?planId=" + plan)).get(0).get("id").asString();
        // Each change by whom the rules let make it, so that what refuses it is the state: progress by the office doing the
        // work (Phòng Nội vụ), a schedule by the district that issued the plan.
        String owner = TestTokens.officerOf(refusal.target().equals("occurrence") ? HonQuanPlan.HOME_AFFAIRS : HonQuanPlan.DISTRICT);
        if (refusal.scheduleFirst()) {
            HttpJson issuer = api.as(TestTokens.officerOf(HonQuanPlan.DISTRICT));
            issuer.ok(issuer.put("/api/tasks/" + unscheduled + "/schedule", Map.of("dueDates", List.of("2024-08-31"))));
        }
        if (refusal.cancelFirst()) {
            KAFKA.publish(EventCatalog.PLAN_CANCELLED, plan, new PlanCancelled(plan, HonQuanPlan.DISTRICT, "70", LocalDate.of(2024, 5, 2),
                    "Thay bằng kế hoạch khác"));
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(plan)), "cancelled_plans"));
        }
        RefusalProbe probe = new RefusalProbe(RawHttp.onPort(port).as(owner), mongo, List.of(Topics.TASK_EVENTS), List.of());

        String path = refusal.target().equals("occurrence") ? "/api/occurrences/" + occurrence + "/progress"
                : "/api/tasks/" + unscheduled + "/schedule";
        RawHttp.Request request = RawHttp.Request.json(refusal.method(), path, JSON.writeValueAsString(refusal.body()));
        assertThat(probe.send(refusal, request)).as("refused").isEmpty();
        JsonNode problem = RawHttp.onPort(port).as(owner).send(request).json();
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("code").asString()).isEqualTo(refusal.cancelFirst() ? "plan-cancelled" : "schedule-already-set");
        if (refusal.cancelFirst()) {
            assertThat(problem.get("detail").asString()).isEqualTo("Kế hoạch số 79/KH-UBND đã bị hủy ngày 02/05/2024; không "
                    + (refusal.target().equals("occurrence") ? "ghi nhận tiến độ" : "đặt lịch thực hiện") + " nữa.");
        }
    }
}
