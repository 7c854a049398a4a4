package vn.gov.par.plan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.par.plan.PlanServiceFixtures.hierarchy;
import static vn.gov.par.plan.PlanServiceFixtures.importCsv;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.plan.PlanServiceFixtures;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.TestTokens;

/**
 * Before issuing, an issuer sees who each activity would give work to; a plan whose texts name nobody is issued only once
 * the issuer confirms it, and a refused issue changes nothing.
 */
@PlatformIntegrationTest
class AssignmentPreviewTest {

    @Value("${local.server.port}")
    int port;

    HttpJson api;

    @BeforeEach
    void setUp() {
        api = HttpJson.onPort(port);
        importCsv(api, hierarchy("three-tier.csv"));
    }

    @Test
    void aDistrictSeesWhoGetsWhatAndIssuesWhatNamesNobodyOnlyOnceItConfirms() {
        String plan = draft("694", List.of(
                activity("1", "Đăng tin, bài tuyên truyền", "Phòng Văn hóa - Thông tin huyện và UBND các xã, thị trấn", "Sở Nội vụ"),
                activity("2", "Biên tập bản tin", "Phòng Nội vụ", "Phòng Nội vụ, các cơ quan, đơn vị liên quan")));

        JsonNode preview = api.as(TestTokens.officerOf("694")).ok(api.as(TestTokens.officerOf("694")).get("/api/plans/" + plan + "/assignments"));

        JsonNode first = preview.get("activities").get(0);
        assertThat(first.get("leads")).extracting(u -> u.get("code").asString()).containsExactlyInAnyOrder("694-PVHTT", "25320", "25323", "25326");
        assertThat(first.get("cooperating")).isEmpty();
        assertThat(first.get("unresolved")).singleElement().satisfies(text -> {
            assertThat(text.get("role").asString()).isEqualTo("COOPERATING");
            assertThat(text.get("text").asString()).isEqualTo("Sở Nội vụ");
            assertThat(text.get("unmatched")).extracting(JsonNode::asString).containsExactly("so noi vu");
        });
        JsonNode second = preview.get("activities").get(1);
        assertThat(second.get("leads")).extracting(u -> u.get("name").asString()).containsExactly("Phòng Nội vụ huyện Hớn Quản");
        assertThat(second.get("cooperating")).as("a unit named to lead and to cooperate leads").isEmpty();
        assertThat(second.get("unresolved")).as("'các cơ quan, đơn vị liên quan' names nobody in particular, by design").isEmpty();

        HttpJson leader = api.as(TestTokens.leaderOf("694"));
        HttpJson.Response refused = leader.post("/api/plans/" + plan + "/issue", Map.of("number", "77/KH-UBND"));
        assertThat(refused.status().value()).isEqualTo(422);
        assertThat(refused.body().get("code").asString()).isEqualTo("unassigned-activities");
        assertThat(refused.body().get("errors")).extracting(JsonNode::asString)
                .containsExactly("Hoạt động 1, cơ quan phối hợp \"Sở Nội vụ\": có phần không khớp đơn vị nào trong danh mục.");
        assertThat(api.ok(api.get("/api/plans/" + plan)).get("status").asString()).as("nothing changed").isEqualTo("DRAFT");

        JsonNode issued = leader.ok(leader.post("/api/plans/" + plan + "/issue", Map.of("number", "77/KH-UBND", "confirmUnassigned", true)));
        assertThat(issued.get("status").asString()).as("the number was not taken by the refusal").isEqualTo("ISSUED");
    }

    @Test
    void aPlanWhoseActivitiesGiveNobodyWorkSaysSo() {
        String plan = draft("25426", List.of(activity("a", "Tuyên truyền trên loa truyền thanh", "Công chức Văn hóa - Xã hội", "")));

        HttpJson.Response refused = api.as(TestTokens.leaderOf("25426")).post("/api/plans/" + plan + "/issue", Map.of("number", "3/KH-UBND"));

        assertThat(refused.body().get("errors")).extracting(JsonNode::asString).containsExactly(
                "Không hoạt động nào của kế hoạch giao được việc cho đơn vị nào trong danh mục.",
                "Hoạt động a, cơ quan chủ trì \"Công chức Văn hóa - Xã hội\": có phần không khớp đơn vị nào trong danh mục.");
    }

    @Test
    void theDraftPreparedForADistrictNamesTheDistrictsOwnBodiesAndIsIssuedUnchanged() {
        String provincePlan = draft("70", List.of(activity("1", "Biên tập, in ấn phát hành Bản tin cải cách hành chính", "Sở Nội vụ",
                "Sở Thông tin và Truyền thông; UBND các huyện, thị xã, thành phố")));
        HttpJson province = api.as(TestTokens.leaderOf("70"));
        Map<String, Object> content = new LinkedHashMap<>(toMap(province.ok(province.get("/api/plans/" + provincePlan)).get("content")));
        content.put("cascade", Map.of("dueDate", "2031-03-31"));
        PlanServiceFixtures.revise(api, province.ok(province.get("/api/plans/" + provincePlan)), content);
        province.ok(province.post("/api/plans/" + provincePlan + "/issue", Map.of("number", "31/KH-UBND")));

        JsonNode draft = await().atMost(Duration.ofSeconds(30)).until(() -> PlanServiceFixtures.draftOf(api, "694", provincePlan), d -> d != null);
        JsonNode activity = draft.get("content").get("activities").get(0);
        assertThat(activity.get("leadUnits")).extracting(JsonNode::asString).containsExactly("Phòng Nội vụ huyện");
        assertThat(activity.get("cooperatingUnits")).extracting(JsonNode::asString)
                .containsExactly("Phòng Văn hóa - Thông tin huyện; UBND các xã, thị trấn");

        JsonNode preview = api.ok(api.get("/api/plans/" + draft.get("id").asString() + "/assignments")).get("activities").get(0);
        assertThat(preview.get("leads")).extracting(u -> u.get("code").asString()).containsExactly("694-PNV");
        assertThat(preview.get("cooperating")).extracting(u -> u.get("code").asString())
                .containsExactlyInAnyOrder("694-PVHTT", "25320", "25323", "25326");
        assertThat(preview.get("unresolved")).isEmpty();

        Map<String, Object> own = toMap(draft.get("content"));
        own.put("signer", "Nguyễn Văn Hạ");
        own.remove("cascade");
        PlanServiceFixtures.revise(api, draft, own);
        HttpJson district = api.as(TestTokens.leaderOf("694"));
        assertThat(district.ok(district.post("/api/plans/" + draft.get("id").asString() + "/issue", Map.of("number", "32/KH-UBND")))
                .get("status").asString()).as("issued unchanged, nothing to confirm").isEqualTo("ISSUED");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode node) {
        return new LinkedHashMap<>(JsonMapper.builder().build().convertValue(node, Map.class));
    }

    private String draft(String issuerCode, List<Map<String, Object>> activities) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", "Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2031");
        content.put("year", 2031);
        content.put("signer", "Nguyễn Văn Hạ");
        content.put("activities", activities);
        HttpJson officer = api.as(TestTokens.officerOf(issuerCode));
        return officer.ok(officer.post("/api/plans", Map.of("issuerCode", issuerCode, "content", content))).get("id").asString();
    }

    private static Map<String, Object> activity(String label, String content, String lead, String cooperating) {
        return Map.of("label", label, "content", content, "leadUnits", List.of(lead), "cooperatingUnits",
                cooperating.isEmpty() ? List.of() : List.of(cooperating), "timeframe", "trong năm 2031");
    }
}
