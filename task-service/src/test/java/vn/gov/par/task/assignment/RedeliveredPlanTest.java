package vn.gov.par.task.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
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
import vn.gov.par.contracts.plan.PlanCancelled;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.task.TaskAssigned;
import vn.gov.par.contracts.task.TasksAssigned;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.task.TaskEvents;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.PlatformIntegrationTest;

/**
 * A plan's assignment cut short, and its event read again: after a crash part-way through the assignment job goes on from
 * the unit it was on, without redoing the units before; after every assignee had its tasks, the event is not gone
 * through again (a national plan's pass can outlast Kafka's poll interval, and a second full pass each time it is read
 * again would never end). Each commune's tasks are announced together, and a pass gone on with announces only what it
 * wrote. A plan cancelled before its work was assigned gives nobody work.
 */
@PlatformIntegrationTest
class RedeliveredPlanTest {

    private static final KafkaTopicProbe KAFKA = KafkaTopicProbe.embedded();
    private static final String PROVINCE = "31";
    private static final List<String> COMMUNES = List.of("11311", "11312", "11313");

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @BeforeAll
    static void registerTheProvinceAndItsCommunes() {
        unit(PROVINCE, "UBND thành phố Hải Phòng", "PROVINCE", "GOVERNMENT");
        COMMUNES.forEach(code -> unit(code, "UBND xã " + code, "COMMUNE", "GOVERNMENT", PROVINCE));
    }

    @Test
    void aPassCutShortGoesOnFromTheUnitItWasOnAndAFinishedOneIsNotGoneThroughAgain() {
        String plan = issue(UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> tasksOf(plan) == 2L * COMMUNES.size() && isAssigned(plan));
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        assertThat(announcements(plan)).as("each commune's two tasks announced together, once")
                .containsOnlyKeys(COMMUNES).allSatisfy((commune, announced) -> assertThat(announced).containsExactly(List.of(0, 1)));
        assertThat(TaskEvents.published(KAFKA, EventCatalog.TASK_ASSIGNED)).noneMatch(alone -> plan.equals(alone.planId()));

        // As a crash after the second commune's tasks were written would leave it: the plan recorded as assigned through that
        // commune, not finished, and the third commune without its tasks (a task of the first gone by hand, to show that the
        // communes before are not gone through again).
        dropTasksOf(plan, COMMUNES.get(2));
        mongo.remove(Query.query(Criteria.where("planId").is(plan).and("unitCode").is(COMMUNES.get(0)).and("activityIndex").is(0)), "tasks");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(plan)), new Update().set("assigned", false).set("assignedThrough", COMMUNES.get(1)),
                "issued_plans");
        await().atMost(Duration.ofSeconds(60)).until(() -> isAssigned(plan));
        assertThat(activitiesOf(plan, COMMUNES.get(2))).as("the third commune's work written").containsExactly(0, 1);
        assertThat(activitiesOf(plan, COMMUNES.get(0))).as("the first commune not gone through again").containsExactly(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        assertThat(announcements(plan)).as("announced again: only what the second pass wrote").isEqualTo(Map.of(
                COMMUNES.get(0), List.of(List.of(0, 1)), COMMUNES.get(1), List.of(List.of(0, 1)),
                COMMUNES.get(2), List.of(List.of(0, 1), List.of(0, 1))));

        Map<String, List<List<Integer>>> announcedBefore = announcements(plan);
        dropTasksOf(plan, COMMUNES.get(1));
        replay(plan);
        await().atMost(Duration.ofSeconds(60)).until(() -> KAFKA.lag("task-service", Topics.PLAN_EVENTS) == 0);
        assertThat(tasksOf(plan)).as("the finished plan's event was read again and left alone").isEqualTo(2L * COMMUNES.size() - 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        assertThat(announcements(plan)).as("and nothing announced again").isEqualTo(announcedBefore);
    }

    /** For each commune, the activities of each TasksAssigned it was sent for the plan, in the order published. */
    private static Map<String, List<List<Integer>>> announcements(String plan) {
        return TaskEvents.published(KAFKA, EventCatalog.TASKS_ASSIGNED).stream().filter(together -> plan.equals(together.planId()))
                .collect(Collectors.groupingBy(TasksAssigned::unitCode, TreeMap::new,
                        Collectors.mapping(together -> together.tasks().stream().map(TaskAssigned::activityIndex).toList(), Collectors.toList())));
    }

    @Test
    void aPlanCancelledBeforeItsWorkWasAssignedGivesNobodyWork() {
        String plan = "hai-phong-" + UUID.randomUUID();
        KAFKA.publish(EventCatalog.PLAN_CANCELLED, plan, new PlanCancelled(plan, PROVINCE, PROVINCE, LocalDate.of(2026, 1, 21),
                "Ban hành nhầm"));
        issue(plan.substring("hai-phong-".length()));

        await().atMost(Duration.ofSeconds(60)).until(() -> isAssigned(plan));
        assertThat(tasksOf(plan)).isZero();
    }

    private static String issue(String suffix) {
        String planId = "hai-phong-" + suffix;
        KAFKA.publish(EventCatalog.PLAN_ISSUED, planId, new PlanIssued(planId, "12/KH-UBND",
                "Thông tin, tuyên truyền cải cách hành chính năm 2026 trên địa bàn thành phố Hải Phòng", 2026, PROVINCE,
                "UBND thành phố Hải Phòng", PROVINCE, LocalDate.of(2026, 1, 20), "Nguyễn Văn Tùng", null, planId, null,
                List.of(new PlanActivity("a", "Tuyên truyền trên hệ thống loa truyền thanh cơ sở", null, List.of("UBND các xã"), List.of(),
                        "trong năm 2026"), new PlanActivity("b", "Cập nhật tin, bài trên trang thông tin điện tử", "Mỗi quý 01 tin",
                        List.of("UBND các xã"), List.of(), "hàng quý")), null, null));
        return planId;
    }

    private boolean isAssigned(String plan) {
        return mongo.exists(Query.query(Criteria.where("_id").is(plan).and("assigned").is(true)), "issued_plans");
    }

    private List<Integer> activitiesOf(String plan, String unitCode) {
        return mongo.find(Query.query(Criteria.where("planId").is(plan).and("unitCode").is(unitCode)), Document.class, "tasks").stream()
                .map(task -> task.getInteger("activityIndex")).toList();
    }

    private long tasksOf(String plan) {
        return mongo.count(Query.query(Criteria.where("planId").is(plan)), "tasks");
    }

    private void dropTasksOf(String plan, String unitCode) {
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
                new UnitRecorded(code, name, level, kind, path.isEmpty() ? null : path.get(path.size() - 1), PROVINCE, path, null));
    }
}
