package vn.gov.par.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.Topics;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.ServiceApiContract;

class ApiContractTest extends ServiceApiContract {

    ApiContractTest() {
        super(List.of(Topics.PLAN_EVENTS, Topics.UNIT_EVENTS), "/api/units/import", "/api/units/{code}/subtree", "/api/plans",
                "/api/plans/{id}/issue", "/api/plans/{id}/cascade");
    }

    @Test
    void theDocumentedPlanExamplesDoWhatTheDocumentationSays() {
        HttpJson api = HttpJson.onPort(port);
        JsonNode paths = api.ok(api.get("/v3/api-docs")).get("paths");
        // The units the examples name, placed as the other tests of this context place them (whichever runs first).
        for (String row : List.of("70,UBND tỉnh Bình Phước,PROVINCE,GOVERNMENT,", "70-SNV,Sở Nội vụ tỉnh Bình Phước,PROVINCE,AGENCY,70")) {
            if (api.get("/api/units/" + row.substring(0, row.indexOf(','))).status().value() == 404) {
                PlanServiceFixtures.importCsv(api, "code,name,level,kind,parentCode\n" + row + "\n");
            }
        }

        HttpJson.Response created = api.post("/api/plans", example(paths, "/api/plans", "post", "application/json"));
        assertThat(created.status().value()).isEqualTo(201);
        assertThat(created.body().propertyNames()).containsExactlyInAnyOrderElementsOf(
                paths.at("/~1api~1plans/post/responses/201/content/application~1json/example").propertyNames());
        String id = created.body().get("id").asString();

        JsonNode revised = api.ok(api.put("/api/plans/" + id + "/content", example(paths, "/api/plans/{id}/content", "put", "application/json")));
        assertThat(revised.at("/content/basis").asString()).startsWith("Thực hiện Kế hoạch số 15/KH-BNV");

        JsonNode cancelled = api.ok(api.post("/api/plans/" + id + "/cancel", example(paths, "/api/plans/{id}/cancel", "post", "application/json")));
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
    }

    private static JsonNode example(JsonNode paths, String path, String method, String mediaType) {
        return paths.path(path).path(method).path("requestBody").path("content").path(mediaType).path("example");
    }
}
