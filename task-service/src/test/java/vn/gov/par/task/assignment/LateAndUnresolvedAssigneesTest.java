package vn.gov.par.task.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.task.HonQuanPlan;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.PlatformIntegrationTest;

/**
 * Huyện Bù Gia Mập's plans, processed before its communes are known to task-service: the groups that name nobody yet are
 * kept and shown, and the communes get their work when they register. A group no unit of the issuer's subtree can belong
 * to ("Các Sở, ban, ngành" in a district plan) stays shown for a person.
 */
@PlatformIntegrationTest
class LateAndUnresolvedAssigneesTest {

    private static final KafkaTopicProbe KAFKA = KafkaTopicProbe.embedded();
    private static final String DISTRICT = "697";
    private static final List<String> COMMUNES = List.of("26000", "26001");

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    HttpJson api;

    @BeforeAll
    static void announceTheDistrictWithoutItsCommunes() {
        HonQuanPlan.centralGovernment(KAFKA);
        unit("70", "UBND tỉnh Bình Phước", "PROVINCE", "GOVERNMENT", HonQuanPlan.CENTRAL);
        unit(DISTRICT, "UBND huyện Bù Gia Mập", "DISTRICT", "GOVERNMENT", HonQuanPlan.CENTRAL, "70");
        unit("697-PNV", "Phòng Nội vụ huyện Bù Gia Mập", "DISTRICT", "AGENCY", HonQuanPlan.CENTRAL, "70", DISTRICT);
    }

    @BeforeEach
    void setUp() {
        api = HttpJson.onPort(port);
    }

    @Test
    void communesRegisteredAfterThePlanGetTheirTasksOnceAndTheGroupIsNoLongerShownAsEmpty() {
        String plan = issue(List.of(
                new PlanActivity("a", "Tuyên truyền trên hệ thống loa truyền thanh", null, List.of("UBND các xã, thị trấn"), List.of(),
                        "hàng quý/2024"),
                new PlanActivity("b", "Tổ chức hội nghị đối thoại", null, List.of("Phòng Nội vụ"), List.of("UBND các xã, thị trấn"),
                        "trong năm 2024")));
        await().atMost(Duration.ofSeconds(30)).until(() -> unresolved(plan).size() == 2);
        assertThat(unresolved(plan).get(0).get("emptyGroups").get(0).asString()).isEqualTo("ubnd cac xa, thi tran");

        COMMUNES.forEach(code -> unit(code, code.equals("26000") ? "UBND xã Bình Thắng" : "UBND thị trấn Đức Phong", "COMMUNE", "GOVERNMENT",
                HonQuanPlan.CENTRAL, "70", DISTRICT));

        await().atMost(Duration.ofSeconds(30)).until(() -> COMMUNES.stream().allMatch(c -> roles(plan, c).size() == 2));
        for (String commune : COMMUNES) {
            assertThat(roles(plan, commune)).containsExactly(Map.entry("a", "LEAD"), Map.entry("b", "COOPERATING"));
            assertThat(api.ok(api.get("/api/tasks?planId=" + plan + "&unitCode=" + commune)).get("totalElements").asLong())
                    .as("four quarters and the year").isEqualTo(5);
        }
        assertThat(unresolved(plan)).as("both groups now name the communes").isEmpty();

        Map<String, List<String>> before = settledSnapshot(plan);
        KAFKA.replay(Topics.UNIT_EVENTS, KAFKA.readAll(Topics.UNIT_EVENTS));
        KAFKA.replay(Topics.PLAN_EVENTS, KAFKA.readAll(Topics.PLAN_EVENTS));
        assertThat(settledSnapshot(plan)).as("redelivery changes nothing").isEqualTo(before);
    }

    @Test
    void aGroupThatNamesNoUnitOfTheIssuersSubtreeIsKeptShownAndListedForOperators() {
        String text = "Các Sở, ban, ngành; UBND các huyện";
        String plan = issue(List.of(new PlanActivity("c", "Tuyên truyền trên Cổng thông tin điện tử", null, List.of(text), List.of(),
                "trong năm 2024")));
        await().atMost(Duration.ofSeconds(30)).until(() -> unresolved(plan).size() == 1);

        JsonNode kept = unresolved(plan).get(0);
        assertThat(kept.get("text").asString()).isEqualTo(text);
        assertThat(kept.get("emptyGroups").valueStream().map(JsonNode::asString)).containsExactly("ubnd cac huyen", "cac so, ban, nganh");

        JsonNode all = api.ok(api.get("/api/unresolved-assignees?issuerCode=" + DISTRICT + "&size=500"));
        assertThat(all.get("content").valueStream().map(u -> u.get("planId").asString())).contains(plan);
        JsonNode firstPage = api.ok(api.get("/api/unresolved-assignees?issuerCode=" + DISTRICT + "&size=1"));
        assertThat(firstPage.get("content")).hasSize(1);
        assertThat(firstPage.get("totalElements").asLong()).isEqualTo(all.get("totalElements").asLong());
        assertThat(api.ok(api.get("/api/unresolved-assignees?issuerCode=khong-co")).get("totalElements").asLong()).isZero();
        assertThat(api.get("/api/unresolved-assignees?size=0").status().value()).isEqualTo(400);
    }

    @Test
    void pagesAcrossPlansHoldEveryTextOnceByPlanAndActivity() {
        String first = issue(List.of(
                new PlanActivity("a", "Tuyên truyền trên báo", null, List.of("Ban Tuyên giáo Huyện ủy"), List.of(), "trong năm 2024"),
                new PlanActivity("b", "Tổ chức cuộc thi", null, List.of("Hội Cựu chiến binh huyện", "Mặt trận Tổ quốc huyện"), List.of(),
                        "trong năm 2024")));
        String second = issue(List.of(new PlanActivity("a", "Phát thanh", null, List.of("Đài Truyền thanh huyện"), List.of(), "trong năm 2024")));
        await().atMost(Duration.ofSeconds(30)).until(() -> unresolved(first).size() == 3 && unresolved(second).size() == 1);

        List<String> all = texts(api.ok(api.get("/api/unresolved-assignees?issuerCode=" + DISTRICT + "&size=500")));
        List<String> walked = new ArrayList<>();
        for (int page = 0; page * 2 < all.size(); page++) {
            JsonNode onPage = api.ok(api.get("/api/unresolved-assignees?issuerCode=" + DISTRICT + "&size=2&page=" + page));
            assertThat(onPage.get("totalElements").asLong()).isEqualTo(all.size());
            walked.addAll(texts(onPage));
        }

        assertThat(walked).isEqualTo(all);
        assertThat(all).contains(first + " 0 Ban Tuyên giáo Huyện ủy", first + " 1 Hội Cựu chiến binh huyện", first + " 1 Mặt trận Tổ quốc huyện",
                second + " 0 Đài Truyền thanh huyện").doesNotHaveDuplicates();
        assertThat(all.stream().map(line -> line.substring(0, line.indexOf(' ', line.indexOf(' ') + 1))).toList())
                .as("by plan, then activity").isSorted();
    }

    private static List<String> texts(JsonNode page) {
        return page.get("content").valueStream()
                .map(u -> u.get("planId").asString() + " " + u.get("activityIndex").asInt() + " " + u.get("text").asString()).toList();
    }

    private static String issue(List<PlanActivity> activities) {
        String planId = "bu-gia-map-" + UUID.randomUUID();
        KAFKA.publish(EventCatalog.PLAN_ISSUED, planId, new PlanIssued(planId, "41/KH-UBND",
                "Thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn huyện Bù Gia Mập", 2024, DISTRICT, "UBND huyện Bù Gia Mập",
                "70", LocalDate.of(2024, 1, 15), "Trần Văn Mập", null, planId, null, activities, null, null));
        return planId;
    }

    private List<JsonNode> unresolved(String plan) {
        return api.ok(api.get("/api/plans/" + plan + "/unresolved-assignees")).valueStream().toList();
    }

    private Map<String, String> roles(String plan, String unitCode) {
        Map<String, String> roles = new TreeMap<>();
        api.ok(api.get("/api/plans/" + plan + "/tasks?unitCode=" + unitCode)).get("content")
                .forEach(task -> roles.put(task.get("activityLabel").asString(), task.get("role").asString()));
        return roles;
    }

    private Map<String, List<String>> settledSnapshot(String plan) {
        await().atMost(Duration.ofSeconds(60)).until(() -> KAFKA.lag("task-service", Topics.PLAN_EVENTS) == 0
                && KAFKA.lag("task-service", Topics.UNIT_EVENTS) == 0 && relay.pending() == 0);
        Map<String, List<String>> snapshot = new TreeMap<>();
        // The unresolved texts are kept on the plan as taken in, under the plan's id.
        Map<String, String> planField = Map.of("tasks", "planId", "occurrences", "planId", "issued_plans", "_id");
        for (var collection : planField.entrySet()) {
            snapshot.put(collection.getKey(), mongo.find(Query.query(Criteria.where(collection.getValue()).is(plan)), Document.class,
                    collection.getKey()).stream()
                    .map(Document::toJson).sorted().toList());
        }
        assertThat(snapshot.get("issued_plans")).as("the plan's unresolved texts were kept").singleElement().asString().contains("\"open\": [");
        return snapshot;
    }

    private static void unit(String code, String name, String level, String kind, String... ancestors) {
        List<String> path = List.of(ancestors);
        KAFKA.publish(EventCatalog.UNIT_REGISTERED, "70",
                new UnitRecorded(code, name, level, kind, path.isEmpty() ? null : path.get(path.size() - 1), "70", path, null));
    }
}
