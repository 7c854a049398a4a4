package vn.gov.par.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.par.report.ReportingFixture.indicators;
import static vn.gov.par.report.ReportingFixture.reportId;
import static vn.gov.par.report.ReportingFixture.total;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.contracts.Topics;
import vn.gov.par.report.ReportingFixture;
import vn.gov.par.testsupport.BodyMutations;
import vn.gov.par.testsupport.BodyMutations.Mutated;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.RawHttp;
import vn.gov.par.testsupport.RefusalProbe;
import vn.gov.par.testsupport.SpringBackedProperties;
import vn.gov.par.testsupport.StoredWhole;
import vn.gov.par.testsupport.TestTokens;

/**
 * Generated bad requests to every write endpoint of report-service (a report's draft, submission, acceptance and
 * return, a schedule set by hand, the clause preview), from a valid request broken one way at a time: each is refused
 * with a 4xx problem and leaves no trace in the store or on report.events, or, when the break left it valid, is stored
 * whole. Each is sent by the official the access rules allow (the district's officer for its report's draft and
 * submission, the province's leader for the review, its officer for the schedule), so that only the break can refuse it.
 * Seeds are fixed, so a failure reproduces.
 */
@PlatformIntegrationTest
class ReportApiGeneratedRequestsTest extends SpringBackedProperties {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ReportingFixture EVENTS = new ReportingFixture(KafkaTopicProbe.embedded(), 1);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String PLAN = "generated-" + RUN;
    private static final String UNREAD_PLAN = "generated-unread-" + RUN;
    private static final int TRIES = 60;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    private static HttpJson api;
    /** The probe of whoever sent last: a fresh one, having seen the others' writes, whenever the caller changes. */
    private static RefusalProbe probe;
    private static String caller;

    /** Huyện Hớn Quản owes the reports: its officers draft and submit them. */
    private static final String DISTRICT_OFFICER = TestTokens.officerOf("694");
    /** Tỉnh Bình Phước issued the plans and receives the reports: its leaders accept and return them, its officers set schedules. */
    private static final String PROVINCE_LEADER = TestTokens.leaderOf("70");
    private static final String PROVINCE_OFFICER = TestTokens.officerOf("70");

    @Property(tries = TRIES, seed = "6301")
    void saveADraft(@ForAll("drafts") Mutated request) {
        given();
        String report = reportId(api, "694", PLAN, "Q1");
        as(DISTRICT_OFFICER).send(request, request.request().withPath("/api/reports/" + report + "/draft")).ifPresent(saved ->
                StoredWhole.assertStoredAsSent(api.ok(api.get("/api/reports/" + report + "/draft")), JSON.readTree(request.request().bodyText()),
                        request));
    }

    @Provide
    Arbitrary<Mutated> drafts() {
        return BodyMutations.of("PUT", "/api/reports/{id}/draft", JSON.valueToTree(Map.of(
                "activities", List.of(Map.of("activityLabel", "a", "activityContent", "Đăng tin, bài tuyên truyền", "result",
                        "Đăng 05 tin trên Trang thông tin điện tử", "count", 5)),
                "indicators", indicators(5), "difficulties", "Thiếu kinh phí in ấn tài liệu", "proposals", "Đề nghị tỉnh hỗ trợ tờ rơi")));
    }

    @Property(tries = TRIES, seed = "6302")
    void submitAReport(@ForAll("actors") Mutated request) {
        given();
        String report = reportId(api, "694", PLAN, "HALF_YEAR");
        as(DISTRICT_OFFICER).send(request, request.request().withPath("/api/reports/" + report + "/submit")).ifPresent(submitted ->
                assertThat(api.ok(api.get("/api/reports/" + report)).get("status").asString()).isEqualTo("SUBMITTED"));
    }

    @Property(tries = TRIES, seed = "6303")
    void acceptAReport(@ForAll("actors") Mutated request) {
        given();
        String report = reportId(api, "694", PLAN, "NINE_MONTHS");
        as(PROVINCE_LEADER).send(request, request.request().withPath("/api/reports/" + report + "/accept")).ifPresent(accepted ->
                assertThat(api.ok(api.get("/api/reports/" + report)).get("status").asString()).isEqualTo("ACCEPTED"));
    }

    @Provide
    Arbitrary<Mutated> actors() {
        return BodyMutations.of("POST", "/api/reports/{id}/submit", JSON.valueToTree(Map.of("by", "Lê Văn Hùng")));
    }

    @Property(tries = TRIES, seed = "6304")
    void returnAReport(@ForAll("returns") Mutated request) {
        given();
        String report = reportId(api, "694", PLAN, "YEAR");
        as(PROVINCE_LEADER).send(request, request.request().withPath("/api/reports/" + report + "/return")).ifPresent(returned ->
                assertThat(api.ok(api.get("/api/reports/" + report)).get("status").asString()).isEqualTo("RETURNED"));
    }

    @Provide
    Arbitrary<Mutated> returns() {
        return BodyMutations.of("POST", "/api/reports/{id}/return", JSON.valueToTree(Map.of("by", "Sở Nội vụ",
                "comment", "Bổ sung số liệu tuyên truyền trên mạng xã hội")));
    }

    @Property(tries = TRIES, seed = "6305")
    void setAScheduleByHand(@ForAll("schedules") Mutated request) {
        given();
        as(PROVINCE_OFFICER).send(request).ifPresent(set -> {
            // Set once; the same schedule sent again is accepted and changes nothing (not even who set it).
            List<String> sent = JSON.readTree(request.request().bodyText()).get("periodTypes").valueStream().map(JsonNode::asString).distinct().toList();
            List<String> owed = api.ok(api.get("/api/reports?unitCode=694&planId=" + UNREAD_PLAN)).get("content").valueStream()
                    .map(r -> r.get("periodType").asString()).toList();
            assertThat(owed).as(request.toString()).containsExactlyInAnyOrderElementsOf(sent);
        });
    }

    @Provide
    Arbitrary<Mutated> schedules() {
        return BodyMutations.of("PUT", "/api/plans/" + UNREAD_PLAN + "/reporting-schedule", JSON.valueToTree(Map.of(
                "periodTypes", List.of("HALF_YEAR", "YEAR"), "dueDay", 20, "by", "Sở Nội vụ")));
    }

    @Property(tries = TRIES, seed = "6306")
    void previewAClause(@ForAll("clauses") Mutated request) {
        given();
        as(DISTRICT_OFFICER).send(request).ifPresent(preview -> assertThat(preview.json().get("periods").isArray()).isTrue());
    }

    @Provide
    Arbitrary<Mutated> clauses() {
        return BodyMutations.of("POST", "/api/reporting-schedules/parse", JSON.valueToTree(Map.of(
                "text", "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ).", "year", 2025)));
    }

    /**
     * Huyện Hớn Quản owes the province four reports under one plan (the first not started, the second a draft, the others
     * submitted), and two under a plan whose clause nobody can read.
     */
    private void given() {
        if (api != null) {
            return;
        }
        api = HttpJson.onPort(port);
        EVENTS.nationalGovernment();
        EVENTS.unit("70", "UBND tỉnh Bình Phước", "PROVINCE", "70", "TW");
        EVENTS.unit("694", "UBND huyện Hớn Quản", "DISTRICT", "70", "TW", "70");
        EVENTS.plan(PLAN, null, PLAN, "96/KH-UBND", "70", "UBND tỉnh Bình Phước", "70", 2025,
                "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ).");
        EVENTS.oblige(PLAN, PLAN, "70", "694", "UBND huyện Hớn Quản", "70", List.of("TW", "70"));
        EVENTS.plan(UNREAD_PLAN, null, UNREAD_PLAN, "97/KH-UBND", "70", "UBND tỉnh Bình Phước", "70", 2025,
                "Định kỳ tổng hợp báo cáo UBND tỉnh tình hình thực hiện Kế hoạch này.");
        EVENTS.oblige(UNREAD_PLAN, UNREAD_PLAN, "70", "694", "UBND huyện Hớn Quản", "70", List.of("TW", "70"));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(api, "/api/reports?unitCode=694&planId=" + PLAN) == 4
                && api.ok(api.get("/api/reporting-schedules/unrecognised?size=500")).get("content").valueStream()
                        .anyMatch(p -> p.get("planId").asString().equals(UNREAD_PLAN)));
        HttpJson district = api.as(DISTRICT_OFFICER);
        for (String period : List.of("HALF_YEAR", "NINE_MONTHS", "YEAR")) {
            district.ok(district.put("/api/reports/" + reportId(api, "694", PLAN, period) + "/draft", Map.of("indicators", indicators(3))));
        }
        for (String period : List.of("NINE_MONTHS", "YEAR")) {
            district.ok(district.post("/api/reports/" + reportId(api, "694", PLAN, period) + "/submit", Map.of("by", "Lê Văn Hùng")));
        }
    }

    /**
     * The probe sending as this caller: the one allowed to make the write, so that what refuses a request is what is wrong
     * with it. A new caller gets a new probe, which first takes in what the one before it changed.
     */
    private RefusalProbe as(String token) {
        if (!token.equals(caller)) {
            probe = new RefusalProbe(RawHttp.onPort(port).as(token), mongo, List.of(Topics.REPORT_EVENTS), List.of()).countingOutcomes();
            caller = token;
        }
        return probe;
    }
}
