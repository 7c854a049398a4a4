package vn.gov.par.plan.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.plan.SubPlanObligationCreated;
import vn.gov.par.contracts.unit.UnitRetired;
import vn.gov.par.plan.PlanServiceFixtures;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.MutableClock;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.TestTokens;

/**
 * The 2025 reform's dissolutions and mergers: a district merged into a new one hands it the sub-plan it still owed, keeps
 * its own name and history, and is never obliged, named or changed again; every refused retirement changes nothing. Each
 * test places units of its own ("RT1-A" ...), as the store outlives a test.
 */
@PlatformIntegrationTest
class RetiredUnitsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final String UNITS = """
            code,name,level,kind,parentCode
            TW,Chính phủ,CENTRAL,GOVERNMENT,
            RT%1$d-A,UBND tỉnh Sông Bé Thử,PROVINCE,GOVERNMENT,TW
            RT%1$d-A-SNV,Sở Nội vụ tỉnh Sông Bé Thử,PROVINCE,AGENCY,RT%1$d-A
            RT%1$d-A1,UBND huyện Đồng Phú Thử,DISTRICT,GOVERNMENT,RT%1$d-A
            RT%1$d-A11,UBND xã Tân Lập Thử,COMMUNE,GOVERNMENT,RT%1$d-A1
            RT%1$d-A2,UBND huyện Bù Đốp Thử,DISTRICT,GOVERNMENT,RT%1$d-A
            RT%1$d-A3,UBND huyện Chơn Thành Thử,DISTRICT,GOVERNMENT,RT%1$d-A
            RT%1$d-A31,UBND xã Minh Hưng Thử,COMMUNE,GOVERNMENT,RT%1$d-A3
            RT%1$d-B,UBND tỉnh Đồng Xoài Thử,PROVINCE,GOVERNMENT,TW
            RT%1$d-B1,UBND huyện Phú Riềng Thử,DISTRICT,GOVERNMENT,RT%1$d-B
            """;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    HttpJson api;
    HttpJson province;
    String run;

    @BeforeEach
    void setUp() {
        clock.setDate(LocalDate.of(2025, 6, 20));
        api = HttpJson.onPort(port);
        run = "RT" + RUNS.incrementAndGet();
        api.ok(api.send("/api/units/import", MediaType.parseMediaType("text/csv"), UNITS.formatted(RUNS.get())));
        province = api.as(TestTokens.administratorOf(u("RT-A")));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDistrictMergedIntoANewOneHandsItTheSubPlanItStillOwedAndKeepsItsOwnName() {
        String plan = PlanServiceFixtures.createPlan(api, u("RT-A"), PlanServiceFixtures.content("Kế hoạch tuyên truyền cải cách hành chính năm 2025",
                2025, LocalDate.of(2025, 7, 31), List.of()));
        PlanServiceFixtures.issue(api, plan, "7/KH-UBND");
        await().atMost(WAIT).until(() -> cascade(plan).get("total").get("total").asInt() == 3);
        String earlier = PlanServiceFixtures.createPlan(api, u("RT-A"), PlanServiceFixtures.content("Kế hoạch cải cách hành chính 6 tháng đầu năm 2025",
                2025, LocalDate.of(2025, 6, 10), List.of()));
        HttpJson leader = api.as(TestTokens.leaderOf(u("RT-A")));
        leader.ok(leader.post("/api/plans/" + earlier + "/issue", Map.of("number", "5/KH-UBND", "issuedOn", "2025-05-26", "confirmUnassigned", true)));
        await().atMost(WAIT).until(() -> cascade(earlier).get("total").get("total").asInt() == 3);
        province.ok(province.post("/api/units/import", List.of(Map.of("code", u("RT-A4"), "name", "UBND huyện Đồng Phú Mới Thử", "level", "DISTRICT",
                "kind", "GOVERNMENT", "parentCode", u("RT-A"), "establishedOn", "20/06/2025"))));
        assertThat(api.ok(api.get("/api/units/" + u("RT-A4"))).get("establishedOn").asString()).as("formed by the merger").isEqualTo("2025-06-20");
        province.ok(province.post("/api/units/" + u("RT-A11") + "/move", Map.of("parentCode", u("RT-A4"))));

        JsonNode merged = province.ok(province.post("/api/units/" + u("RT-A4") + "/merge",
                Map.of("unitCodes", List.of(u("RT-A1")), "mergedOn", "2025-06-20")));

        assertThat(merged.get(0).get("retirement").get("retiredOn").asString()).isEqualTo("2025-06-20");
        assertThat(merged.get(0).get("retirement").get("successorCode").asString()).isEqualTo(u("RT-A4"));
        JsonNode tree = await().atMost(WAIT).until(() -> cascade(plan), t -> statusOf(t, u("RT-A4")) != null);
        assertThat(statusOf(tree, u("RT-A4"))).as("the successor owes it now").isEqualTo("PENDING");
        assertThat(dueOf(tree, u("RT-A4"))).as("by the same day").isEqualTo("2025-07-31");
        assertThat(statusOf(tree, u("RT-A1"))).as("kept under its own name, owed no more").isEqualTo("CANCELLED");
        assertThat(PlanServiceFixtures.draftOf(api, u("RT-A4"), plan)).as("its draft prepared").isNotNull();
        JsonNode lateBefore = cascade(earlier);
        assertThat(statusOf(lateBefore, u("RT-A1"))).as("due 10/06, before the merger: its own lateness, kept").isEqualTo("OVERDUE");
        assertThat(statusOf(lateBefore, u("RT-A4"))).as("not the successor's").isNull();
        SubPlanObligationCreated takenOver = await().atMost(WAIT).until(() -> obligationOf(u("RT-A4")), found -> found != null);
        assertThat(takenOver.takenOverFromUnitCode()).as("the other services learn whose work it is").isEqualTo(u("RT-A1"));
        assertThat(takenOver.takenOverAfter()).as("and from when").isEqualTo(LocalDate.of(2025, 6, 20));
        assertThat(api.ok(api.get("/api/units/" + u("RT-A1"))).get("name").asString()).isEqualTo("UBND huyện Đồng Phú Thử");
        UnitRetired event = await().atMost(WAIT).until(() -> retirementOf(u("RT-A1")), found -> found != null);
        assertThat(event.retiredOn()).isEqualTo(LocalDate.of(2025, 6, 20));
        assertThat(event.successorName()).isEqualTo("UBND huyện Đồng Phú Mới Thử");

        assertThat(province.ok(province.post("/api/units/" + u("RT-A4") + "/merge", Map.of("unitCodes", List.of(u("RT-A1")), "mergedOn", "2025-06-20")))
                .get(0).get("retirement").get("successorCode").asString()).as("asked again: nothing more").isEqualTo(u("RT-A4"));
        assertThat(retirementsOf(u("RT-A1"))).as("published once").hasSize(1);
    }

    @Test
    void aRetiredUnitIsObligedByNoLaterPlanIssuesNothingAndIsNotChangedAgain() {
        HttpJson centre = api.as(TestTokens.administratorOf("TW"));
        centre.ok(centre.post("/api/units/" + u("RT-A11") + "/retire", Map.of("retiredOn", "2025-06-01")));
        centre.ok(centre.post("/api/units/" + u("RT-A1") + "/move", Map.of("parentCode", u("RT-B"))));
        JsonNode commune = api.ok(api.get("/api/units/" + u("RT-A11")));
        assertThat(commune.get("ancestorCodes")).extracting(JsonNode::asString).containsExactly("TW", u("RT-B"), u("RT-A1"));
        assertThat(commune.get("retirement").get("retiredOn").asString()).as("moved along, still retired").isEqualTo("2025-06-01");
        centre.ok(centre.post("/api/units/" + u("RT-A1") + "/retire", Map.of("retiredOn", "2025-06-01")));

        String later = PlanServiceFixtures.createPlan(api, u("RT-B"), PlanServiceFixtures.content("Kế hoạch bổ sung năm 2025", 2025,
                LocalDate.of(2025, 8, 31), List.of()));
        PlanServiceFixtures.issue(api, later, "9/KH-UBND");
        JsonNode tree = await().atMost(WAIT).until(() -> cascade(later), t -> t.get("total").get("total").asInt() == 1);
        assertThat(statusOf(tree, u("RT-B1"))).isEqualTo("PENDING");
        assertThat(statusOf(tree, u("RT-A1"))).isNull();

        HttpJson officer = api.as(TestTokens.officerOf(u("RT-A1")));
        refused(officer.post("/api/plans", Map.of("issuerCode", u("RT-A1"), "content", PlanServiceFixtures.content("Kế hoạch năm 2025", 2025, null,
                List.of()))), 409, "unit-retired");
        refused(centre.post("/api/units/" + u("RT-A1") + "/rename", Map.of("name", "UBND huyện Khác")), 409, "unit-retired");
        refused(centre.post("/api/units/" + u("RT-A1") + "/retire", Map.of("retiredOn", "2025-06-02")), 409, "unit-retired");
        refused(centre.post("/api/units/" + u("RT-A31") + "/move", Map.of("parentCode", u("RT-A1"))), 422, "parent-retired");
        assertThat(importErrors(Map.of("code", u("RT-A1"), "name", "UBND huyện Đổi Tên", "level", "DISTRICT", "kind", "GOVERNMENT",
                "parentCode", u("RT-B")))).contains("Đơn vị '" + u("RT-A1") + "' đã giải thể; không sửa qua nhập tệp.");
        assertThat(importErrors(Map.of("code", u("RT-A3") + "9", "name", "UBND xã Mới", "level", "COMMUNE", "kind", "GOVERNMENT",
                "parentCode", u("RT-A3"), "establishedOn", "31/02/2025"))).contains("Ngày thành lập '31/02/2025' không đúng dạng dd/MM/yyyy.");
        assertThat(importErrors(Map.of("code", u("RT-A1") + "9", "name", "UBND xã Mới", "level", "COMMUNE", "kind", "GOVERNMENT",
                "parentCode", u("RT-A1")))).contains("Đơn vị cha '" + u("RT-A1") + "' đã giải thể; không thêm đơn vị trực thuộc.");

        centre.ok(centre.post("/api/units/import", List.of(Map.of("code", u("RT-A1"), "name", "UBND huyện Đồng Phú Thử", "level", "DISTRICT",
                "kind", "GOVERNMENT", "parentCode", u("RT-B")))));
        assertThat(api.ok(api.get("/api/units/" + u("RT-A1"))).get("retirement").get("retiredOn").asString())
                .as("imported again as it is: still retired").isEqualTo("2025-06-01");
    }

    @Test
    void aRetirementThatCannotBeIsRefusedAndChangesNothing() {
        refused(province.post("/api/units/" + u("RT-A1") + "/retire", Map.of("retiredOn", "2025-06-20")), 409, "units-below-in-service");
        refused(province.post("/api/units/" + u("RT-A2") + "/retire", Map.of("retiredOn", "2025-06-21")), 422, "retired-on-future");
        refused(province.post("/api/units/" + u("RT-A2") + "/retire", Map.of("retiredOn", "2025-06-20", "successorCode", u("RT-A2"))), 422,
                "successor-is-self");
        refused(province.post("/api/units/" + u("RT-A2") + "/retire", Map.of("retiredOn", "2025-06-20", "successorCode", u("RT-A-SNV"))), 422,
                "successor-kind");
        refused(province.post("/api/units/" + u("RT-A2") + "/retire", Map.of("retiredOn", "2025-06-20", "successorCode", "KHONG-CO")), 422,
                "successor-not-found");
        refused(province.post("/api/units/" + u("RT-A2") + "/retire", Map.of("successorCode", u("RT-A3"))), 400, "validation-failed");
        refused(api.as(TestTokens.leaderOf(u("RT-A"))).post("/api/units/" + u("RT-A2") + "/retire", Map.of("retiredOn", "2025-06-20")), 403,
                "role-required");
        refused(api.as(TestTokens.administratorOf(u("RT-A3"))).post("/api/units/" + u("RT-A2") + "/retire",
                Map.of("retiredOn", "2025-06-20", "successorCode", u("RT-A3"))), 403, "outside-subtree");

        refused(province.post("/api/units/" + u("RT-A3") + "/merge", Map.of("unitCodes", List.of(u("RT-A2"), u("RT-A1")), "mergedOn", "2025-06-20")),
                409, "units-below-in-service");

        assertThat(api.ok(api.get("/api/units/" + u("RT-A2"))).path("retirement").isNull()).as("the first of the merge neither").isTrue();
        assertThat(retirementsOf(u("RT-A2"))).isEmpty();
    }

    private String u(String code) {
        return code.replace("RT-", run + "-");
    }

    private JsonNode cascade(String planId) {
        return api.ok(api.get("/api/plans/" + planId + "/cascade"));
    }

    private List<String> importErrors(Map<String, String> row) {
        HttpJson.Response response = api.as(TestTokens.administratorOf("TW")).post("/api/units/import", List.of(row));
        assertThat(response.status().value()).as(response.body().toString()).isEqualTo(422);
        List<String> messages = new ArrayList<>();
        response.body().get("errors").forEach(error -> messages.add(error.get("message").asString()));
        return messages;
    }

    private static String statusOf(JsonNode tree, String unitCode) {
        return childOf(tree, unitCode).map(child -> child.get("status").asString()).orElse(null);
    }

    private static String dueOf(JsonNode tree, String unitCode) {
        return childOf(tree, unitCode).map(child -> child.get("dueDate").asString()).orElse(null);
    }

    private static java.util.Optional<JsonNode> childOf(JsonNode tree, String unitCode) {
        for (JsonNode child : tree.get("children")) {
            if (child.get("unitCode").asString().equals(unitCode)) {
                return java.util.Optional.of(child);
            }
        }
        return java.util.Optional.empty();
    }

    private static SubPlanObligationCreated obligationOf(String unitCode) {
        EventCodec codec = new EventCodec();
        return KafkaTopicProbe.embedded().readAll(Topics.PLAN_EVENTS).stream().map(record -> codec.decode(record.value()))
                .filter(event -> event.is(EventCatalog.SUB_PLAN_OBLIGATION_CREATED)).map(event -> event.dataAs(EventCatalog.SUB_PLAN_OBLIGATION_CREATED))
                .filter(obligation -> obligation.unitCode().equals(unitCode)).findFirst().orElse(null);
    }

    private static UnitRetired retirementOf(String code) {
        return retirementsOf(code).stream().findFirst().orElse(null);
    }

    private static List<UnitRetired> retirementsOf(String code) {
        EventCodec codec = new EventCodec();
        return KafkaTopicProbe.embedded().readAll(Topics.UNIT_EVENTS).stream().map(record -> codec.decode(record.value()))
                .filter(event -> event.is(EventCatalog.UNIT_RETIRED)).map(event -> event.dataAs(EventCatalog.UNIT_RETIRED))
                .filter(retired -> retired.code().equals(code)).toList();
    }

    private static void refused(HttpJson.Response response, int status, String code) {
        assertThat(response.status().value()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.body().get("code").asString()).isEqualTo(code);
    }
}
