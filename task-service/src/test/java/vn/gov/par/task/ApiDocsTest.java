package vn.gov.par.task;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import vn.gov.par.testsupport.ApiDocumentation;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.PlatformIntegrationTest;

@PlatformIntegrationTest
class ApiDocsTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void servesItsApiDocumentedWithExamplesAndProblems() {
        ApiDocumentation.assertServedAndDocumented(HttpJson.onPort(port), "/api/tasks", "/api/tasks/{taskId}", "/api/tasks/unrecognised-schedules",
                "/api/tasks/{taskId}/schedule", "/api/plans/{planId}/tasks", "/api/occurrences/{occurrenceId}/progress",
                "/api/rollups/units/{unitCode}", "/api/rollups/plans/{planId}", "/api/unresolved-assignees",
                "/api/plans/{planId}/unresolved-assignees", "/api/timeframes/parse");
    }
}
