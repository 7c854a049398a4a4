package vn.gov.par.task.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.unit.UnitRegistered;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.PlatformIntegrationTest;

/**
 * A plan event read again: after a crash part-way through its assignees the rest get their tasks; after every assignee
 * had them, the event is not gone through again (a national plan's pass can outlast Kafka's poll interval, and a
 * second full pass each time it is read again would never end).
 */
@PlatformIntegrationTest
class RedeliveredPlanTest {

    private static final KafkaTopicProbe KAFKA = KafkaTopicProbe.embedded();
    private static final String PROVINCE = "31";
    private static final List<String> COMMUNES = List.of("11311", "11312", "11313");

    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    static void registerTheProvinceAndItsCommunes() {
        unit(PROVINCE, "UBND thành phố Hải Phòng", "PROVINCE", "GOVERNMENT");
        COMMUNES.forEach(code -> unit(code, "UBND xã " + code, "COMMUNE", "GOVERNMENT", PROVINCE));
    }

    @Test
    void aPassCutShortIsFinishedWhenReadAgainAndAFinishedOneIsNotGoneThroughAgain() {
        String plan = issue();
        await().atMost(Duration.ofSeconds(60)).until(() -> tasksOf(plan) == COMMUNES.size());

        // As a crash before the last assignee would leave it: one commune without its task, the plan not marked assigned.
        dropTaskOf(plan, COMMUNES.get(2));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(plan)), new Update().unset("assigned"), "issued_plans");
        replay(plan);
        await().atMost(Duration.ofSeconds(60)).until(() -> tasksOf(plan) == COMMUNES.size());

        dropTaskOf(plan, COMMUNES.get(2));
        replay(plan);
        await().atMost(Duration.ofSeconds(60)).until(() -> KAFKA.lag("task-service", Topics.PLAN_EVENTS) == 0);
        assertThat(tasksOf(plan)).as("the finished plan's event was read again and left alone").isEqualTo(COMMUNES.size() - 1);
    }

    private static String issue() {
        String planId = "hai-phong-" + UUID.randomUUID();
        KAFKA.publish(EventCatalog.PLAN_ISSUED, planId, new PlanIssued(planId, "12/KH-UBND",
                "Thông tin, tuyên truyền cải cách hành chính năm 2026 trên địa bàn thành phố Hải Phòng", 2026, PROVINCE,
                "UBND thành phố Hải Phòng", PROVINCE, LocalDate.of(2026, 1, 20), "Nguyễn Văn Tùng", null, planId, null,
                List.of(new PlanActivity("a", "Tuyên truyền trên hệ thống loa truyền thanh cơ sở", null, List.of("UBND các xã"), List.of(),
                        "trong năm 2026")), null, null));
        return planId;
    }

    private long tasksOf(String plan) {
        return mongo.count(Query.query(Criteria.where("planId").is(plan)), "tasks");
    }

    private void dropTaskOf(String plan, String unitCode) {
        Query query = Query.query(Criteria.where("planId").is(plan).and("unitCode").is(unitCode));
        mongo.remove(query, "tasks");
        mongo.remove(query, "occurrences");
    }

    private static void replay(String plan) {
        List<ConsumerRecord<String, byte[]>> planRecords = KAFKA.readAll(Topics.PLAN_EVENTS).stream()
                .filter(record -> plan.equals(record.key())).toList();
        KAFKA.replay(Topics.PLAN_EVENTS, planRecords);
    }

    private static void unit(String code, String name, String level, String kind, String... ancestors) {
        List<String> path = List.of(ancestors);
        KAFKA.publish(EventCatalog.UNIT_REGISTERED, PROVINCE,
                new UnitRegistered(code, name, level, kind, path.isEmpty() ? null : path.get(path.size() - 1), PROVINCE, path));
    }
}
