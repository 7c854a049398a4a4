package vn.gov.par.plan.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.par.plan.PlanServiceFixtures.content;
import static vn.gov.par.plan.PlanServiceFixtures.createPlan;
import static vn.gov.par.plan.PlanServiceFixtures.hierarchy;
import static vn.gov.par.plan.PlanServiceFixtures.importCsv;
import static vn.gov.par.plan.PlanServiceFixtures.issue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.contracts.Topics;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.MutableClock;
import vn.gov.par.testsupport.PlatformIntegrationTest;

/**
 * One cascade is one trace: a plan issued in a request's trace publishes PlanIssued in it, and the fan-out that consumes
 * that event publishes its obligations in it too. With structured logging switched on, log lines are JSON and carry the
 * trace id.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "logging.structured.format.console=ecs")
@ExtendWith(OutputCaptureExtension.class)
class TracedCascadeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    OutboxRelay relay;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theObligationsOfAPlanIssuedInATraceArePublishedInThatTrace() {
        HttpJson api = HttpJson.onPort(port);
        KafkaTopicProbe kafka = KafkaTopicProbe.embedded();
        importCsv(api, hierarchy("two-tier.csv"));
        clock.setDate(LocalDate.of(2026, 2, 1));
        String plan = createPlan(api, "56", content("Thông tin, tuyên truyền cải cách hành chính năm 2026 trên địa bàn tỉnh Khánh Hòa",
                2026, LocalDate.of(2026, 2, 28), List.of()));
        String traceId = newTraceId();

        issue(api.withHeader("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"), plan, "5/KH-UBND");

        await().atMost(Duration.ofSeconds(30)).until(() -> api.ok(api.get("/api/plans/" + plan + "/cascade")).get("total").get("total").asInt() == 3
                && kafka.lag("plan-service", Topics.PLAN_EVENTS) == 0 && relay.pending() == 0);
        String issued = EventCatalog.PLAN_ISSUED.name();
        String obliged = EventCatalog.SUB_PLAN_OBLIGATION_CREATED.name();
        List<ConsumerRecord<String, byte[]>> cascade = kafka.readAll(Topics.PLAN_EVENTS).stream()
                .filter(r -> plan.equals(r.key()) && List.of(issued, obliged).contains(typeOf(r))).toList();
        assertThat(cascade).extracting(TracedCascadeTest::typeOf).containsExactlyInAnyOrder(issued, obliged, obliged, obliged);
        assertThat(cascade).allSatisfy(r -> assertThat(traceIdOf(r)).contains(traceId));
    }

    @Test
    void aLogLineIsJsonWithTheTraceIdOfTheEventBeingHandled(CapturedOutput output) {
        String traceId = newTraceId();

        KafkaTopicProbe.embedded().send(Topics.PLAN_EVENTS, "json-log", "{not json".getBytes(StandardCharsets.UTF_8),
                Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

        JsonNode line = await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().lines()
                .filter(l -> l.contains(traceId) && l.contains("can never process")).findFirst().map(JSON::readTree), Optional::isPresent).get();
        assertThat(line.at("/log/level").asString()).isEqualTo("WARN");
        assertThat(line.at("/service/name").asString()).isEqualTo("plan-service");
        assertThat(line.get("traceId").asString()).as("the trace the event's traceparent header names").isEqualTo(traceId);
    }

    private static String typeOf(ConsumerRecord<String, byte[]> record) {
        return new EventCodec().decode(record.value()).type();
    }

    /** The trace id of the record's W3C traceparent header ({@code 00-<trace id>-<parent span id>-<flags>}). */
    private static Optional<String> traceIdOf(ConsumerRecord<String, byte[]> record) {
        Header traceparent = record.headers().lastHeader("traceparent");
        return Optional.ofNullable(traceparent).map(h -> new String(h.value(), StandardCharsets.UTF_8).split("-")[1]);
    }

    private static String newTraceId() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
