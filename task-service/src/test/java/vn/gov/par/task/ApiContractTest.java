package vn.gov.par.task;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.testsupport.GuardedWrite;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.RawHttp;
import vn.gov.par.testsupport.ServiceApiContract;

class ApiContractTest extends ServiceApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final KafkaTopicProbe KAFKA = KafkaTopicProbe.embedded();

    /**
     * A district's work, with its province above, its commune below and another district beside: a hierarchy of its own,
     * so what the rules' test adds to it shows in no other test of this context.
     */
    private static final GuardedWrite.Placement DISTRICT = new GuardedWrite.Placement("800", "80", "80001", "801");

    ApiContractTest() {
        super(List.of(Topics.TASK_EVENTS), "/api/tasks", "/api/tasks/{taskId}", "/api/tasks/unrecognised-schedules",
                "/api/tasks/{taskId}/schedule", "/api/plans/{planId}/tasks", "/api/occurrences/{occurrenceId}/progress",
                "/api/rollups/units/{unitCode}", "/api/rollups/plans/{planId}", "/api/unresolved-assignees",
                "/api/plans/{planId}/unresolved-assignees", "/api/timeframes/parse", "/api/timeframes/parse-all");
    }

    @Override
    protected List<GuardedWrite> guardedWrites() {
        return List.of(
                // Progress is the unit doing the work's to record: the province's plan gives the district its work.
                GuardedWrite.needs("CAN_BO", "POST", "/api/occurrences/{occurrenceId}/progress", DISTRICT,
                        () -> RawHttp.Request.json("POST", "/api/occurrences/" + districtOccurrence() + "/progress",
                                JSON.writeValueAsString(Map.of("done", true, "doneOn", "2024-06-20", "count", 1,
                                        "note", "Đã phát hành bản tin quý II")))),
                // Due dates are the issuer's to set, even for work its plan gave the commune below (which sees the task).
                GuardedWrite.needs("CAN_BO", "PUT", "/api/tasks/{taskId}/schedule", DISTRICT,
                        () -> RawHttp.Request.json("PUT", "/api/tasks/" + unscheduledTaskOfTheDistrictsPlan() + "/schedule",
                                JSON.writeValueAsString(Map.of("dueDates", List.of("2024-09-30"))))),
                GuardedWrite.changesNothing("POST", "/api/timeframes/parse", DISTRICT, () -> {
                    placeHierarchy();
                    return RawHttp.Request.json("POST", "/api/timeframes/parse",
                            JSON.writeValueAsString(Map.of("text", "chậm nhất trong tháng 02/2025", "year", 2025)));
                }),
                GuardedWrite.changesNothing("POST", "/api/timeframes/parse-all", DISTRICT, () -> {
                    placeHierarchy();
                    return RawHttp.Request.json("POST", "/api/timeframes/parse-all",
                            JSON.writeValueAsString(Map.of("texts", List.of("hàng quý", "thường xuyên"), "year", 2025)));
                }));
    }

    private HttpJson api() {
        return HttpJson.onPort(port);
    }

    private static boolean placed;

    private void placeHierarchy() {
        if (placed) {
            return;
        }
        HonQuanPlan.centralGovernment(KAFKA);
        unit("80", "UBND tỉnh Long An", "PROVINCE");
        unit("800", "UBND huyện Thủ Thừa", "DISTRICT", "80");
        unit("80001", "UBND xã Mỹ An", "COMMUNE", "80", "800");
        unit("801", "UBND huyện Đức Hòa", "DISTRICT", "80");
        HttpJson api = api();
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("80", "800", "80001", "801").stream()
                .allMatch(code -> api.get("/api/rollups/units/" + code).ok()));
        placed = true;
    }

    /** An occurrence of the district's own work, under a new plan of its province. */
    private String districtOccurrence() {
        placeHierarchy();
        String plan = issue("80", "UBND tỉnh Long An", new PlanActivity("a", "Phát hành bản tin cải cách hành chính", "01 bản tin",
                List.of("UBND huyện Thủ Thừa"), List.of(), "trong năm 2024"));
        HttpJson api = api();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.ok(api.get("/api/tasks?planId=" + plan)).get("totalElements").asLong() == 1);
        return api.ok(api.get("/api/tasks?planId=" + plan)).get("content").get(0).get("id").asString();
    }

    /** A task of the commune under a new plan of the district, whose timeframe nobody can read. */
    private String unscheduledTaskOfTheDistrictsPlan() {
        placeHierarchy();
        String plan = issue("800", "UBND huyện Thủ Thừa", new PlanActivity("a", "Đăng tin trên trang thông tin điện tử xã", null,
                List.of("UBND xã Mỹ An"), List.of(), "sau khi có hướng dẫn của tỉnh"));
        HttpJson api = api();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.ok(api.get("/api/tasks/unrecognised-schedules?planId=" + plan)).size() == 1);
        return api.ok(api.get("/api/tasks/unrecognised-schedules?planId=" + plan)).get(0).get("id").asString();
    }

    private static String issue(String issuerCode, String issuerName, PlanActivity activity) {
        String planId = "quyen-" + UUID.randomUUID();
        KAFKA.publish(EventCatalog.PLAN_ISSUED, planId, new PlanIssued(planId, "15/KH-UBND", "Thông tin, tuyên truyền cải cách hành chính năm 2024",
                2024, issuerCode, issuerName, "80", LocalDate.of(2024, 1, 10), "Nguyễn Văn Thử", null, planId, null, List.of(activity), null,
                null));
        return planId;
    }

    private static void unit(String code, String name, String level, String... ancestorsBelowTheCentre) {
        List<String> path = new ArrayList<>(List.of(HonQuanPlan.CENTRAL));
        path.addAll(List.of(ancestorsBelowTheCentre));
        KAFKA.publish(EventCatalog.UNIT_REGISTERED, "80", new UnitRecorded(code, name, level, "GOVERNMENT", path.get(path.size() - 1), "80",
                path, null));
    }
}
