package vn.gov.par.plan;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.ServiceHealth;

@PlatformIntegrationTest
class PlanServiceStartsTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void isHealthyOnKafkaAndMongoAndExposesPrometheusMetrics() {
        ServiceHealth.assertHealthyAndScrapable(HttpJson.onPort(port), "plan-service");
    }
}
