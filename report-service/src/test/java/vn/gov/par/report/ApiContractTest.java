package vn.gov.par.report;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.contracts.Topics;
import vn.gov.par.testsupport.GuardedWrite;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.RawHttp;
import vn.gov.par.testsupport.ServiceApiContract;
import vn.gov.par.testsupport.TestTokens;

class ApiContractTest extends ServiceApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final KafkaTopicProbe KAFKA = KafkaTopicProbe.embedded();
    private static final ReportingFixture EVENTS = new ReportingFixture(KAFKA, 1);

    /**
     * Huyện Thủ Thừa, with tỉnh Long An above it, xã Mỹ An below it and huyện Đức Hòa beside it: units and plans of
     * their own, so what the rules' test adds shows in no other test of this context. The district owes the province its
     * reports (it drafts and submits them), receives the commune's (its leader accepts or returns them) and issues plans
     * (its officers set a schedule its clause left unread).
     */
    private static final GuardedWrite.Placement DISTRICT = new GuardedWrite.Placement("800", "80", "80001", "801");
    private static final String YEARLY = "Định kỳ 6 tháng, năm báo cáo kết quả về UBND cấp trên.";
    private static final String UNREADABLE = "Định kỳ tổng hợp báo cáo tình hình thực hiện Kế hoạch này.";

    ApiContractTest() {
        super(List.of(Topics.REPORT_EVENTS), "/api/reports", "/api/reports/{id}/draft", "/api/reports/{id}/accept",
                "/api/rollups/reports", "/api/rollups/reports.docx", "/api/scores/plan-execution", "/api/reporting-schedules/parse",
                "/api/plans/{planId}/reporting-schedule");
    }

    @Override
    protected List<GuardedWrite> guardedWrites() {
        return List.of(
                GuardedWrite.needs("CAN_BO", "PUT", "/api/reports/{id}/draft", DISTRICT, () -> RawHttp.Request.json("PUT",
                        "/api/reports/" + districtReport() + "/draft", JSON.writeValueAsString(draft()))),
                GuardedWrite.needs("CAN_BO", "POST", "/api/reports/{id}/submit", DISTRICT, () -> {
                    String report = districtReport();
                    HttpJson officer = api().as(TestTokens.officerOf("800"));
                    officer.ok(officer.put("/api/reports/" + report + "/draft", draft()));
                    return RawHttp.Request.json("POST", "/api/reports/" + report + "/submit", "{\"by\":\"Nguyễn Văn Thừa\"}");
                }),
                GuardedWrite.needs("LANH_DAO", "POST", "/api/reports/{id}/accept", DISTRICT, () -> RawHttp.Request.json("POST",
                        "/api/reports/" + submittedCommuneReport() + "/accept", "{\"by\":\"Trần Văn Thủ\"}")),
                GuardedWrite.needs("LANH_DAO", "POST", "/api/reports/{id}/return", DISTRICT, () -> RawHttp.Request.json("POST",
                        "/api/reports/" + submittedCommuneReport() + "/return", "{\"by\":\"Trần Văn Thủ\",\"comment\":\"Bổ sung số liệu\"}")),
                GuardedWrite.needs("CAN_BO", "PUT", "/api/plans/{planId}/reporting-schedule", DISTRICT, () -> RawHttp.Request.json("PUT",
                        "/api/plans/" + unreadDistrictPlan() + "/reporting-schedule",
                        "{\"periodTypes\":[\"HALF_YEAR\",\"YEAR\"],\"by\":\"Nguyễn Văn Thừa\"}")),
                GuardedWrite.changesNothing("POST", "/api/reporting-schedules/parse", DISTRICT, () -> RawHttp.Request.json("POST",
                        "/api/reporting-schedules/parse", JSON.writeValueAsString(Map.of("text", YEARLY, "year", 2031)))));
    }

    private HttpJson api() {
        return HttpJson.onPort(port);
    }

    /** The four units, under the national government, known to report-service's directory before anything is asked. */
    private void placeHierarchy() {
        EVENTS.nationalGovernment();
        EVENTS.unit("80", "UBND tỉnh Long An", "PROVINCE", "80", "TW");
        EVENTS.unit("800", "UBND huyện Thủ Thừa", "DISTRICT", "80", "TW", "80");
        EVENTS.unit("80001", "UBND xã Mỹ An", "COMMUNE", "80", "TW", "80", "800");
        EVENTS.unit("801", "UBND huyện Đức Hòa", "DISTRICT", "80", "TW", "80");
        HttpJson province = api().as(TestTokens.leaderOf("80"));
        await().atMost(Duration.ofSeconds(30)).until(() -> province.get("/api/scores/plan-execution?unitCode=80001&year=2031").ok()
                && province.get("/api/scores/plan-execution?unitCode=801&year=2031").ok());
    }

    /** A fresh report the district owes the province, not started. */
    private String districtReport() {
        placeHierarchy();
        String plan = "access-80-" + UUID.randomUUID();
        EVENTS.plan(plan, null, plan, "31/KH-UBND", "80", "UBND tỉnh Long An", "80", 2031, YEARLY);
        EVENTS.oblige(plan, plan, "80", "800", "UBND huyện Thủ Thừa", "80", List.of("TW", "80"));
        return reportOf("800", plan);
    }

    /** A fresh report the commune owes the district, drafted and submitted by the commune's officer: awaiting review. */
    private String submittedCommuneReport() {
        placeHierarchy();
        String plan = "access-800-" + UUID.randomUUID();
        EVENTS.plan(plan, null, plan, "12/KH-UBND", "800", "UBND huyện Thủ Thừa", "80", 2031, YEARLY);
        EVENTS.oblige(plan, plan, "800", "80001", "UBND xã Mỹ An", "80", List.of("TW", "80", "800"));
        String report = reportOf("80001", plan);
        ReportingFixture.submit(api(), report, 3, "Lê Thị Mỹ");
        return report;
    }

    /** A fresh plan of the district whose reporting clause could not be read, the commune obliged under it. */
    private String unreadDistrictPlan() {
        placeHierarchy();
        String plan = "access-unread-" + UUID.randomUUID();
        EVENTS.plan(plan, null, plan, "13/KH-UBND", "800", "UBND huyện Thủ Thừa", "80", 2031, UNREADABLE);
        EVENTS.oblige(plan, plan, "800", "80001", "UBND xã Mỹ An", "80", List.of("TW", "80", "800"));
        HttpJson district = api().as(TestTokens.officerOf("800"));
        // Listed as waiting for a person, and the commune's obligation under it taken in (so that setting it makes reports due).
        await().atMost(Duration.ofSeconds(30)).until(() -> district.ok(district.get("/api/reporting-schedules/unrecognised?size=500"))
                .get("content").valueStream().anyMatch(p -> p.get("planId").asString().equals(plan))
                && KAFKA.lag("report-service", Topics.PLAN_EVENTS) == 0);
        return plan;
    }

    /** The half-year report the unit owes under the plan, once report-service expects it. */
    private String reportOf(String unitCode, String plan) {
        HttpJson api = api();
        await().atMost(Duration.ofSeconds(30)).until(() -> ReportingFixture.total(api, "/api/reports?unitCode=" + unitCode + "&planId=" + plan) == 2);
        return ReportingFixture.reportId(api, unitCode, plan, "HALF_YEAR");
    }

    private static Map<String, Object> draft() {
        return Map.of("indicators", ReportingFixture.indicators(3), "difficulties", "Thiếu cán bộ chuyên trách");
    }
}
