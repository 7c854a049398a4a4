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
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.support.messaging.DeadLetteringContainerCustomizer;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.MetricsScrape;
import vn.gov.par.testsupport.MutableClock;
import vn.gov.par.testsupport.PlatformIntegrationTest;

/** Events that can never be processed go to the dead-letter topic with the reason, are counted, and the partition keeps flowing. */
@PlatformIntegrationTest
class PoisonedEventTest {

    private static final String DEAD_LETTERS = "plan.events.plan-service.dlq";

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void poisonedEventsAreDeadLetteredWithTheirReasonAndTheCascadeBehindThemStillRuns() {
        HttpJson api = HttpJson.onPort(port);
        KafkaTopicProbe kafka = KafkaTopicProbe.embedded();
        importCsv(api, hierarchy("two-tier.csv"));
        clock.setDate(LocalDate.of(2026, 2, 1));
        String plan = createPlan(api, "56", content("Thông tin, tuyên truyền cải cách hành chính năm 2026 trên địa bàn tỉnh Khánh Hòa",
                2026, LocalDate.of(2026, 2, 28), List.of()));
        String envelope = "{\"specversion\":\"1.0\",\"id\":\"p-%s\",\"source\":\"/test\",\"time\":\"2026-02-01T00:00:00Z\","
                + "\"type\":\"%s\",\"schemaversion\":%d,\"data\":{\"planId\":\"" + plan + "\"}}";

        double deadLetteredBefore = deadLettered(api);
        kafka.send(Topics.PLAN_EVENTS, plan, "{not json".getBytes(StandardCharsets.UTF_8));
        kafka.send(Topics.PLAN_EVENTS, plan, envelope.formatted("1", "vn.gov.par.plan.teleported", 1).getBytes(StandardCharsets.UTF_8));
        kafka.send(Topics.PLAN_EVENTS, plan, envelope.formatted("2", "vn.gov.par.plan.issued", 9).getBytes(StandardCharsets.UTF_8));
        issue(api, plan, "3/KH-UBND");

        await().atMost(Duration.ofSeconds(30)).until(() -> api.ok(api.get("/api/plans/" + plan + "/cascade")).get("total").get("total").asInt() == 3);
        List<ConsumerRecord<String, byte[]>> deadLetters = await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.readAll(DEAD_LETTERS).stream().filter(r -> plan.equals(r.key())).toList(), l -> l.size() == 3);
        assertThat(deadLetters).extracting(r -> reason(r)).containsExactly("MALFORMED", "UNKNOWN_TYPE", "UNSUPPORTED_VERSION");
        assertThat(new String(deadLetters.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(api.text("/actuator/prometheus")).contains("par_events_undecodable_total{", "reason=\"UNSUPPORTED_VERSION\"");
        assertThat(deadLettered(api) - deadLetteredBefore).isEqualTo(3);
    }

    @Test
    void anEventThatKeepsFailingIsRetriedThenDeadLetteredAndCountedByItsFailure() {
        HttpJson api = HttpJson.onPort(port);
        KafkaTopicProbe kafka = KafkaTopicProbe.embedded();
        String unknownPlan = "khong-co-" + UUID.randomUUID();
        double before = deadLettered(api, "IllegalStateException");

        kafka.publish(EventCatalog.PLAN_ISSUED, unknownPlan, new PlanIssued(unknownPlan, "9/KH-UBND", "Kế hoạch không có trong kho", 2026,
                "56", "UBND tỉnh Khánh Hòa", "56", LocalDate.of(2026, 2, 1), "Người Ký", null, unknownPlan, null, List.of(), null, null));

        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.readAll(DEAD_LETTERS).stream().anyMatch(r -> unknownPlan.equals(r.key())));
        assertThat(deadLettered(api, "IllegalStateException") - before).isEqualTo(1);
    }

    private static double deadLettered(HttpJson api) {
        return deadLettered(api, "UndecodableEventException");
    }

    private static double deadLettered(HttpJson api, String reason) {
        return MetricsScrape.of(api).value("par_events_dead_lettered_total", "subscription", "plan.events.plan-service", "reason", reason);
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        String message = new String(record.headers().lastHeader(DeadLetteringContainerCustomizer.REASON_HEADER).value(), StandardCharsets.UTF_8);
        return message.substring(0, message.indexOf(':'));
    }
}
