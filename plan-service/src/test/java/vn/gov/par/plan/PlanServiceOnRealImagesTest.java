package vn.gov.par.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.par.plan.PlanServiceFixtures.content;
import static vn.gov.par.plan.PlanServiceFixtures.createPlan;
import static vn.gov.par.plan.PlanServiceFixtures.hierarchy;
import static vn.gov.par.plan.PlanServiceFixtures.importCsv;
import static vn.gov.par.plan.PlanServiceFixtures.issue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.testcontainers.junit.jupiter.Testcontainers;

import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.RealImagesConfiguration;

/** The cascade on the real MongoDB and Kafka images; runs where Docker does and is skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RealImagesConfiguration.class)
class PlanServiceOnRealImagesTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void aProvincePlanCascadesOnRealMongoDbAndKafka() {
        HttpJson api = HttpJson.onPort(port);
        importCsv(api, hierarchy("two-tier.csv"));
        String plan = createPlan(api, "56", content("Thông tin, tuyên truyền cải cách hành chính năm 2030 trên địa bàn tỉnh Khánh Hòa",
                2030, LocalDate.of(2030, 12, 31), List.of("56-SNV")));

        issue(api, plan, "1/KH-UBND");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.ok(api.get("/api/plans/" + plan + "/cascade")).get("total").get("total").asInt()).isEqualTo(4));
    }
}
