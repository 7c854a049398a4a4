package vn.gov.par.plan.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.par.plan.PlanServiceFixtures.content;
import static vn.gov.par.plan.PlanServiceFixtures.createPlan;
import static vn.gov.par.plan.PlanServiceFixtures.draftOf;
import static vn.gov.par.plan.PlanServiceFixtures.hierarchy;
import static vn.gov.par.plan.PlanServiceFixtures.importCsv;
import static vn.gov.par.plan.PlanServiceFixtures.issue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;
import vn.gov.par.plan.PlanServiceFixtures;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.MetricsScrape;
import vn.gov.par.testsupport.MutableClock;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.TestTokens;

/**
 * A province plan cascades through Kafka to its districts and named agency, two districts issue their
 * sub-plans (one on time, one late), and the cascade reaches their communes; then the same in a
 * two-tier province. Everything goes through HTTP, the real broker and the Mongo-compatible store.
 */
@PlatformIntegrationTest
class CascadeEndToEndTest {

    private static final Duration CASCADE_WAIT = Duration.ofSeconds(30);

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ObligationGauges gauges;

    HttpJson api;

    @BeforeEach
    void setUp() {
        api = HttpJson.onPort(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void provincePlanCascadesThroughDistrictsToCommunesInAThreeTierHierarchy() {
        importCsv(api, hierarchy("three-tier.csv"));
        // What other tests left in the store, as it stands on the day this one ends; then what this cascade adds to it.
        MetricsScrape before = scrapeOn(LocalDate.of(2024, 6, 1));
        clock.setDate(LocalDate.of(2024, 3, 19));
        String provincePlan = createPlan(api, "70", content("Thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh Bình Phước",
                2024, LocalDate.of(2024, 4, 30), List.of("70-SNV")));

        JsonNode issued = issue(api, provincePlan, "96/KH-UBND");
        assertThat(issued.get("status").asString()).isEqualTo("ISSUED");

        JsonNode tree = awaitCascade(provincePlan, t -> t.get("total").get("total").asInt() == 4);
        assertThat(unitCodes(tree.get("children"))).containsExactly("691", "694", "697", "70-SNV");
        assertThat(statusOf(tree, "694")).isEqualTo("PENDING");

        JsonNode honQuanDraft = draftOf(api, "694", provincePlan);
        assertThat(honQuanDraft.get("content").get("basis").asString())
                .isEqualTo("Thực hiện Kế hoạch số 96/KH-UBND ngày 19/03/2024 của UBND tỉnh Bình Phước về thông tin, tuyên truyền "
                        + "cải cách hành chính năm 2024 trên địa bàn tỉnh Bình Phước;");
        assertThat(honQuanDraft.get("content").get("title").asString())
                .isEqualTo("Thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn huyện Hớn Quản");
        assertThat(honQuanDraft.get("content").get("activities")).hasSize(2);

        clock.setDate(LocalDate.of(2024, 4, 20));
        reviseWithOwnDeadline(honQuanDraft, LocalDate.of(2024, 5, 31));
        assertThat(statusOf(cascade(provincePlan), "694")).isEqualTo("DRAFTED");
        issue(api, honQuanDraft.get("id").asString(), "35/KH-UBND");

        clock.setDate(LocalDate.of(2024, 5, 10));
        JsonNode locNinhDraft = draftOf(api, "691", provincePlan);
        reviseWithOwnDeadline(locNinhDraft, LocalDate.of(2024, 6, 15));
        issue(api, locNinhDraft.get("id").asString(), "12/KH-UBND");

        tree = awaitCascade(provincePlan, t -> t.get("total").get("total").asInt() == 9);
        assertThat(statusOf(tree, "694")).isEqualTo("ISSUED_ON_TIME");
        assertThat(statusOf(tree, "691")).isEqualTo("ISSUED_LATE");
        assertThat(statusOf(tree, "697")).isEqualTo("OVERDUE");
        assertThat(statusOf(tree, "70-SNV")).isEqualTo("OVERDUE");
        JsonNode honQuan = node(tree.get("children"), "694");
        assertThat(honQuan.get("subPlanNumber").asString()).isEqualTo("35/KH-UBND");
        assertThat(unitCodes(honQuan.get("children"))).containsExactly("25320", "25323", "25326");
        assertThat(unitCodes(node(tree.get("children"), "691").get("children"))).containsExactly("25216", "25219");
        assertThat(node(tree.get("children"), "697").get("children")).isEmpty();
        assertThat(statusOf(tree, "25323")).isEqualTo("PENDING");
        assertThat(level(tree, "DISTRICT")).containsEntry("total", 3).containsEntry("issuedOnTime", 1).containsEntry("issuedLate", 1)
                .containsEntry("overdue", 1);
        assertThat(level(tree, "PROVINCE")).as("the province's own agency").containsEntry("total", 1).containsEntry("overdue", 1);
        assertThat(level(tree, "COMMUNE")).containsEntry("total", 5).containsEntry("pending", 5);

        clock.setDate(LocalDate.of(2024, 6, 1));
        JsonNode later = cascade(provincePlan);
        assertThat(statusOf(later, "25323")).isEqualTo("OVERDUE");
        assertThat(statusOf(later, "25219")).isEqualTo("PENDING");
        assertThat(later.get("total").get("completion").asDouble()).isEqualTo(2.0 / 9);

        JsonNode districtView = cascade(honQuanDraft.get("id").asString());
        assertThat(unitCodes(districtView.get("children"))).containsExactly("25320", "25323", "25326");

        MetricsScrape after = scrapeOn(LocalDate.of(2024, 6, 1));
        assertThat(added(before, after, "par_plans_issued_total", "level", "PROVINCE", "kind", "GOVERNMENT")).isEqualTo(1);
        assertThat(added(before, after, "par_plans_issued_total", "level", "DISTRICT", "kind", "GOVERNMENT")).isEqualTo(2);
        assertThat(added(before, after, "par_obligations", "status", "ISSUED_ON_TIME")).isEqualTo(1);
        assertThat(added(before, after, "par_obligations", "status", "ISSUED_LATE")).isEqualTo(1);
        assertThat(added(before, after, "par_obligations", "status", "OVERDUE")).as("Bù Đốp, Sở Nội vụ, Hớn Quản's communes").isEqualTo(5);
        assertThat(added(before, after, "par_obligations", "status", "PENDING")).as("Lộc Ninh's communes").isEqualTo(2);
        assertThat(added(before, after, "par_overdue", "kind", "subplan", "province", "70")).isEqualTo(5);
        assertThat(added(before, after, "par_cascade_obligation_fulfilment_seconds_count", "level", "DISTRICT")).isEqualTo(2);
        assertThat(added(before, after, "par_cascade_obligation_fulfilment_seconds_sum", "level", "DISTRICT"))
                .as("32 days for Hớn Quản, 52 for Lộc Ninh").isEqualTo(Duration.ofDays(32 + 52).toSeconds());
    }

    @Test
    void provincePlanReachesCommunesDirectlyInATwoTierHierarchy() {
        importCsv(api, hierarchy("two-tier.csv"));
        clock.setDate(LocalDate.of(2025, 8, 1));
        // Only what an official must say: the units below default to every government unit one level down.
        HttpJson province = api.as(TestTokens.officerOf("56"));
        String provincePlan = province.ok(province.post("/api/plans", """
                {"issuerCode": "56", "content": {"title": "Thông tin, tuyên truyền cải cách hành chính năm 2025 trên địa bàn tỉnh Khánh Hòa",
                 "year": 2025, "signer": "Nguyễn Tấn Tuân", "cascade": {"dueDate": "2025-08-31"}}}""")).get("id").asString();
        issue(api, provincePlan, "120/KH-UBND");

        JsonNode tree = awaitCascade(provincePlan, t -> t.get("total").get("total").asInt() == 3);
        assertThat(unitCodes(tree.get("children"))).containsExactly("22333", "22366", "22402");

        JsonNode communeDraft = draftOf(api, "22366", provincePlan);
        assertThat(communeDraft.get("content").get("title").asString()).endsWith("trên địa bàn xã Cam Lâm");
        reviseWithOwnDeadline(communeDraft, null);
        issue(api, communeDraft.get("id").asString(), "45/KH-UBND");

        tree = awaitCascade(provincePlan, t -> "ISSUED_ON_TIME".equals(statusOf(t, "22366")));
        assertThat(node(tree.get("children"), "22366").get("children")).isEmpty();
        assertThat(tree.get("levels")).hasSize(1);
        assertThat(level(tree, "COMMUNE")).containsEntry("total", 3).containsEntry("issuedOnTime", 1).containsEntry("pending", 2);
    }

    private MetricsScrape scrapeOn(LocalDate day) {
        clock.setDate(day);
        gauges.refresh();
        return MetricsScrape.of(api);
    }

    private static double added(MetricsScrape before, MetricsScrape after, String metric, String... labels) {
        return after.value(metric, labels) - before.value(metric, labels);
    }

    private void reviseWithOwnDeadline(JsonNode draft, LocalDate dueDate) {
        Map<String, Object> content = new java.util.LinkedHashMap<>(toMap(draft.get("content")));
        content.put("signer", "Nguyễn Văn Hạ");
        Map<String, Object> cascade = new java.util.LinkedHashMap<>(toMap(draft.get("content").get("cascade")));
        cascade.put("dueDate", dueDate == null ? null : dueDate.toString());
        content.put("cascade", cascade);
        PlanServiceFixtures.revise(api, draft, content);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode node) {
        return tools.jackson.databind.json.JsonMapper.builder().build().convertValue(node, Map.class);
    }

    private JsonNode cascade(String planId) {
        return api.ok(api.get("/api/plans/" + planId + "/cascade"));
    }

    private JsonNode awaitCascade(String planId, java.util.function.Predicate<JsonNode> reached) {
        return await().atMost(CASCADE_WAIT).until(() -> cascade(planId), reached::test);
    }

    static List<String> unitCodes(JsonNode nodes) {
        return StreamSupport.stream(nodes.spliterator(), false).map(n -> n.get("unitCode").asString()).sorted().toList();
    }

    static JsonNode node(JsonNode nodes, String unitCode) {
        for (JsonNode n : nodes) {
            if (n.get("unitCode").asString().equals(unitCode)) {
                return n;
            }
            JsonNode below = node(n.get("children"), unitCode);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    static String statusOf(JsonNode tree, String unitCode) {
        JsonNode n = node(tree.get("children"), unitCode);
        return n == null ? null : n.get("status").asString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> level(JsonNode tree, String level) {
        for (JsonNode l : tree.get("levels")) {
            if (l.get("level").asString().equals(level)) {
                return toMap(l.get("counts"));
            }
        }
        throw new AssertionError("No level " + level + " in " + tree.get("levels"));
    }
}
