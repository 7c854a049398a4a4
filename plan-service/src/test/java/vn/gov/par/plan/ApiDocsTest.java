package vn.gov.par.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.PlatformIntegrationTest;

@PlatformIntegrationTest
class ApiDocsTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void servesOpenApiDocsForEveryEndpointAndTheSwaggerUi() {
        HttpJson api = HttpJson.onPort(port);
        JsonNode paths = api.ok(api.get("/v3/api-docs")).get("paths");

        assertThat(paths.propertyNames()).contains("/api/units/import", "/api/units/{code}/subtree", "/api/plans", "/api/plans/{id}/issue",
                "/api/plans/{id}/cascade");
        assertThat(api.text("/swagger-ui/index.html")).contains("Swagger UI");
    }
}
