package vn.gov.par.task;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.unit.UnitDeleted;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.PlatformIntegrationTest;

/** task-service's copy of the directory follows plan-service's: a unit deleted there is forgotten here. */
@PlatformIntegrationTest
class UnitDirectoryFollowedTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void aUnitDeletedInTheDirectoryIsForgotten() {
        KafkaTopicProbe kafka = KafkaTopicProbe.embedded();
        HonQuanPlan.centralGovernment(kafka);
        kafka.publish(EventCatalog.UNIT_REGISTERED, "70", new UnitRecorded("DEL-1", "UBND xã Nhập Nhầm", "COMMUNE", "GOVERNMENT",
                HonQuanPlan.CENTRAL, "70", List.of(HonQuanPlan.CENTRAL), null));
        HttpJson api = HttpJson.onPort(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/rollups/units/DEL-1").ok());

        kafka.publish(EventCatalog.UNIT_DELETED, "70", new UnitDeleted("DEL-1", "UBND xã Nhập Nhầm", "70", List.of(HonQuanPlan.CENTRAL)));

        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/rollups/units/DEL-1").status().value() == 404);
    }
}
