package vn.gov.par.report;

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
        ApiDocumentation.assertServedAndDocumented(HttpJson.onPort(port), "/api/reports", "/api/reports/{id}/draft", "/api/reports/{id}/accept",
                "/api/rollups/reports", "/api/rollups/reports.docx", "/api/scores/plan-execution", "/api/reporting-schedules/parse",
                "/api/plans/{planId}/reporting-schedule");
    }
}
