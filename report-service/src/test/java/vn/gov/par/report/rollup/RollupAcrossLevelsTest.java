package vn.gov.par.report.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.par.report.ReportingFixture.reportId;
import static vn.gov.par.report.ReportingFixture.returnForCorrection;
import static vn.gov.par.report.ReportingFixture.rollup;
import static vn.gov.par.report.ReportingFixture.submit;
import static vn.gov.par.report.ReportingFixture.total;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;
import vn.gov.par.report.ReportingFixture;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.MutableClock;
import vn.gov.par.testsupport.PlatformIntegrationTest;

/**
 * Each level reads its own plan's clause into its own periods. Three tiers: tỉnh Bạc Liêu asks quarterly, 6-,
 * 9-month and annual reports of its districts; huyện Hòa Bình asks its communes quarterly, huyện Phước Long
 * every 6 months and yearly. Two tiers (after 1 July 2025): tỉnh Cà Mau asks its communes directly.
 */
@PlatformIntegrationTest
class RollupAcrossLevelsTest {

    private static final KafkaTopicProbe KAFKA = KafkaTopicProbe.embedded();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String PROVINCE_PLAN = "bl-2025-" + RUN;
    private static final String HOA_BINH_PLAN = "hb-2025-" + RUN;
    private static final String PHUOC_LONG_PLAN = "pl-2025-" + RUN;
    private static final String TWO_TIER_PLAN = "cm-2025-" + RUN;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    HttpJson api;

    @BeforeAll
    static void publishTheCascades() {
        ReportingFixture events = new ReportingFixture(KAFKA, 1);
        events.nationalGovernment();
        events.unit("95", "UBND tỉnh Bạc Liêu", "PROVINCE", "95", "TW");
        events.unit("954", "UBND huyện Hòa Bình", "DISTRICT", "95", "TW", "95");
        events.unit("956", "UBND huyện Phước Long", "DISTRICT", "95", "TW", "95");
        events.unit("31825", "UBND xã Vĩnh Mỹ A", "COMMUNE", "95", "TW", "95", "954");
        events.unit("31826", "UBND xã Vĩnh Hậu", "COMMUNE", "95", "TW", "95", "954");
        events.unit("31840", "UBND xã Phước Long", "COMMUNE", "95", "TW", "95", "956");
        events.plan(PROVINCE_PLAN, null, PROVINCE_PLAN, "80/KH-UBND", "95", "UBND tỉnh Bạc Liêu", "95", 2025,
                "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ).");
        events.oblige(PROVINCE_PLAN, PROVINCE_PLAN, "95", "954", "UBND huyện Hòa Bình", "95", List.of("TW", "95"));
        events.oblige(PROVINCE_PLAN, PROVINCE_PLAN, "95", "956", "UBND huyện Phước Long", "95", List.of("TW", "95"));
        events.plan(HOA_BINH_PLAN, PROVINCE_PLAN, PROVINCE_PLAN, "21/KH-UBND", "954", "UBND huyện Hòa Bình", "95", 2025,
                "Định kỳ hàng quý báo cáo kết quả về UBND huyện (qua Phòng Nội vụ).");
        events.oblige(HOA_BINH_PLAN, PROVINCE_PLAN, "954", "31825", "UBND xã Vĩnh Mỹ A", "95", List.of("TW", "95", "954"));
        events.oblige(HOA_BINH_PLAN, PROVINCE_PLAN, "954", "31826", "UBND xã Vĩnh Hậu", "95", List.of("TW", "95", "954"));
        events.plan(PHUOC_LONG_PLAN, PROVINCE_PLAN, PROVINCE_PLAN, "15/KH-UBND", "956", "UBND huyện Phước Long", "95", 2025,
                "Định kỳ 6 tháng, năm, báo cáo kết quả gửi về UBND huyện (qua Phòng Nội vụ).");
        events.oblige(PHUOC_LONG_PLAN, PROVINCE_PLAN, "956", "31840", "UBND xã Phước Long", "95", List.of("TW", "95", "956"));

        events.unit("96", "UBND tỉnh Cà Mau", "PROVINCE", "96", "TW");
        events.unit("32002", "UBND xã Tân Thành", "COMMUNE", "96", "TW", "96");
        events.unit("32005", "UBND xã An Xuyên", "COMMUNE", "96", "TW", "96");
        events.plan(TWO_TIER_PLAN, null, TWO_TIER_PLAN, "120/KH-UBND", "96", "UBND tỉnh Cà Mau", "96", 2025,
                "Định kỳ 6 tháng, năm báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ).");
        events.oblige(TWO_TIER_PLAN, TWO_TIER_PLAN, "96", "32002", "UBND xã Tân Thành", "96", List.of("TW", "96"));
        events.oblige(TWO_TIER_PLAN, TWO_TIER_PLAN, "96", "32005", "UBND xã An Xuyên", "96", List.of("TW", "96"));
    }

    @BeforeEach
    void setUp() {
        api = HttpJson.onPort(port);
        // Districts: 4 each; Hòa Bình's communes: 4 each; Phước Long's: 2; Cà Mau's communes: 2 each.
        await().atMost(Duration.ofSeconds(30)).until(() -> total(api, "/api/reports?underUnit=95&size=1") == 18
                && total(api, "/api/reports?underUnit=96&size=1") == 4);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theProvincesSixMonthRollupTakesInTheCommunesSecondQuarterAndHalfYearReportsThreeLevelsDown() {
        clock.setDate(LocalDate.of(2025, 6, 18));
        submit(api, reportId(api, "954", PROVINCE_PLAN, "HALF_YEAR"), 10, "Lê Văn Hòa");
        submit(api, reportId(api, "31825", HOA_BINH_PLAN, "Q2"), 3, "Trần Thị Mỹ");
        submit(api, reportId(api, "956", PROVINCE_PLAN, "HALF_YEAR"), 7, "Ngô Văn Long");
        submit(api, reportId(api, "31840", PHUOC_LONG_PLAN, "HALF_YEAR"), 2, "Đỗ Văn Phước");

        JsonNode province = rollup(api, "95", PROVINCE_PLAN, "HALF_YEAR");

        assertThat(province.get("units")).extracting(u -> u.get("unitCode").asString() + ":" + u.get("periodType").asString() + ":"
                + u.get("depth").asInt() + ":" + u.get("submission").asString())
                .containsExactly("954:HALF_YEAR:1:ON_TIME", "31825:Q2:2:ON_TIME", "31826:Q2:2:MISSING", "956:HALF_YEAR:1:ON_TIME",
                        "31840:HALF_YEAR:2:ON_TIME");
        assertThat(province.get("periodName").asString()).isEqualTo("6 tháng đầu năm 2025");
        assertThat(province.get("owedToUnit").get("expected").asInt()).as("the two districts' reports, sent to the province").isEqualTo(2);
        assertThat(province.get("owedToUnit").get("completeness").asDouble()).isEqualTo(1.0);
        assertThat(province.get("own").get("expected").asInt()).isZero();
        assertThat(province.get("own").path("completeness").isNumber()).as("no rate of nothing").isFalse();
        assertThat(province.get("subtree").get("expected").asInt()).as("with the communes' reports to their districts").isEqualTo(5);
        assertThat(province.get("subtree").get("missing").asInt()).isEqualTo(1);
        assertThat(province.get("subtree").get("completeness").asDouble()).isEqualTo(0.8);
        assertThat(province.get("ownIndicators").get("newsArticles").asInt()).isZero();
        assertThat(province.get("belowIndicators").get("newsArticles").asInt()).isEqualTo(22);
        assertThat(province.get("totals").get("newsArticles").asInt()).isEqualTo(22);

        JsonNode district = rollup(api, "954", PROVINCE_PLAN, "HALF_YEAR");
        assertThat(district.get("units")).extracting(u -> u.get("unitCode").asString() + ":" + u.get("depth").asInt())
                .containsExactly("954:0", "31825:1", "31826:1");
        assertThat(district.get("ownIndicators").get("newsArticles").asInt()).isEqualTo(10);
        assertThat(district.get("belowIndicators").get("newsArticles").asInt()).isEqualTo(3);
        assertThat(district.get("totals").get("newsArticles").asInt()).isEqualTo(13);
    }

    @Test
    void nineMonthsMeetTheThirdQuarterAndTheYearTheFourth() {
        assertThat(rollup(api, "95", PROVINCE_PLAN, "NINE_MONTHS").get("units")).extracting(u -> u.get("periodType").asString())
                .containsExactly("NINE_MONTHS", "Q3", "Q3", "NINE_MONTHS");
        assertThat(rollup(api, "95", PROVINCE_PLAN, "YEAR").get("units")).extracting(u -> u.get("periodType").asString())
                .containsExactly("YEAR", "Q4", "Q4", "YEAR", "YEAR");
    }

    @Test
    void aReturnedReportIsNotCountedUntilResubmittedAndThenItsTimelinessIsTheResubmissions() {
        String report = reportId(api, "31826", HOA_BINH_PLAN, "Q3");
        clock.setDate(LocalDate.of(2025, 9, 15));
        submit(api, report, 40, "Phan Văn Hậu");
        returnForCorrection(api, report);

        JsonNode returned = rollup(api, "954", PROVINCE_PLAN, "NINE_MONTHS");
        assertThat(line(returned, "31826").get("submission").asString()).isEqualTo("RETURNED");
        assertThat(returned.get("owedToUnit").get("returned").asInt()).isEqualTo(1);
        assertThat(returned.get("owedToUnit").get("onTime").asInt()).isZero();
        assertThat(returned.get("belowIndicators").get("newsArticles").asInt()).isZero();

        clock.setDate(LocalDate.of(2025, 9, 25));
        submit(api, report, 42, "Phan Văn Hậu");
        JsonNode resubmitted = rollup(api, "954", PROVINCE_PLAN, "NINE_MONTHS");
        assertThat(line(resubmitted, "31826").get("submission").asString()).isEqualTo("LATE");
        assertThat(resubmitted.get("owedToUnit").get("returned").asInt()).isZero();
        assertThat(resubmitted.get("belowIndicators").get("newsArticles").asInt()).isEqualTo(42);
    }

    @Test
    void aTwoTierProvinceRollsUpItsCommunesDirectly() {
        clock.setDate(LocalDate.of(2025, 12, 10));
        submit(api, reportId(api, "32005", TWO_TIER_PLAN, "YEAR"), 12, "Võ Thị Xuyên");

        JsonNode province = rollup(api, "96", TWO_TIER_PLAN, "YEAR");

        assertThat(province.get("units")).extracting(u -> u.get("unitCode").asString() + ":" + u.get("depth").asInt() + ":"
                + u.get("submission").asString()).containsExactly("32002:1:MISSING", "32005:1:ON_TIME");
        assertThat(province.get("belowIndicators").get("newsArticles").asInt()).isEqualTo(12);
        assertThat(province.get("owedToUnit").get("completeness").asDouble()).as("a two-tier province's communes report to it")
                .isEqualTo(0.5);
    }

    @Test
    void aSupervisingUnitListsEveryExpectedReportOfItsWholeSubtreePageByPage() {
        JsonNode firstPage = api.ok(api.get("/api/reports?underUnit=95&planId=" + HOA_BINH_PLAN + "&size=5"));
        JsonNode lastPage = api.ok(api.get("/api/reports?underUnit=95&planId=" + HOA_BINH_PLAN + "&size=5&page=1"));

        assertThat(firstPage.get("totalElements").asInt()).as("two communes, four quarters each").isEqualTo(8);
        assertThat(firstPage.get("content")).hasSize(5);
        assertThat(lastPage.get("content")).hasSize(3);
        assertThat(total(api, "/api/reports?underUnit=954&planId=" + PROVINCE_PLAN)).as("a unit's own reports are not below it").isZero();
        assertThat(total(api, "/api/reports?underUnit=956&planId=" + PHUOC_LONG_PLAN)).isEqualTo(2);
    }

    private static JsonNode line(JsonNode rollup, String unitCode) {
        return rollup.get("units").valueStream().filter(u -> u.get("unitCode").asString().equals(unitCode)).findFirst().orElseThrow();
    }
}
