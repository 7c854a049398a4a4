package vn.gov.par.plan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.par.plan.PlanServiceFixtures.content;
import static vn.gov.par.plan.PlanServiceFixtures.createPlan;
import static vn.gov.par.plan.PlanServiceFixtures.draftOf;
import static vn.gov.par.plan.PlanServiceFixtures.importCsv;
import static vn.gov.par.plan.PlanServiceFixtures.issue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.contracts.EventEnvelope;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.report.ReportPeriodsScheduled;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.TestTokens;

/**
 * What each official sees of plans and units: its own unit and those below, and the plans its ancestors issued (the
 * ones it implements), nothing of a neighbour's; and who did what to a plan, on the plan and on its events.
 */
@PlatformIntegrationTest
class PlanVisibilityTest {

    /** A province of its own, so what other tests of this context add shows nowhere here. */
    private static final String HIERARCHY = """
            code,name,level,kind,parentCode
            TW,Chính phủ,CENTRAL,GOVERNMENT,
            81,UBND tỉnh Tây Ninh,PROVINCE,GOVERNMENT,TW
            81-SNV,Sở Nội vụ tỉnh Tây Ninh,PROVINCE,AGENCY,81
            810,UBND huyện Tân Biên,DISTRICT,GOVERNMENT,81
            81001,UBND xã Tân Lập,COMMUNE,GOVERNMENT,810
            811,UBND huyện Châu Thành,DISTRICT,GOVERNMENT,81
            82,UBND tỉnh Đồng Tháp,PROVINCE,GOVERNMENT,TW
            """;

    @Value("${local.server.port}")
    int port;

    HttpJson api;

    @BeforeEach
    void setUp() {
        api = HttpJson.onPort(port);
        importCsv(api, HIERARCHY);
    }

    @Test
    void aDistrictSeesItsOwnPlansAndWhatItsProvinceIssuedButNothingOfItsNeighbours() {
        String provincePlan = createPlan(api, "81", content("Kế hoạch thử phạm vi xem năm 2032", 2032, LocalDate.of(2032, 3, 31), List.of()));
        issue(api, provincePlan, "5/KH-UBND");
        String provinceDraft = createPlan(api, "81", content("Dự thảo của tỉnh chưa ban hành năm 2032", 2032, null, List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> draftOf(api, "810", provincePlan) != null && draftOf(api, "811", provincePlan) != null);
        String ownDraft = draftOf(api, "810", provincePlan).get("id").asString();
        String neighbourDraft = draftOf(api, "811", provincePlan).get("id").asString();

        HttpJson district = api.as(TestTokens.officerOf("810"));
        assertThat(ids(district.ok(district.get("/api/plans?year=2032&size=200"))))
                .contains(provincePlan, ownDraft).doesNotContain(neighbourDraft, provinceDraft);
        assertThat(ids(district.ok(district.get("/api/plans?issuerCode=81&year=2032&size=200")))).as("its province's, issued only")
                .containsExactly(provincePlan);
        assertThat(ids(district.ok(district.get("/api/plans?issuerCode=810&year=2032&size=200")))).as("its own, drafts too")
                .containsExactly(ownDraft);
        assertThat(ids(district.ok(district.get("/api/plans?issuerCode=811&year=2032&size=200")))).as("a neighbour's").isEmpty();
        HttpJson province = api.as(TestTokens.leaderOf("81"));
        assertThat(ids(province.ok(province.get("/api/plans?issuerCode=81&year=2032&size=200")))).containsExactlyInAnyOrder(provincePlan, provinceDraft);
        assertThat(ids(province.ok(province.get("/api/plans?issuerCode=811&year=2032&size=200")))).as("a district's below it, drafts too")
                .containsExactly(neighbourDraft);
        assertThat(district.get("/api/plans/" + provincePlan).status().value()).as("the plan it implements").isEqualTo(200);
        assertThat(district.get("/api/plans/" + neighbourDraft).status().value()).as("a neighbour's draft").isEqualTo(404);
        assertThat(district.get("/api/plans/" + provinceDraft).status().value()).as("its province's unissued draft").isEqualTo(404);
        assertThat(district.get("/api/plans/" + neighbourDraft).body().get("detail").asString())
                .as("answered as a plan that does not exist").isEqualTo(api.get("/api/plans/khong-co").body().get("detail").asString()
                        .replace("khong-co", neighbourDraft));
        JsonNode cascade = district.ok(district.get("/api/plans/" + provincePlan + "/cascade"));
        assertThat(cascade.get("children")).extracting(node -> node.get("unitCode").asString()).containsExactly("810");

        HttpJson otherProvince = api.as(TestTokens.leaderOf("82"));
        assertThat(otherProvince.get("/api/plans/" + provincePlan).status().value()).isEqualTo(404);
        assertThat(ids(otherProvince.ok(otherProvince.get("/api/plans?year=2032&size=200")))).doesNotContain(provincePlan, ownDraft);
    }

    /**
     * The province's plan sends its reports "qua Sở Nội vụ", so Sở Nội vụ is told when a district is late with its sub-plan:
     * it reads the districts' sub-plans of that plan and their place in its cascade, and nothing of the province's other plans.
     */
    @Test
    void theOfficeAPlanReportsThroughReadsItsSubPlans() {
        String through = createPlan(api, "81", content("Kế hoạch thử cơ quan đầu mối năm 2034", 2034, LocalDate.of(2034, 3, 31), List.of()));
        issue(api, through, "7/KH-UBND");
        String other = createPlan(api, "81", content("Kế hoạch khác của tỉnh năm 2034", 2034, LocalDate.of(2034, 3, 31), List.of()));
        issue(api, other, "8/KH-UBND");
        await().atMost(Duration.ofSeconds(30)).until(() -> draftOf(api, "811", through) != null && draftOf(api, "811", other) != null);
        KafkaTopicProbe.embedded().publish(EventCatalog.REPORT_PERIODS_SCHEDULED, through, new ReportPeriodsScheduled(through, through,
                "7/KH-UBND", "81", "81", 2034, "Định kỳ 6 tháng, năm báo cáo UBND tỉnh (qua Sở Nội vụ).", false, List.of(), "Sở Nội vụ"));
        String followedDraft = draftOf(api, "811", through).get("id").asString();
        String otherDraft = draftOf(api, "811", other).get("id").asString();
        HttpJson office = api.as(TestTokens.leaderOf("81-SNV"));

        await().atMost(Duration.ofSeconds(30)).until(() -> office.get("/api/plans/" + followedDraft).ok());
        assertThat(office.ok(office.get("/api/plans/" + through + "/cascade")).get("children")).extracting(node -> node.get("unitCode").asString())
                .containsExactlyInAnyOrder("810", "811");
        assertThat(ids(office.ok(office.get("/api/plans?year=2034&size=200")))).contains(through, other, followedDraft).doesNotContain(otherDraft);
        assertThat(office.get("/api/plans/" + otherDraft).status().value()).as("a district's sub-plan of another plan").isEqualTo(404);
        assertThat(office.ok(office.get("/api/plans/" + other + "/cascade")).get("children")).isEmpty();
        assertThat(office.put("/api/plans/" + followedDraft + "/content", content("Sửa hộ huyện", 2034, null, List.of())).status().value())
                .as("it reads the district's draft, which stays the district's to write").isEqualTo(403);
    }

    @Test
    void theUnitsDirectoryShowsTheUnitsOwnBranchOnly() {
        HttpJson district = api.as(TestTokens.officerOf("810"));

        assertThat(codes(district.ok(district.get("/api/units?size=500")).get("content"))).containsExactlyInAnyOrder("TW", "81", "810", "81001");
        assertThat(codes(district.ok(district.get("/api/units/81/children")))).containsExactly("810");
        assertThat(district.get("/api/units/811").status().value()).isEqualTo(404);
        assertThat(district.get("/api/units/82/subtree").status().value()).isEqualTo(404);
    }

    @Test
    void aPlansHistoryAndItsEventsSayWhoActed() {
        HttpJson province = api.as(TestTokens.official("tinh.lanhdao", "81", "LANH_DAO"));
        String plan = province.ok(province.post("/api/plans", Map.of("issuerCode", "81", "content",
                content("Kế hoạch thử lịch sử năm 2033", 2033, LocalDate.of(2033, 3, 31), List.of())))).get("id").asString();
        province.ok(province.post("/api/plans/" + plan + "/issue", Map.of("number", "6/KH-UBND", "confirmUnassigned", true)));

        JsonNode history = province.ok(province.get("/api/plans/" + plan)).get("history");
        assertThat(history).extracting(entry -> entry.get("action").asString()).containsExactly("CREATED", "ISSUED");
        assertThat(history).allSatisfy(entry -> {
            assertThat(entry.at("/by/name").asString()).isEqualTo("tinh.lanhdao");
            assertThat(entry.at("/by/unitCode").asString()).isEqualTo("81");
            assertThat(entry.get("at").asString()).isNotBlank();
        });
        EventEnvelope<?> issued = await().atMost(Duration.ofSeconds(30)).until(() -> issuedEvent(plan), event -> event != null);
        assertThat(issued.actor().name()).isEqualTo("tinh.lanhdao");
        assertThat(issued.actor().unitCode()).isEqualTo("81");
        assertThat(issued.actor().subject()).isEqualTo(history.get(1).at("/by/subject").asString());
    }

    private static EventEnvelope<?> issuedEvent(String planId) {
        EventCodec codec = new EventCodec();
        return KafkaTopicProbe.embedded().readAll(Topics.PLAN_EVENTS).stream()
                .map(record -> codec.decode(record.value()))
                .filter(event -> event.is(EventCatalog.PLAN_ISSUED) && ("plans/" + planId).equals(event.subject()))
                .findFirst().orElse(null);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(plan -> ids.add(plan.get("id").asString()));
        return ids;
    }

    private static List<String> codes(JsonNode units) {
        List<String> codes = new ArrayList<>();
        units.forEach(unit -> codes.add(unit.get("code").asString()));
        return codes;
    }
}
