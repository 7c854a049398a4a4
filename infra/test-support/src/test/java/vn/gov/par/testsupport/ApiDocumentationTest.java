package vn.gov.par.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ApiDocumentationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String DOCUMENTED = """
            {"info": {"title": "plan-service", "description": "Kế hoạch · Plans"},
             "paths": {"/api/plans": {
               "get": {"summary": "Danh sách kế hoạch · List plans", "description": "…",
                       "responses": {"200": {"content": {"application/json": {}}},
                                     "400": {"content": {"application/problem+json": {}}}}},
               "post": {"summary": "Tạo kế hoạch · Create a plan", "description": "…",
                        "requestBody": {"content": {"application/json": {"example": {"issuerCode": "70"},
                                                                          "schema": {"$ref": "#/components/schemas/CreatePlanRequest"}}}},
                        "responses": {"201": {"content": {"application/json": {"example": {"id": "p-1"}}}}}}}},
             "components": {"schemas": {"CreatePlanRequest": {"properties": {"issuerCode": {}, "content": {}}}}}}
            """;

    @Test
    void aFullyDocumentedApiHasNoGaps() {
        ApiDocumentation.assertDocumented(JSON.readTree(DOCUMENTED));
    }

    @Test
    void anOperationWithoutASummaryFails() {
        JsonNode docs = JSON.readTree(DOCUMENTED.replace("\"summary\": \"Danh sách kế hoạch · List plans\", ", ""));

        assertThat(ApiDocumentation.gapsIn(docs)).containsExactly("GET /api/plans: no summary");
        assertThatThrownBy(() -> ApiDocumentation.assertDocumented(docs)).isInstanceOf(AssertionError.class);
    }

    @Test
    void anExampleNamingAFieldItsSchemaLacksFails() {
        JsonNode docs = JSON.readTree(DOCUMENTED.replace("{\"issuerCode\": \"70\"}", "{\"issuer\": \"70\"}"));

        assertThat(ApiDocumentation.gapsIn(docs))
                .containsExactly("POST /api/plans: the example of its request as application/json names 'issuer', which its schema lacks");
    }

    @Test
    void theDefaultTitleASummaryInOneLanguageAWriteWithoutExamplesAndAPlainErrorAreGaps() {
        JsonNode docs = JSON.readTree(DOCUMENTED.replace("\"title\": \"plan-service\"", "\"title\": \"OpenAPI definition\"")
                .replace("Tạo kế hoạch · Create a plan", "Tạo kế hoạch")
                .replace("\"example\": {\"issuerCode\": \"70\"},", "")
                .replace("{\"example\": {\"id\": \"p-1\"}}", "{}")
                .replace("application/problem+json", "application/json"));

        assertThat(ApiDocumentation.gapsIn(docs)).containsExactlyInAnyOrder(
                "info: no title of its own",
                "GET /api/plans: the 400 answer is not a problem (application/problem+json)",
                "POST /api/plans: summary not in Vietnamese · English",
                "POST /api/plans: the example of its 201 answer as application/json is missing",
                "POST /api/plans: the example of its request as application/json is missing");
    }
}
