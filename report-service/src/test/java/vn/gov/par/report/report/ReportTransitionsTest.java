package vn.gov.par.report.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.par.report.ReportingFixture.indicators;
import static vn.gov.par.report.ReportingFixture.reportId;
import static vn.gov.par.report.ReportingFixture.total;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.plan.PlanCancelled;
import vn.gov.par.report.ReportingFixture;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.RawHttp;
import vn.gov.par.testsupport.RefusalProbe;
import vn.gov.par.testsupport.TestTokens;

/**
 * Every step a report's state does not allow, after every sequence that reaches that state, is a 409 problem that
 * changes nothing: only a draft is submitted, only a submitted report is reviewed, an accepted report is locked, a
 * report under review is not edited, and a cancelled plan's report is owed no more.
 */
@PlatformIntegrationTest
class ReportTransitionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ReportingFixture EVENTS = new ReportingFixture(KafkaTopicProbe.embedded(), 1);
    private static final String CLAUSE = "Định kỳ 6 tháng, năm báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ).";

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    HttpJson api;

    @BeforeEach
    void setUp() {
        api = HttpJson.onPort(port);
        EVENTS.nationalGovernment();
        EVENTS.unit("70", "UBND tỉnh Bình Phước", "PROVINCE", "70", "TW");
        EVENTS.unit("694", "UBND huyện Hớn Quản", "DISTRICT", "70", "TW", "70");
    }

    static Stream<List<String>> refusedSteps() {
        return Stream.of(
                List.of("submit"),
                List.of("accept"),
                List.of("return"),
                List.of("draft", "accept"),
                List.of("draft", "return"),
                List.of("draft", "submit", "submit"),
                List.of("draft", "submit", "draft"),
                List.of("draft", "submit", "accept", "submit"),
                List.of("draft", "submit", "accept", "draft"),
                List.of("draft", "submit", "accept", "accept"),
                List.of("draft", "submit", "accept", "return"),
                List.of("draft", "submit", "return", "accept"),
                List.of("draft", "submit", "return", "return"),
                List.of("cancel-plan", "draft"),
                List.of("draft", "cancel-plan", "submit"));
    }

    @ParameterizedTest(name = "{0}: the last step is refused")
    @MethodSource("refusedSteps")
    void aStepTheStateDoesNotAllowIsAConflictThatChangesNothing(List<String> steps) {
        String plan = "transitions-" + UUID.randomUUID();
        EVENTS.plan(plan, null, plan, "40/KH-UBND", "70", "UBND tỉnh Bình Phước", "70", 2025, CLAUSE);
        EVENTS.oblige(plan, plan, "70", "694", "UBND huyện Hớn Quản", "70", List.of("TW", "70"));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(api, "/api/reports?unitCode=694&planId=" + plan) == 2);
        String report = reportId(api, "694", plan, "HALF_YEAR");
        steps.subList(0, steps.size() - 1).forEach(step -> take(plan, report, step));
        String last = steps.get(steps.size() - 1);
        // Sent by whom the access rules allow, so that what refuses it is the report's state alone.
        RawHttp allowed = RawHttp.onPort(port).as(allowedTo(last));
        RefusalProbe probe = new RefusalProbe(allowed, mongo, List.of(Topics.REPORT_EVENTS), List.of());

        RawHttp.Request request = RawHttp.Request.json(last.equals("draft") ? "PUT" : "POST", "/api/reports/" + report + "/" + last,
                JSON.writeValueAsString(body(last)));
        assertThat(probe.send(steps, request)).as("refused").isEmpty();
        assertThat(allowed.send(request).status()).isEqualTo(409);
    }

    /** An officer of the district drafts and submits its report; a leader of the province it is owed to reviews it. */
    private static String allowedTo(String step) {
        return step.equals("accept") || step.equals("return") ? TestTokens.leaderOf("70") : TestTokens.officerOf("694");
    }

    private void take(String plan, String report, String step) {
        if (step.equals("cancel-plan")) {
            EVENTS.publish(EventCatalog.PLAN_CANCELLED, plan, new PlanCancelled(plan, "70", "70", LocalDate.of(2025, 5, 1), "Thay thế"));
            await().atMost(Duration.ofSeconds(30)).until(() -> api.ok(api.get("/api/reports/" + report)).get("status").asString().equals("CANCELLED"));
        } else if (step.equals("draft")) {
            HttpJson officer = api.as(allowedTo(step));
            officer.ok(officer.put("/api/reports/" + report + "/draft", body(step)));
        } else {
            HttpJson allowed = api.as(allowedTo(step));
            allowed.ok(allowed.post("/api/reports/" + report + "/" + step, body(step)));
        }
    }

    private static Object body(String step) {
        return switch (step) {
            case "draft" -> Map.of("indicators", indicators(4));
            case "return" -> Map.of("by", "Sở Nội vụ", "comment", "Bổ sung số liệu");
            default -> Map.of("by", "Lê Văn Hùng");
        };
    }
}
