package vn.gov.par.notification;

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
        ApiDocumentation.assertServedAndDocumented(HttpJson.onPort(port), "/api/contacts/import", "/api/contacts/{unitCode}", "/api/contacts/unreachable",
                "/api/contacts/undeliverable", "/api/contacts/undeliverable/{email}", "/api/holidays", "/api/calendar-adjustments",
                "/api/calendar-adjustments/{date}", "/api/mail-log");
    }
}
