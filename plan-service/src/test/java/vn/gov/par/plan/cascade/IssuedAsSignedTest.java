package vn.gov.par.plan.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.par.plan.PlanServiceFixtures.content;
import static vn.gov.par.plan.PlanServiceFixtures.createPlan;
import static vn.gov.par.plan.PlanServiceFixtures.draftOf;
import static vn.gov.par.plan.PlanServiceFixtures.hierarchy;
import static vn.gov.par.plan.PlanServiceFixtures.importCsv;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.plan.PlanServiceFixtures;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.MutableClock;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.TestTokens;

/**
 * A plan signed on paper is recorded later with the day it was signed, and its cascade deadline as the plan words it;
 * what it implies counts from those. A plan that orders no sub-plans is issued without being asked for a deadline.
 */
@PlatformIntegrationTest
class IssuedAsSignedTest {

    private static final Duration CASCADE_WAIT = Duration.ofSeconds(30);

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    MongoTemplate mongo;

    HttpJson api;

    @BeforeEach
    void setUp() {
        api = HttpJson.onPort(port);
        importCsv(api, hierarchy("three-tier.csv"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPlanSignedInJanuaryAndRecordedInMarchCountsFromJanuary() {
        clock.setDate(LocalDate.of(2025, 3, 3));
        Map<String, Object> content = content("Thông tin, tuyên truyền cải cách hành chính năm 2025 trên địa bàn tỉnh Bình Phước", 2025, null,
                List.of());
        content.put("cascade", Map.of("dueAsWritten", "chậm nhất trong tháng 02/2025"));
        String provincePlan = createPlan(api, "70", content);

        JsonNode tomorrow = issue(provincePlan, "124/KH-UBND", LocalDate.of(2025, 3, 4));
        assertThat(tomorrow.path("status").asInt()).isEqualTo(422);
        assertThat(tomorrow.toString()).contains("Ngày ban hành 04/03/2025 chưa đến");
        assertThat(plan(provincePlan).get("status").asString()).as("nothing changed").isEqualTo("DRAFT");

        JsonNode issued = ok(issue(provincePlan, "124/KH-UBND", LocalDate.of(2025, 1, 24)));
        assertThat(issued.get("issuedOn").asString()).isEqualTo("2025-01-24");
        assertThat(issued.get("content").get("cascade").get("dueAsWritten").asString()).isEqualTo("chậm nhất trong tháng 02/2025");
        assertThat(issued.get("content").get("cascade").get("dueDate").asString()).as("read from the wording").isEqualTo("2025-02-28");

        JsonNode tree = await().atMost(CASCADE_WAIT).until(() -> cascade(provincePlan), t -> t.get("total").get("total").asInt() == 3);
        assertThat(tree.get("children")).allSatisfy(district -> {
            assertThat(district.get("dueDate").asString()).isEqualTo("2025-02-28");
            assertThat(district.get("status").asString()).as("28/02 has passed on 03/03").isEqualTo("OVERDUE");
        });

        JsonNode honQuanDraft = await().atMost(CASCADE_WAIT).until(() -> draftOf(api, "694", provincePlan), draft -> draft != null);
        assertThat(honQuanDraft.get("content").get("basis").asString()).as("two-digit day and month, Nghị định 30/2020/NĐ-CP")
                .startsWith("Thực hiện Kế hoạch số 124/KH-UBND ngày 24/01/2025 của UBND tỉnh Bình Phước về ");

        String honQuanPlan = honQuanDraft.get("id").asString();
        Map<String, Object> ownContent = toMap(honQuanDraft.get("content"));
        ownContent.put("signer", "Nguyễn Văn Hạ");
        ownContent.remove("cascade");
        PlanServiceFixtures.revise(api, honQuanDraft, ownContent);
        JsonNode beforeItsParent = issue(honQuanPlan, "58/KH-UBND", LocalDate.of(2025, 1, 20));
        assertThat(beforeItsParent.toString()).contains("trước ngày ban hành kế hoạch cấp trên (24/01/2025)");

        JsonNode honQuan = ok(issue(honQuanPlan, "58/KH-UBND", LocalDate.of(2025, 2, 20)));
        assertThat(honQuan.get("issuedOn").asString()).isEqualTo("2025-02-20");

        JsonNode afterIt = await().atMost(CASCADE_WAIT).until(() -> cascade(provincePlan), t -> "ISSUED_ON_TIME".equals(statusOf(t, "694")));
        assertThat(statusOf(afterIt, "691")).isEqualTo("OVERDUE");

        JsonNode draftOfOld = draftOf(api, "691", provincePlan);
        PlanServiceFixtures.revise(api, draftOfOld, ownContent);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(draftOfOld.get("id").asString())), new Update().unset("parentIssuedOn"),
                "plans");
        assertThat(issue(draftOfOld.get("id").asString(), "59/KH-UBND", LocalDate.of(2025, 1, 20)).toString())
                .as("a draft prepared before drafts recorded their parent's issue date is held to it all the same")
                .contains("trước ngày ban hành kế hoạch cấp trên (24/01/2025)");
        await().during(Duration.ofSeconds(2)).atMost(CASCADE_WAIT).until(() -> cascade(honQuanPlan).get("total").get("total").asInt() == 0);
    }

    @Test
    void aCascadeDueOnASaturdayIsShownWithTheMondayItRunsTo() {
        clock.setDate(LocalDate.of(2025, 3, 31));
        String plan = createPlan(api, "70", content("Kế hoạch tuyên truyền cải cách hành chính bổ sung năm 2025", 2025, LocalDate.of(2025, 3, 29),
                List.of()));
        ok(issue(plan, "131/KH-UBND", LocalDate.of(2025, 3, 10)));

        JsonNode tree = await().atMost(CASCADE_WAIT).until(() -> cascade(plan), t -> t.get("total").get("total").asInt() == 3);
        assertThat(tree.get("children")).allSatisfy(district -> {
            assertThat(district.get("dueDate").asString()).as("as the plan writes it").isEqualTo("2025-03-29");
            assertThat(district.get("effectiveDueDate").asString()).as("Saturday runs to Monday").isEqualTo("2025-03-31");
            assertThat(district.get("status").asString()).as("not late on the Monday it runs to").isEqualTo("PENDING");
        });
    }

    private JsonNode issue(String planId, String number, LocalDate signedOn) {
        HttpJson leader = api.as(TestTokens.leaderOf(plan(planId).get("issuerCode").asString()));
        return leader.post("/api/plans/" + planId + "/issue", Map.of("number", number, "issuedOn", signedOn.toString())).body();
    }

    private static JsonNode ok(JsonNode plan) {
        assertThat(plan.has("status") && plan.get("status").isTextual()).as(plan.toString()).isTrue();
        return plan;
    }

    private JsonNode plan(String planId) {
        return api.ok(api.get("/api/plans/" + planId));
    }

    private JsonNode cascade(String planId) {
        return api.ok(api.get("/api/plans/" + planId + "/cascade"));
    }

    private static String statusOf(JsonNode tree, String unitCode) {
        for (JsonNode child : tree.get("children")) {
            if (child.get("unitCode").asString().equals(unitCode)) {
                return child.get("status").asString();
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode node) {
        return new LinkedHashMap<>(JsonMapper.builder().build().convertValue(node, Map.class));
    }
}
