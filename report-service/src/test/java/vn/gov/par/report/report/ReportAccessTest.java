package vn.gov.par.report.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.par.report.ReportingFixture.reportId;
import static vn.gov.par.report.ReportingFixture.total;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.Actor;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.contracts.EventEnvelope;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.report.ReportingFixture;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.TestTokens;

/**
 * What officials notice of the access rules. Tỉnh An Giang and tỉnh Đồng Tháp each ask a district for reports, and
 * each district asks a commune: An Giang's leader reads its commune's reports and none of Đồng Tháp's; xã Bình Mỹ's
 * officer submits its report to huyện Châu Phú but may not accept it for the district; the district's leader does, and
 * the report then says who submitted it and who accepted it, as does the event.
 */
@PlatformIntegrationTest
class ReportAccessTest {

    private static final KafkaTopicProbe KAFKA = KafkaTopicProbe.embedded();
    private static final ReportingFixture EVENTS = new ReportingFixture(KAFKA, 1);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String AN_GIANG_PLAN = "ag-2030-" + RUN;
    private static final String CHAU_PHU_PLAN = "cp-2030-" + RUN;
    private static final String DONG_THAP_PLAN = "dt-2030-" + RUN;
    private static final String TAM_NONG_PLAN = "tn-2030-" + RUN;
    private static final String TAM_NONG_VIA_PLAN = "tn-via-2030-" + RUN;
    private static final String CLAUSE = "Định kỳ 6 tháng, năm báo cáo kết quả về UBND cấp trên.";

    @Value("${local.server.port}")
    int port;

    HttpJson api;

    @BeforeAll
    static void publishTwoProvinces() {
        EVENTS.nationalGovernment();
        EVENTS.unit("89", "UBND tỉnh An Giang", "PROVINCE", "89", "TW");
        EVENTS.unit("886", "UBND huyện Châu Phú", "DISTRICT", "89", "TW", "89");
        EVENTS.unit("30559", "UBND xã Bình Mỹ", "COMMUNE", "89", "TW", "89", "886");
        EVENTS.unit("87", "UBND tỉnh Đồng Tháp", "PROVINCE", "87", "TW");
        EVENTS.unit("871", "UBND huyện Tam Nông", "DISTRICT", "87", "TW", "87");
        EVENTS.unit("29965", "UBND xã Phú Đức", "COMMUNE", "87", "TW", "87", "871");
        cascade("89", "UBND tỉnh An Giang", AN_GIANG_PLAN, "886", "UBND huyện Châu Phú", CHAU_PHU_PLAN, "30559", "UBND xã Bình Mỹ");
        cascade("87", "UBND tỉnh Đồng Tháp", DONG_THAP_PLAN, "871", "UBND huyện Tam Nông", TAM_NONG_PLAN, "29965", "UBND xã Phú Đức");
        // Huyện Tam Nông's second plan has its communes report through its Phòng Nội vụ, an agency beside them.
        EVENTS.publish(EventCatalog.UNIT_REGISTERED, "87", new UnitRecorded("871-PNV", "Phòng Nội vụ huyện Tam Nông", "DISTRICT", "AGENCY",
                "871", "87", List.of("TW", "87", "871"), null));
        EVENTS.plan(TAM_NONG_VIA_PLAN, DONG_THAP_PLAN, DONG_THAP_PLAN, "9/KH-UBND", "871", "UBND huyện Tam Nông", "87", 2030,
                "Định kỳ 6 tháng, năm UBND các xã báo cáo kết quả về UBND huyện (qua Phòng Nội vụ).");
        EVENTS.oblige(TAM_NONG_VIA_PLAN, DONG_THAP_PLAN, "871", "29965", "UBND xã Phú Đức", "87", List.of("TW", "87", "871"));
    }

    private static void cascade(String province, String provinceName, String provincePlan, String district, String districtName,
            String districtPlan, String commune, String communeName) {
        EVENTS.plan(provincePlan, null, provincePlan, "50/KH-UBND", province, provinceName, province, 2030, CLAUSE);
        EVENTS.oblige(provincePlan, provincePlan, province, district, districtName, province, List.of("TW", province));
        EVENTS.plan(districtPlan, provincePlan, provincePlan, "7/KH-UBND", district, districtName, province, 2030, CLAUSE);
        EVENTS.oblige(districtPlan, provincePlan, district, commune, communeName, province, List.of("TW", province, district));
    }

    @BeforeEach
    void setUp() {
        api = HttpJson.onPort(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> total(api, "/api/reports?planId=" + CHAU_PHU_PLAN) == 2
                && total(api, "/api/reports?planId=" + TAM_NONG_PLAN) == 2 && total(api, "/api/reports?planId=" + AN_GIANG_PLAN) == 2
                && total(api, "/api/reports?planId=" + DONG_THAP_PLAN) == 2 && total(api, "/api/reports?planId=" + TAM_NONG_VIA_PLAN) == 2
                && api.as(TestTokens.leaderOf("89")).get("/api/scores/plan-execution?unitCode=30559&year=2030").ok());
    }

    @Test
    void aProvinceLeaderSeesItsCommunesReportsButNotAnotherProvinces() {
        HttpJson anGiang = api.as(TestTokens.leaderOf("89"));

        JsonNode own = anGiang.ok(anGiang.get("/api/reports?underUnit=89&size=500")).get("content");
        assertThat(own).extracting(r -> r.get("unitCode").asString() + ":" + r.get("planId").asString())
                .contains("30559:" + CHAU_PHU_PLAN, "886:" + AN_GIANG_PLAN);
        assertThat(total(anGiang, "/api/reports?planId=" + TAM_NONG_PLAN)).as("Đồng Tháp's commune, listed to An Giang").isZero();
        assertThat(total(anGiang, "/api/reports?underUnit=87")).isZero();
        assertThat(anGiang.ok(anGiang.get("/api/reports?size=500")).get("content").valueStream().map(r -> r.get("provinceCode").asString()))
                .as("whatever the filter, nothing of another province").containsOnly("89");

        String dongThapCommune = reportId(api, "29965", TAM_NONG_PLAN, "HALF_YEAR");
        assertThat(anGiang.get("/api/reports/" + dongThapCommune).status().value()).as("as if it did not exist").isEqualTo(404);
        assertThat(anGiang.get("/api/reports/" + dongThapCommune + "/draft").status().value()).isEqualTo(404);
        assertThat(anGiang.get("/api/rollups/reports?unitCode=87&rootPlanId=" + DONG_THAP_PLAN + "&periodType=HALF_YEAR").status().value())
                .isEqualTo(404);
        assertThat(anGiang.get("/api/scores/plan-execution?unitCode=29965&year=2030").status().value()).isEqualTo(404);
        assertThat(anGiang.ok(anGiang.get("/api/reports/" + reportId(api, "30559", CHAU_PHU_PLAN, "YEAR"))).get("unitName").asString())
                .isEqualTo("UBND xã Bình Mỹ");
        assertThat(anGiang.ok(anGiang.get("/api/rollups/reports?unitCode=89&rootPlanId=" + AN_GIANG_PLAN + "&periodType=YEAR"))
                .get("units")).extracting(u -> u.get("unitCode").asString()).containsExactly("886", "30559");
    }

    @Test
    void aCommuneOfficerCannotAcceptItsReportButTheDistrictLeaderCanAndTheHistoryNamesBoth() {
        String report = reportId(api, "30559", CHAU_PHU_PLAN, "HALF_YEAR");
        HttpJson commune = api.as(TestTokens.official("nguyen-thi-my", "30559", "CAN_BO"));
        commune.ok(commune.put("/api/reports/" + report + "/draft", Map.of("indicators", ReportingFixture.indicators(4))));
        commune.ok(commune.post("/api/reports/" + report + "/submit", Map.of("by", "Nguyễn Thị Mỹ")));

        HttpJson.Response refused = commune.post("/api/reports/" + report + "/accept", Map.of("by", "Nguyễn Thị Mỹ"));
        assertThat(refused.status().value()).isEqualTo(403);
        assertThat(refused.body().get("code").asString()).isEqualTo("not-own-unit");
        assertThat(refused.body().get("detail").asString()).contains("đơn vị 886", "30559");
        assertThat(api.ok(api.get("/api/reports/" + report)).get("status").asString()).isEqualTo("SUBMITTED");

        HttpJson district = api.as(TestTokens.official("tran-van-phu", "886", "LANH_DAO"));
        JsonNode accepted = district.ok(district.post("/api/reports/" + report + "/accept", Map.of("by", "Trần Văn Phú")));

        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        // The province's leader reads who did what.
        HttpJson province = api.as(TestTokens.leaderOf("89"));
        JsonNode history = province.ok(province.get("/api/reports/" + report)).get("history");
        assertThat(history).extracting(h -> h.get("action").asString() + " " + h.get("by").get("name").asString() + " ("
                + h.get("by").get("unitCode").asString() + ")").containsExactly("SUBMITTED nguyen-thi-my (30559)",
                        "ACCEPTED tran-van-phu (886)");
        assertThat(history.get(0).get("at").asString()).isEqualTo(accepted.get("submissions").get(0).get("submittedAt").asString());
        assertThat(history.get(1).get("by").get("subject").asString()).isEqualTo(UUID.nameUUIDFromBytes("tran-van-phu".getBytes()).toString());

        EventEnvelope<?> event = await().atMost(Duration.ofSeconds(30)).until(() -> acceptedEventOf(report), e -> e != null);
        assertThat(event.actor()).isEqualTo(new Actor(UUID.nameUUIDFromBytes("tran-van-phu".getBytes()).toString(), "tran-van-phu", "886"));
        assertThat(event.dataAs(EventCatalog.REPORT_ACCEPTED).acceptedBy()).isEqualTo("Trần Văn Phú");
    }

    /**
     * Xã Phú Đức's reports under the plan that sends them through Phòng Nội vụ are the office's to follow (it is told when
     * they are late): it reads them, and nothing else of the commune's, and may neither write nor accept them.
     */
    @Test
    void theOfficeAPlanSendsReportsThroughReadsThemAndOnlyThem() {
        HttpJson office = api.as(TestTokens.official("pnv-tam-nong", "871-PNV", "LANH_DAO"));
        String through = reportId(api, "29965", TAM_NONG_VIA_PLAN, "HALF_YEAR");
        String direct = reportId(api, "29965", TAM_NONG_PLAN, "HALF_YEAR");

        await().atMost(Duration.ofSeconds(30)).until(() -> office.get("/api/reports/" + through).ok());
        assertThat(office.ok(office.get("/api/reports/" + through)).get("unitName").asString()).isEqualTo("UBND xã Phú Đức");
        assertThat(office.get("/api/reports/" + through + "/draft").ok()).isTrue();
        assertThat(office.ok(office.get("/api/reports?size=500")).get("content")).extracting(r -> r.get("planId").asString())
                .as("only the plan that names it").containsOnly(TAM_NONG_VIA_PLAN).hasSize(2);
        assertThat(office.get("/api/reports/" + direct).status().value()).as("another plan's report of the same commune").isEqualTo(404);

        HttpJson.Response written = office.put("/api/reports/" + through + "/draft", Map.of("indicators", ReportingFixture.indicators(4)));
        assertThat(written.status().value()).isEqualTo(403);
        assertThat(written.body().get("code").asString()).isEqualTo("not-own-unit");
        assertThat(api.ok(api.get("/api/reports/" + through)).get("status").asString()).isEqualTo("EXPECTED");
    }

    private static EventEnvelope<?> acceptedEventOf(String report) {
        EventCodec codec = new EventCodec();
        return KAFKA.readAll(Topics.REPORT_EVENTS).stream().map(r -> codec.decode(r.value()))
                .filter(e -> e.is(EventCatalog.REPORT_ACCEPTED) && e.dataAs(EventCatalog.REPORT_ACCEPTED).report().obligationId().equals(report))
                .findFirst().orElse(null);
    }
}
