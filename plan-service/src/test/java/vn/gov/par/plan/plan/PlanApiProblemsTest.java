package vn.gov.par.plan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.par.plan.PlanServiceFixtures.content;
import static vn.gov.par.plan.PlanServiceFixtures.createPlan;
import static vn.gov.par.plan.PlanServiceFixtures.hierarchy;
import static vn.gov.par.plan.PlanServiceFixtures.importCsv;
import static vn.gov.par.plan.PlanServiceFixtures.issue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.TestTokens;
import vn.gov.par.testsupport.PlatformIntegrationTest;

/** Bad requests to the plan API get an RFC 7807 problem an official can read, and leave the plan as it was. */
@PlatformIntegrationTest
class PlanApiProblemsTest {

    @Value("${local.server.port}")
    int port;

    HttpJson api;

    @BeforeEach
    void setUp() {
        HttpJson administrator = HttpJson.onPort(port);
        importCsv(administrator, hierarchy("three-tier.csv"));
        api = administrator.as(TestTokens.leaderOf("70"));
    }

    @Test
    void malformedOrIncompleteRequestsAreRefusedAsProblems() {
        assertProblem(api.post("/api/plans", Map.of("content", content("Kế hoạch", 2027, null, List.of()))), 400, "validation-failed");
        assertProblem(api.post("/api/plans", "{\"issuerCode\": \"70\", \"content\": {\"title\": \"X\", \"year\": \"năm sau\"}}"), 400,
                "unreadable-body");
        assertProblem(api.post("/api/plans", "{\"issuerCode\": \"70\", "), 400, "unreadable-body");
        assertProblem(api.post("/api/plans", Map.of("issuerCode", "KHONG-CO", "content", content("Kế hoạch", 2027, null, List.of()))), 404,
                "not-found");
        assertProblem(api.post("/api/plans", Map.of("issuerCode", "70", "content", content(" ", 1999, null, List.of()))), 422,
                "invalid-plan");
        assertProblem(api.get("/api/plans/khong-co"), 404, "not-found");
        assertProblem(api.get("/api/units?size=100000"), 400, "validation-failed");
    }

    @Test
    void aPlanThatCannotBeIssuedStaysADraft() {
        HttpJson api = this.api.as(TestTokens.leaderOf("694"));
        String plan = createPlan(api, "694", content("Kế hoạch thử năm 2027", 2027, null, List.of()));

        JsonNode problem = assertProblem(api.post("/api/plans/" + plan + "/issue", Map.of("number", "35/QĐ-UBND")), 422,
                "plan-not-issuable");
        assertThat(problem.get("errors").toString()).contains("Số kế hoạch phải theo mẫu", "chưa nêu thời hạn");
        assertThat(api.ok(api.get("/api/plans/" + plan)).get("status").asString()).isEqualTo("DRAFT");

        String withUnknownAgency = createPlan(api, "694", content("Kế hoạch thử 2 năm 2027", 2027, LocalDate.of(2027, 12, 1), List.of("70-SNV")));
        assertProblem(api.post("/api/plans/" + withUnknownAgency + "/issue", Map.of("number", "36/KH-UBND")), 422, "unknown-agencies");
        assertThat(api.ok(api.get("/api/plans/" + withUnknownAgency)).get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void issuedPlansAreImmutableAndNumbersUniquePerIssuerAndYear() {
        HttpJson api = this.api.as(TestTokens.leaderOf("697"));
        String first = createPlan(api, "697", content("Kế hoạch thử năm 2028", 2028, LocalDate.of(2028, 12, 1), List.of()));
        issue(api, first, "11/KH-UBND");

        assertProblem(api.post("/api/plans/" + first + "/issue", Map.of("number", "12/KH-UBND")), 409, "invalid-transition");
        assertProblem(api.put("/api/plans/" + first + "/content", content("Sửa sau khi ban hành", 2028, null, List.of())), 409,
                "invalid-transition");
        assertThat(api.ok(api.get("/api/plans/" + first)).get("number").asString()).isEqualTo("11/KH-UBND");

        String second = createPlan(api, "697", content("Kế hoạch khác năm 2028", 2028, LocalDate.of(2028, 12, 1), List.of()));
        assertProblem(api.post("/api/plans/" + second + "/issue", Map.of("number", "11/kh-ubnd", "confirmUnassigned", true)), 409, "plan-number-taken");
        assertThat(api.ok(api.get("/api/plans/" + second)).get("status").asString()).isEqualTo("DRAFT");
        assertThat(issue(api, second, "13/KH-UBND").get("status").asString()).isEqualTo("ISSUED");

        assertThat(api.ok(api.post("/api/plans/" + first + "/close", Map.of())).get("status").asString()).isEqualTo("CLOSED");
        assertProblem(api.post("/api/plans/" + first + "/cancel", Map.of("reason", "Thử")), 409, "invalid-transition");
    }

    private static JsonNode assertProblem(HttpJson.Response response, int status, String code) {
        assertThat(response.status().value()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.body().path("code").asString(null)).as(response.body().toString()).isEqualTo(code);
        assertThat(response.body().get("title").asString()).isNotBlank();
        return response.body();
    }
}
