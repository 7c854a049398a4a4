package vn.gov.par.plan.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static vn.gov.par.plan.PlanServiceFixtures.content;
import static vn.gov.par.plan.PlanServiceFixtures.createPlan;
import static vn.gov.par.plan.PlanServiceFixtures.hierarchy;
import static vn.gov.par.plan.PlanServiceFixtures.importCsv;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.plan.plan.Plan;
import vn.gov.par.plan.plan.PlanService;
import vn.gov.par.plan.unit.UnitDirectory;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.access.Official;
import vn.gov.par.support.access.Role;
import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.outbox.OutboxMessage;
import vn.gov.par.support.outbox.OutboxMessageFactory;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.PlatformIntegrationTest;

/**
 * A fan-out that dies half-way (as a crashed instance would, before committing the event's offset) and
 * is run again from the same event ends with each obligation once and each obligation's event once; while it
 * lies dead, no unit has a draft without its obligation.
 */
@PlatformIntegrationTest
class FanOutRestartTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AggregateStore<Plan> plans;

    @Autowired
    AggregateStore<SubPlanObligation> obligations;

    @Autowired
    UnitDirectory directory;

    @Autowired
    PlanService planService;

    @Autowired
    OutboxMessageFactory messages;

    @Autowired
    WorkingCalendarView calendar;

    @Autowired
    OutboxRelay relay;

    @Autowired
    Clock clock;

    @Autowired
    MeterRegistry meters;

    @Test
    void aFanOutInterruptedHalfWayCompletesWithoutLosingOrDuplicatingAnObligation() {
        HttpJson api = HttpJson.onPort(port);
        importCsv(api, hierarchy("three-tier.csv"));
        String planId = createPlan(api, "70", content("Kế hoạch thử khởi động lại năm 2029", 2029, LocalDate.of(2029, 6, 30),
                List.of("70-SNV", "70-STTTT")));
        Plan issued = planService.issue(planId, "29/KH-UBND", null, true,
                new Access(new Official("lanh-dao-70", "Lãnh đạo tỉnh", "70", Set.of(Role.LANH_DAO)), directory));
        await().atMost(Duration.ofSeconds(30)).until(() -> obligationsOf(planId) == 5 && relay.pending() == 0);
        mongo.remove(Query.query(Criteria.where("parentPlanId").is(planId)), "obligations");
        mongo.remove(Query.query(Criteria.where("parentPlanId").is(planId)), "plans");
        PlanIssued event = new EventCodec().decode(issuedEventJson(issued)).dataAs(EventCatalog.PLAN_ISSUED);

        CascadeFanOut crashing = new CascadeFanOut(plans, new DiesAfter(2, mongo), directory, messages, clock, meters, calendar);
        assertThatThrownBy(() -> crashing.onPlanIssued(event)).hasMessageContaining("crash");
        assertThat(obligationsOf(planId)).isEqualTo(2);
        assertThat(draftsOf(planId)).as("no draft an official could issue before the obligation it fulfils exists").isEqualTo(2);

        new CascadeFanOut(plans, obligations, directory, messages, clock, meters, calendar).onPlanIssued(event);

        assertThat(obligationsOf(planId)).isEqualTo(5);
        assertThat(draftsOf(planId)).isEqualTo(5);
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        long createdEvents = KafkaTopicProbe.embedded().readAll(Topics.PLAN_EVENTS).stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .filter(json -> json.contains(EventCatalog.SUB_PLAN_OBLIGATION_CREATED.name()) && json.contains(planId))
                .count();
        assertThat(createdEvents).as("5 from the first, uninterrupted run, then exactly 5 more from the crashed run and its rerun").isEqualTo(10);
    }

    private long obligationsOf(String planId) {
        return mongo.count(Query.query(Criteria.where("parentPlanId").is(planId)), "obligations");
    }

    private long draftsOf(String planId) {
        return mongo.count(Query.query(Criteria.where("parentPlanId").is(planId)), "plans");
    }

    private byte[] issuedEventJson(Plan plan) {
        return KafkaTopicProbe.embedded().readAll(Topics.PLAN_EVENTS).stream()
                .map(r -> r.value())
                .filter(v -> {
                    String json = new String(v, StandardCharsets.UTF_8);
                    return json.contains(EventCatalog.PLAN_ISSUED.name()) && json.contains(plan.id());
                })
                .findFirst().orElseThrow();
    }

    /** An obligation store whose process "dies" after a number of inserts. */
    private static final class DiesAfter extends AggregateStore<SubPlanObligation> {

        private int insertsLeft;

        DiesAfter(int inserts, MongoTemplate mongo) {
            super(mongo, SubPlanObligation.class, "obligations", SubPlanObligation::id);
            this.insertsLeft = inserts;
        }

        @Override
        public boolean insertIfAbsent(SubPlanObligation aggregate, List<OutboxMessage> events) {
            if (insertsLeft-- == 0) {
                throw new IllegalStateException("crash");
            }
            return super.insertIfAbsent(aggregate, events);
        }
    }
}
