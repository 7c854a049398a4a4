package vn.gov.par.task.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.contracts.Actor;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.EventEnvelope;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.report.ReportPeriodsScheduled;
import vn.gov.par.contracts.task.TaskCompleted;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.task.HonQuanPlan;
import vn.gov.par.task.TaskEvents;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.RawHttp;
import vn.gov.par.testsupport.RefusalProbe;
import vn.gov.par.testsupport.TestTokens;

/**
 * What an official sees of the work: its own unit's and that of the units below it, nothing of a neighbour's; and the
 * progress it records is only its own unit's, kept with its name.
 */
@PlatformIntegrationTest
class TaskVisibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final KafkaTopicProbe KAFKA = KafkaTopicProbe.embedded();

    /** A province of its own (Bến Tre), so what other tests of this context add shows nowhere here. */
    private static final String PROVINCE = "83";
    private static final String DISTRICT = "831";
    private static final String COMMUNE = "28840";
    private static final String NEIGHBOUR = "835";
    private static final String NEIGHBOURS_COMMUNE = "28900";
    private static final String HOME_AFFAIRS = "83-SNV";

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    HttpJson api;

    @BeforeAll
    static void announceTheProvince() {
        HonQuanPlan.centralGovernment(KAFKA);
        unit(PROVINCE, "UBND tỉnh Bến Tre", "PROVINCE");
        unit(DISTRICT, "UBND huyện Châu Thành", "DISTRICT", PROVINCE);
        unit(COMMUNE, "UBND xã Tân Thạch", "COMMUNE", PROVINCE, DISTRICT);
        unit(NEIGHBOUR, "UBND huyện Mỏ Cày Nam", "DISTRICT", PROVINCE);
        unit(NEIGHBOURS_COMMUNE, "UBND xã Định Thủy", "COMMUNE", PROVINCE, NEIGHBOUR);
        KAFKA.publish(EventCatalog.UNIT_REGISTERED, PROVINCE, new UnitRecorded(HOME_AFFAIRS, "Sở Nội vụ tỉnh Bến Tre", "PROVINCE", "AGENCY",
                PROVINCE, PROVINCE, List.of(HonQuanPlan.CENTRAL, PROVINCE), null));
    }

    @BeforeEach
    void setUp() {
        api = HttpJson.onPort(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(PROVINCE, DISTRICT, COMMUNE, NEIGHBOUR, NEIGHBOURS_COMMUNE).stream()
                .allMatch(code -> api.get("/api/rollups/units/" + code).ok()) && api.get("/api/rollups/units/" + HOME_AFFAIRS).ok());
    }

    @Test
    void aDistrictSeesItsOwnAndItsCommunesWorkButNothingOfItsNeighbours() {
        String plan = provincePlan();
        HttpJson district = api.as(TestTokens.officerOf(DISTRICT));

        assertThat(units(district.ok(district.get("/api/tasks?planId=" + plan + "&size=500")).get("content")))
                .as("the occurrences a district officer is shown").containsExactlyInAnyOrder(DISTRICT, COMMUNE);
        assertThat(units(district.ok(district.get("/api/plans/" + plan + "/tasks?size=500")).get("content")))
                .as("the plan's tasks a district officer is shown").containsExactlyInAnyOrder(DISTRICT, COMMUNE);
        assertThat(district.ok(district.get("/api/tasks?planId=" + plan + "&unitCode=" + NEIGHBOUR)).get("totalElements").asLong())
                .as("asked for by name, still not shown").isZero();
        HttpJson province = api.as(TestTokens.leaderOf(PROVINCE));
        assertThat(units(province.ok(province.get("/api/plans/" + plan + "/tasks?size=500")).get("content")))
                .as("the province sees every district's and commune's").containsExactlyInAnyOrder(DISTRICT, COMMUNE, NEIGHBOUR, NEIGHBOURS_COMMUNE);
        for (String keptTo : List.of("&provinceCode=" + PROVINCE, "&underUnit=" + PROVINCE)) {
            assertThat(units(district.ok(district.get("/api/tasks?planId=" + plan + "&size=500" + keptTo)).get("content")))
                    .as("the district asking for the whole province (%s)", keptTo).containsExactlyInAnyOrder(DISTRICT, COMMUNE);
            assertThat(units(province.ok(province.get("/api/tasks?planId=" + plan + "&size=500" + keptTo)).get("content")))
                    .as("the province asking for itself (%s)", keptTo).containsExactlyInAnyOrder(DISTRICT, COMMUNE, NEIGHBOUR, NEIGHBOURS_COMMUNE);
        }
        assertThat(units(province.ok(province.get("/api/tasks?planId=" + plan + "&size=500&underUnit=" + NEIGHBOUR)).get("content")))
                .as("the province asking for one district's").containsExactlyInAnyOrder(NEIGHBOUR, NEIGHBOURS_COMMUNE);

        String neighboursTask = taskOf(plan, NEIGHBOUR);
        HttpJson.Response hidden = district.get("/api/tasks/" + neighboursTask);
        HttpJson.Response missing = district.get("/api/tasks/khong-co");
        assertThat(hidden.status().value()).as("a neighbour's task").isEqualTo(404);
        assertThat(hidden.body().get("code").asString()).isEqualTo(missing.body().get("code").asString());
        assertThat(hidden.body().get("detail").asString()).as("answered as a task that does not exist")
                .isEqualTo(missing.body().get("detail").asString().replace("khong-co", neighboursTask));
        assertThat(district.get("/api/tasks/" + taskOf(plan, COMMUNE)).status().value()).as("its commune's task").isEqualTo(200);

        assertThat(district.get("/api/rollups/units/" + NEIGHBOUR).status().value()).as("a neighbour's roll-up").isEqualTo(404);
        JsonNode rollup = district.ok(district.get("/api/rollups/plans/" + plan + "?underUnit=" + PROVINCE));
        assertThat(rollup.valueStream().map(line -> line.get("unitCode").asString()))
                .as("the province's roll-up, as the district is shown it").containsExactly(DISTRICT, COMMUNE);
        JsonNode counted = rollup.get(0).get("subtree");
        assertThat(List.of("notDue", "overdue", "doneOnTime", "doneLate", "onDemand").stream().mapToLong(status -> counted.get(status).asLong())
                .sum()).as("its own and its commune's, not its neighbour's").isEqualTo(2);
    }

    @Test
    void progressIsRecordedOnlyByTheUnitDoingTheWorkAndKeepsWhoRecordedIt() {
        String plan = provincePlan();
        String districtsOccurrence = occurrenceOf(plan, DISTRICT);
        RawHttp.Request done = RawHttp.Request.json("POST", "/api/occurrences/" + districtsOccurrence + "/progress",
                JSON.writeValueAsString(Map.of("done", true, "doneOn", "2025-06-20", "count", 1, "note", "Đã phát hành bản tin")));
        RefusalProbe probe = new RefusalProbe(RawHttp.onPort(port), mongo, List.of(Topics.TASK_EVENTS), List.of());

        RawHttp.Response byCommune = probe.as(TestTokens.officerOf(COMMUNE)).refused("the commune's officer", done);
        assertThat(byCommune.status()).as("the commune does not see its district's work").isEqualTo(404);
        RawHttp.Response byNeighbour = probe.as(TestTokens.officerOf(NEIGHBOUR)).refused("the neighbouring district's officer", done);
        assertThat(byNeighbour.status()).isEqualTo(404);
        RawHttp.Response byProvince = probe.as(TestTokens.leaderOf(PROVINCE)).refused("the province's leader", done);
        assertThat(byProvince.status()).as("the province sees it, but the work is the district's").isEqualTo(403);
        assertThat(byProvince.json().get("code").asString()).isEqualTo("not-own-unit");
        assertThat(occurrence(plan, DISTRICT).get("progress")).as("nothing recorded").isEmpty();

        HttpJson district = api.as(TestTokens.official("nguyen-van-an", DISTRICT, "CAN_BO"));
        JsonNode recorded = district.ok(district.post("/api/occurrences/" + districtsOccurrence + "/progress",
                Map.of("done", true, "doneOn", "2025-06-20", "count", 1, "note", "Đã phát hành bản tin")));

        assertThat(recorded.get("status").asString()).isEqualTo("DONE_ON_TIME");
        JsonNode by = recorded.get("progress").get(0).get("recordedBy");
        assertThat(by.get("unitCode").asString()).isEqualTo(DISTRICT);
        assertThat(by.get("name").asString()).isEqualTo("nguyen-van-an");
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        List<Actor> actors = new ArrayList<>();
        for (EventEnvelope<?> event : TaskEvents.envelopes(KAFKA, EventCatalog.TASK_COMPLETED)) {
            if (event.dataAs(EventCatalog.TASK_COMPLETED).occurrence().occurrenceId().equals(districtsOccurrence)) {
                actors.add(event.actor());
            }
        }
        assertThat(actors).as("TaskCompleted says who completed it").singleElement()
                .isEqualTo(new Actor(by.get("subject").asString(), "nguyen-van-an", DISTRICT));
    }

    /**
     * The province's plan sends its reports "qua Sở Nội vụ", so Sở Nội vụ is told when the districts' work under it is late:
     * it reads that work, not that of the province's other plans, and records no progress on it.
     */
    @Test
    void theOfficeAPlanReportsThroughReadsItsWorkButChangesNothing() {
        String through = provincePlan();
        String other = provincePlan();
        KAFKA.publish(EventCatalog.REPORT_PERIODS_SCHEDULED, through, new ReportPeriodsScheduled(through, through, "21/KH-UBND", PROVINCE,
                PROVINCE, 2025, "Định kỳ 6 tháng, năm báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ).", false, List.of(), "Sở Nội vụ"));
        HttpJson office = api.as(TestTokens.leaderOf(HOME_AFFAIRS));

        await().atMost(Duration.ofSeconds(30)).until(() -> office.ok(office.get("/api/tasks?size=500")).get("totalElements").asLong() == 4);
        assertThat(office.ok(office.get("/api/tasks?size=500")).get("content").valueStream().map(o -> o.get("planId").asString()))
                .as("the occurrences it is shown").containsOnly(through);
        assertThat(units(office.ok(office.get("/api/plans/" + through + "/tasks?size=500")).get("content")))
                .containsExactlyInAnyOrder(DISTRICT, COMMUNE, NEIGHBOUR, NEIGHBOURS_COMMUNE);
        assertThat(office.get("/api/tasks/" + taskOf(through, COMMUNE)).status().value()).isEqualTo(200);
        assertThat(office.get("/api/tasks/" + taskOf(other, COMMUNE)).status().value()).as("the same commune's task under another plan")
                .isEqualTo(404);

        RawHttp.Request done = RawHttp.Request.json("POST", "/api/occurrences/" + occurrenceOf(through, DISTRICT) + "/progress",
                JSON.writeValueAsString(Map.of("done", true, "doneOn", "2025-06-20", "count", 1)));
        RawHttp.Response refused = new RefusalProbe(RawHttp.onPort(port), mongo, List.of(Topics.TASK_EVENTS), List.of())
                .as(TestTokens.leaderOf(HOME_AFFAIRS)).refused("Sở Nội vụ's leader", done);
        assertThat(refused.status()).as("it reads the work, which stays the district's").isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("not-own-unit");
    }

    /** A new plan of the province giving both districts and one commune of each the same work, due at the end of 2025. */
    private String provincePlan() {
        String planId = "ben-tre-" + UUID.randomUUID();
        KAFKA.publish(EventCatalog.PLAN_ISSUED, planId, new PlanIssued(planId, "21/KH-UBND",
                "Thông tin, tuyên truyền cải cách hành chính năm 2025 trên địa bàn tỉnh Bến Tre", 2025, PROVINCE, "UBND tỉnh Bến Tre", PROVINCE,
                LocalDate.of(2025, 1, 10), "Trần Ngọc Tam", null, planId, null, List.of(new PlanActivity("a",
                        "Phát hành bản tin cải cách hành chính", "01 bản tin",
                        List.of("UBND huyện Châu Thành", "UBND huyện Mỏ Cày Nam", "UBND xã Tân Thạch", "UBND xã Định Thủy"), List.of(),
                        "trong năm 2025")), null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.ok(api.get("/api/tasks?planId=" + planId)).get("totalElements").asLong() == 4);
        return planId;
    }

    private String taskOf(String plan, String unitCode) {
        return api.ok(api.get("/api/plans/" + plan + "/tasks?unitCode=" + unitCode)).get("content").get(0).get("id").asString();
    }

    private JsonNode occurrence(String plan, String unitCode) {
        return api.ok(api.get("/api/tasks?planId=" + plan + "&unitCode=" + unitCode)).get("content").get(0);
    }

    private String occurrenceOf(String plan, String unitCode) {
        return occurrence(plan, unitCode).get("id").asString();
    }

    private static List<String> units(JsonNode content) {
        return content.valueStream().map(node -> node.get("unitCode").asString()).toList();
    }

    private static void unit(String code, String name, String level, String... ancestorsBelowTheCentre) {
        List<String> path = new ArrayList<>(List.of(HonQuanPlan.CENTRAL));
        path.addAll(List.of(ancestorsBelowTheCentre));
        KAFKA.publish(EventCatalog.UNIT_REGISTERED, PROVINCE, new UnitRecorded(code, name, level, "GOVERNMENT", path.get(path.size() - 1),
                PROVINCE, path, null));
    }
}
