package vn.gov.par.plan.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.par.plan.PlanServiceFixtures.content;
import static vn.gov.par.plan.PlanServiceFixtures.createPlan;
import static vn.gov.par.plan.PlanServiceFixtures.draftOf;
import static vn.gov.par.plan.PlanServiceFixtures.hierarchy;
import static vn.gov.par.plan.PlanServiceFixtures.importCsv;
import static vn.gov.par.plan.PlanServiceFixtures.issue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

import vn.gov.par.contracts.Topics;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.plan.PlanServiceFixtures;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.MetricsScrape;
import vn.gov.par.testsupport.MutableClock;
import vn.gov.par.testsupport.PlatformIntegrationTest;

/** Every event on plan-service's topics delivered a second time changes no document, publishes nothing new and counts nothing again. */
@PlatformIntegrationTest
class EventRedeliveryTest {

    private static final List<String> COLLECTIONS = List.of("units", "plans", "obligations", "plan_numbers");

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void redeliveringEveryEventChangesNothing() {
        HttpJson api = HttpJson.onPort(port);
        KafkaTopicProbe kafka = KafkaTopicProbe.embedded();
        importCsv(api, hierarchy("three-tier.csv"));
        clock.setDate(LocalDate.of(2023, 3, 1));
        String plan = createPlan(api, "70", content("Thông tin, tuyên truyền cải cách hành chính năm 2023 trên địa bàn tỉnh Bình Phước",
                2023, LocalDate.of(2023, 4, 30), List.of("70-STTTT")));
        issue(api, plan, "15/KH-UBND");
        await().atMost(Duration.ofSeconds(30)).until(() -> draftOf(api, "697", plan) != null);
        String districtDraft = draftOf(api, "697", plan).get("id").asString();
        var draft = api.ok(api.get("/api/plans/" + districtDraft));
        PlanServiceFixtures.revise(api, draft, withCascadeDue(draft.get("content"), "2023-05-31"));
        issue(api, districtDraft, "7/KH-UBND");
        await().atMost(Duration.ofSeconds(30)).until(() -> draftOf(api, "25426", districtDraft) != null);
        Map<String, List<String>> before = settledSnapshot(kafka);
        long planEventsBefore = kafka.readAll(Topics.PLAN_EVENTS).size();
        double fulfilmentsBefore = fulfilmentsTimed(api);

        kafka.replay(Topics.PLAN_EVENTS, kafka.readAll(Topics.PLAN_EVENTS));

        Map<String, List<String>> after = settledSnapshot(kafka);
        assertThat(after).isEqualTo(before);
        assertThat(fulfilmentsTimed(api)).as("the district's fulfilment, timed once").isEqualTo(fulfilmentsBefore).isPositive();
        assertThat(kafka.readAll(Topics.PLAN_EVENTS)).as("only the replayed records, no new events").hasSize((int) planEventsBefore * 2);
    }

    private static double fulfilmentsTimed(HttpJson api) {
        return MetricsScrape.of(api).value("par_cascade_obligation_fulfilment_seconds_count", "level", "DISTRICT");
    }

    private Map<String, List<String>> settledSnapshot(KafkaTopicProbe kafka) {
        await().atMost(Duration.ofSeconds(60)).until(() -> kafka.lag("plan-service", Topics.PLAN_EVENTS) == 0 && relay.pending() == 0);
        Map<String, List<String>> snapshot = new TreeMap<>();
        for (String collection : COLLECTIONS) {
            snapshot.put(collection, mongo.findAll(Document.class, collection).stream().map(Document::toJson).sorted().toList());
        }
        return snapshot;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withCascadeDue(tools.jackson.databind.JsonNode content, String due) {
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        Map<String, Object> map = new java.util.LinkedHashMap<>(mapper.convertValue(content, Map.class));
        Map<String, Object> cascade = new java.util.LinkedHashMap<>((Map<String, Object>) map.get("cascade"));
        cascade.put("dueDate", due);
        map.put("cascade", cascade);
        map.put("signer", "Lê Văn Thử");
        return map;
    }
}
