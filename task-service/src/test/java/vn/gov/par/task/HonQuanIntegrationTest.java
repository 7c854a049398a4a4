package vn.gov.par.task;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.MutableClock;
import vn.gov.par.testsupport.PlatformIntegrationTest;

/** task-service on the embedded broker and store, with huyện Hớn Quản's units announced and the clock reset after each test. */
@PlatformIntegrationTest
public abstract class HonQuanIntegrationTest {

    protected static final KafkaTopicProbe KAFKA = KafkaTopicProbe.embedded();

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected MutableClock clock;

    protected HttpJson api;

    @BeforeAll
    static void announceUnits() {
        HonQuanPlan.announceUnits(KAFKA);
    }

    @BeforeEach
    void connect() {
        api = HttpJson.onPort(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
