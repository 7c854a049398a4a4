package vn.gov.par.task.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.task.TaskAssigned;
import vn.gov.par.contracts.task.TaskOccurrenceFacts;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.contracts.unit.UnitRetired;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.task.HonQuanIntegrationTest;
import vn.gov.par.task.HonQuanPlan;
import vn.gov.par.task.TaskEvents;
import vn.gov.par.task.task.Tasks;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.RawHttp;
import vn.gov.par.testsupport.RefusalProbe;
import vn.gov.par.testsupport.TestTokens;

/**
 * Huyện Bàu Bàng's 2025 plan, and its communes merged or dissolved on 01/07/2025: what fell due until then stays the commune's,
 * readable under its name; what falls due after is no longer chased, counted, nor open to its progress; the successor takes the
 * rest over and is told so; a commune dissolved leaves it to nobody; and no plan gives a retired commune work again.
 */
class RetiredUnitsWorkTest extends HonQuanIntegrationTest {

    private static final String PROVINCE = "74";
    private static final LocalDate RETIRED_ON = LocalDate.of(2025, 7, 1);

    @Autowired
    Tasks tasks;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    UnitDirectoryView directory;

    /** Each test's own district and communes, so that retiring them changes nobody else's work. */
    private String district;
    private String laiUyen;
    private String longNguyen;
    private String laiHung;

    @BeforeEach
    void registerTheDistrict() {
        district = "bb-" + UUID.randomUUID().toString().substring(0, 8);
        laiUyen = district + "-LU";
        longNguyen = district + "-LN";
        laiHung = district + "-LH";
        HonQuanPlan.centralGovernment(KAFKA);
        unit(PROVINCE, "UBND tỉnh Bình Dương", "PROVINCE", HonQuanPlan.CENTRAL);
        unit(district, "UBND huyện Bàu Bàng", "DISTRICT", HonQuanPlan.CENTRAL, PROVINCE);
        unit(laiUyen, "UBND xã Lai Uyên", "COMMUNE", HonQuanPlan.CENTRAL, PROVINCE, district);
        unit(longNguyen, "UBND xã Long Nguyên", "COMMUNE", HonQuanPlan.CENTRAL, PROVINCE, district);
        unit(laiHung, "UBND thị trấn Lai Hưng", "COMMUNE", HonQuanPlan.CENTRAL, PROVINCE, district);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> List.of(district, laiUyen, longNguyen, laiHung).stream().allMatch(code -> directory.find(code).isPresent()));
    }

    @Test
    void aCommuneMergedMidYearKeepsItsPastAndItsSuccessorTakesOverWhatIsLeft() {
        String plan = issuePlan();
        await().atMost(Duration.ofSeconds(30)).until(() -> occurrenceCount(plan) == 23);
        String bulletinQ1 = occurrence(plan, "b", laiUyen, "2025-03-31");
        String contest = occurrence(plan, "c", laiUyen, "2025-12-31");

        // The first quarter passes: Lai Uyên publishes its bulletin late, and starts on the year's contest.
        clock.setDate(LocalDate.of(2025, 4, 5));
        tasks.sweepDeadlines();
        HttpJson laiUyenOfficer = api.as(TestTokens.officerOf(laiUyen));
        laiUyenOfficer.ok(laiUyenOfficer.post("/api/occurrences/" + bulletinQ1 + "/progress", Map.of("done", true, "doneOn", "2025-04-03")));
        laiUyenOfficer.ok(laiUyenOfficer.post("/api/occurrences/" + contest + "/progress",
                Map.of("done", false, "count", 1, "note", "Đã phát động hội thi")));
        clock.setDate(LocalDate.of(2025, 7, 2));
        tasks.sweepDeadlines();

        KAFKA.publish(EventCatalog.UNIT_RETIRED, PROVINCE, merged(laiUyen, "UBND xã Lai Uyên"));
        await().atMost(Duration.ofSeconds(30)).until(() -> tasksOf(plan, laiUyen).stream().allMatch(t -> t.hasNonNull("unitRetiredOn")));
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);

        // Its past stays its own: the quarters due by 01/07/2025, done late or overdue.
        assertThat(statuses(plan, laiUyen)).as("Lai Uyên's occurrences, by activity and due date").isEqualTo(Map.of(
                "a 2025-03-31", "OVERDUE", "a 2025-06-30", "OVERDUE", "b 2025-03-31", "DONE_LATE", "b 2025-06-30", "OVERDUE",
                "e 2025-03-31", "OVERDUE"));
        JsonNode own = api.ok(api.get("/api/rollups/units/" + laiUyen + "?planId=" + plan));
        assertThat(own.get("overdue").asLong()).isEqualTo(4);
        assertThat(own.get("doneLate").asLong()).isEqualTo(1);
        assertThat(own.get("notDue").asLong() + own.get("onDemand").asLong()).as("nothing more is owed by it").isZero();
        JsonNode contestTask = api.ok(api.get("/api/tasks/" + taskId(plan, "c", laiUyen)));
        assertThat(contestTask.get("occurrences")).as("the year's contest it had started, kept for its progress").singleElement()
                .satisfies(started -> {
                    assertThat(started.get("releasedOn").asString()).isEqualTo("2025-07-01");
                    assertThat(started.get("progress").get(0).get("note").asString()).isEqualTo("Đã phát động hội thi");
                });
        assertThat(api.ok(api.get("/api/tasks/" + taskId(plan, "d", laiUyen))).get("occurrences")).as("its work on demand").isEmpty();
        JsonNode line = rollupLine(plan, laiUyen);
        assertThat(line.get("unitName").asString()).isEqualTo("UBND xã Lai Uyên");
        assertThat(line.get("own").get("overdue").asLong()).isEqualTo(4);

        // Nobody records progress on its work any more.
        RawHttp.Request progress = RawHttp.Request.json("POST", "/api/occurrences/" + occurrence(plan, "a", laiUyen, "2025-06-30") + "/progress",
                "{\"done\": true, \"doneOn\": \"2025-07-02\"}");
        RefusalProbe probe = new RefusalProbe(RawHttp.onPort(port).as(TestTokens.officerOf(laiUyen)), mongo, List.of(Topics.TASK_EVENTS),
                List.of());
        JsonNode problem = probe.refused("progress on a merged commune's work", progress).json();
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("code").asString()).isEqualTo("unit-retired");
        assertThat(problem.get("detail").asString())
                .isEqualTo("UBND xã Lai Uyên đã sáp nhập vào UBND xã Long Nguyên ngày 01/07/2025; không ghi nhận tiến độ nữa.");

        // Long Nguyên takes over what was left: the bulletin from the third quarter, and the lead of the contest it cooperated on.
        assertThat(statuses(plan, longNguyen)).isEqualTo(Map.of(
                "a 2025-03-31", "OVERDUE", "a 2025-06-30", "OVERDUE", "a 2025-09-30", "NOT_DUE", "a 2025-12-31", "NOT_DUE",
                "b 2025-09-30", "NOT_DUE", "b 2025-12-31", "NOT_DUE", "c 2025-12-31", "NOT_DUE", "d", "ON_DEMAND"));
        assertThat(roles(plan, longNguyen)).isEqualTo(Map.of("a", "LEAD", "b", "LEAD", "c", "LEAD", "d", "LEAD"));
        String bulletin = taskId(plan, "b", longNguyen);
        String contestLed = taskId(plan, "c", longNguyen);
        List<TaskAssigned> assigned = TaskEvents.assignments(KAFKA);
        assertThat(assigned).filteredOn(e -> e.taskId().equals(bulletin)).singleElement().satisfies(e -> {
            assertThat(e.unitCode()).isEqualTo(longNguyen);
            assertThat(e.role()).isEqualTo("LEAD");
            assertThat(e.dueDates()).containsExactly(LocalDate.of(2025, 9, 30), LocalDate.of(2025, 12, 31));
        });
        assertThat(assigned).filteredOn(e -> e.taskId().equals(contestLed)).extracting(TaskAssigned::role).containsExactly("COOPERATING", "LEAD");

        // The third quarter passes: Long Nguyên's bulletin is overdue; nothing of Lai Uyên's is chased any more.
        List<String> chasedBefore = chased(laiUyen);
        clock.setDate(LocalDate.of(2025, 9, 25));
        tasks.sweepDeadlines();
        clock.setDate(LocalDate.of(2025, 10, 5));
        tasks.sweepDeadlines();
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        assertThat(chased(laiUyen)).as("TaskDueSoon and TaskOverdue of Lai Uyên").isEqualTo(chasedBefore)
                .allSatisfy(dueDate -> assertThat(dueDate).isLessThanOrEqualTo("2025-07-01"));
        assertThat(statuses(plan, longNguyen)).containsEntry("b 2025-09-30", "OVERDUE");
        assertThat(api.ok(api.get("/api/rollups/units/" + laiUyen + "?planId=" + plan)).get("overdue").asLong()).isEqualTo(4);
        JsonNode districtLine = rollupLine(plan, district);
        assertThat(districtLine.get("subtree").get("notDue").asLong() + districtLine.get("subtree").get("onDemand").asLong())
                .as("the district owes through its communes in service only").isEqualTo(owedAhead(plan, longNguyen) + owedAhead(plan, laiHung));

        // The merger read again changes nothing.
        Map<String, List<String>> before = settledSnapshot(plan);
        KAFKA.publish(EventCatalog.UNIT_RETIRED, PROVINCE, merged(laiUyen, "UBND xã Lai Uyên"));
        assertThat(settledSnapshot(plan)).isEqualTo(before);
    }

    @Test
    void aCommuneDissolvedWithNobodyTakingOverLeavesItsLaterWorkToNobody() {
        String plan = issuePlan();
        await().atMost(Duration.ofSeconds(30)).until(() -> occurrenceCount(plan) == 23);

        KAFKA.publish(EventCatalog.UNIT_RETIRED, PROVINCE, new UnitRetired(laiUyen, "UBND xã Lai Uyên", PROVINCE,
                List.of(HonQuanPlan.CENTRAL, PROVINCE, district), RETIRED_ON, null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> tasksOf(plan, laiUyen).stream().allMatch(t -> t.hasNonNull("unitRetiredOn")));

        assertThat(taskCount(plan)).as("no task for anybody else").isEqualTo(11);
        assertThat(statuses(plan, laiUyen)).isEqualTo(Map.of("a 2025-03-31", "NOT_DUE", "a 2025-06-30", "NOT_DUE", "b 2025-03-31", "NOT_DUE",
                "b 2025-06-30", "NOT_DUE", "e 2025-03-31", "NOT_DUE"));
        assertThat(statuses(plan, longNguyen)).doesNotContainKey("b 2025-09-30");
        assertThat(statuses(plan, laiHung)).doesNotContainKey("b 2025-09-30");
        JsonNode problem = api.as(TestTokens.officerOf(laiUyen)).post("/api/occurrences/" + occurrence(plan, "a", laiUyen, "2025-06-30")
                + "/progress", Map.of("done", false, "count", 1)).body();
        assertThat(problem.get("detail").asString())
                .isEqualTo("UBND xã Lai Uyên đã giải thể ngày 01/07/2025; không ghi nhận tiến độ nữa.");
    }

    @Test
    void aPlanIssuedAfterTheMergerGivesTheMergedCommuneNoWork() {
        KAFKA.publish(EventCatalog.UNIT_RETIRED, PROVINCE, merged(laiUyen, "UBND xã Lai Uyên"));
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(laiUyen).map(KnownUnit::isRetired).orElse(false));

        String plan = issue(LocalDate.of(2025, 8, 1), List.of(
                new PlanActivity("a", "Tuyên truyền trên hệ thống loa truyền thanh", null, List.of("UBND các xã, thị trấn"), List.of(),
                        "hàng quý/2025"),
                new PlanActivity("b", "Phát hành bản tin cải cách hành chính", null, List.of("UBND xã Lai Uyên"), List.of(), "quý IV/2025")));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.ok(api.get("/api/plans/" + plan + "/unresolved-assignees")).size() == 1);

        assertThat(tasksOf(plan, laiUyen)).isEmpty();
        assertThat(roles(plan, longNguyen)).containsOnlyKeys("a");
        assertThat(roles(plan, laiHung)).containsOnlyKeys("a");
        assertThat(api.ok(api.get("/api/plans/" + plan + "/unresolved-assignees")).get(0).get("text").asString())
                .as("a retired commune is a name no plan can use").isEqualTo("UBND xã Lai Uyên");

        // Its registration read again does not bring it back into service.
        unit(laiUyen, "UBND xã Lai Uyên", "COMMUNE", HonQuanPlan.CENTRAL, PROVINCE, district);
        await().atMost(Duration.ofSeconds(30)).until(() -> KAFKA.lag("task-service", Topics.UNIT_EVENTS) == 0);
        assertThat(directory.find(laiUyen).map(KnownUnit::isRetired)).contains(true);
        assertThat(tasksOf(plan, laiUyen)).isEmpty();
    }

    @Test
    void workMergedIntoACommuneMergedOnSinceGoesToTheOneStillInService() {
        clock.setDate(LocalDate.of(2025, 7, 2));
        String plan = issuePlan();
        await().atMost(Duration.ofSeconds(30)).until(() -> occurrenceCount(plan) == 23);

        // Read in the other order than they were made: Long Nguyên merged into Lai Hưng, then Lai Uyên into Long Nguyên.
        KAFKA.publish(EventCatalog.UNIT_RETIRED, PROVINCE, new UnitRetired(longNguyen, "UBND xã Long Nguyên", PROVINCE,
                List.of(HonQuanPlan.CENTRAL, PROVINCE, district), RETIRED_ON, laiHung, "UBND thị trấn Lai Hưng"));
        KAFKA.publish(EventCatalog.UNIT_RETIRED, PROVINCE, merged(laiUyen, "UBND xã Lai Uyên"));

        await().atMost(Duration.ofSeconds(30)).until(() -> roles(plan, laiHung).containsKey("b"));
        assertThat(statuses(plan, laiHung)).as("Lai Uyên's bulletin from the third quarter, with Lai Hưng's own work")
                .containsEntry("b 2025-09-30", "NOT_DUE").containsEntry("b 2025-12-31", "NOT_DUE");
        assertThat(roles(plan, longNguyen)).as("nothing handed to a commune no longer in service").doesNotContainKey("b");
    }

    @Test
    void aCommuneFormedByTheMergerOwesOnlyWhatFallsDueFromTheDayItWasFormed() {
        clock.setDate(LocalDate.of(2025, 7, 2));
        String plan = issuePlan();
        await().atMost(Duration.ofSeconds(30)).until(() -> occurrenceCount(plan) == 23);
        String formed = district + "-BB";
        KAFKA.publish(EventCatalog.UNIT_REGISTERED, PROVINCE, new UnitRecorded(formed, "UBND xã Bàu Bàng Mới", "COMMUNE", "GOVERNMENT", district,
                PROVINCE, List.of(HonQuanPlan.CENTRAL, PROVINCE, district), RETIRED_ON));

        await().atMost(Duration.ofSeconds(30)).until(() -> roles(plan, formed).containsKey("a"));
        assertThat(statuses(plan, formed)).as("the group's quarters from the third: the first two were owed by the communes it was formed from")
                .isEqualTo(Map.of("a 2025-09-30", "NOT_DUE", "a 2025-12-31", "NOT_DUE", "c 2025-12-31", "NOT_DUE", "d", "ON_DEMAND"));
    }

    private String issuePlan() {
        return issue(LocalDate.of(2025, 1, 15), List.of(
                new PlanActivity("a", "Tuyên truyền trên hệ thống loa truyền thanh", null, List.of("UBND các xã, thị trấn"), List.of(),
                        "hàng quý/2025"),
                new PlanActivity("b", "Phát hành bản tin cải cách hành chính", "Mỗi quý 01 bản tin", List.of("UBND xã Lai Uyên"), List.of(),
                        "hàng quý/2025"),
                new PlanActivity("c", "Tổ chức hội thi tìm hiểu cải cách hành chính", null, List.of("UBND xã Lai Uyên"),
                        List.of("UBND các xã, thị trấn"), "trong năm 2025"),
                new PlanActivity("d", "Giải đáp thắc mắc của người dân về thủ tục hành chính", null, List.of("UBND các xã, thị trấn"),
                        List.of(), "đột xuất"),
                new PlanActivity("e", "Khảo sát sự hài lòng của người dân", null, List.of("UBND xã Lai Uyên"), List.of(), "quý I/2025")));
    }

    private String issue(LocalDate issuedOn, List<PlanActivity> activities) {
        String planId = "bau-bang-" + UUID.randomUUID();
        KAFKA.publish(EventCatalog.PLAN_ISSUED, planId, new PlanIssued(planId, "15/KH-UBND",
                "Thông tin, tuyên truyền cải cách hành chính năm 2025 trên địa bàn huyện Bàu Bàng", 2025, district, "UBND huyện Bàu Bàng",
                PROVINCE, issuedOn, "Nguyễn Văn Bàng", null, planId, null, activities, null, null));
        return planId;
    }

    private UnitRetired merged(String code, String name) {
        return new UnitRetired(code, name, PROVINCE, List.of(HonQuanPlan.CENTRAL, PROVINCE, district), RETIRED_ON, longNguyen,
                "UBND xã Long Nguyên");
    }

    /** Lai Uyên's eleven (four quarters of a and b, the year's c, d on demand, e's first quarter), six of each other commune. */
    private long occurrenceCount(String plan) {
        return api.ok(api.get("/api/tasks?size=1&planId=" + plan)).get("totalElements").asLong();
    }

    private long taskCount(String plan) {
        return api.ok(api.get("/api/plans/" + plan + "/tasks?size=1")).get("totalElements").asLong();
    }

    private List<JsonNode> tasksOf(String plan, String unitCode) {
        return api.ok(api.get("/api/plans/" + plan + "/tasks?size=500&unitCode=" + unitCode)).get("content").valueStream().toList();
    }

    private String taskId(String plan, String activityLabel, String unitCode) {
        return tasksOf(plan, unitCode).stream().filter(t -> t.get("activityLabel").asString().equals(activityLabel)).findFirst()
                .orElseThrow(() -> new AssertionError("No task " + activityLabel + " for " + unitCode)).get("id").asString();
    }

    private Map<String, String> roles(String plan, String unitCode) {
        Map<String, String> roles = new TreeMap<>();
        tasksOf(plan, unitCode).forEach(t -> roles.put(t.get("activityLabel").asString(), t.get("role").asString()));
        return roles;
    }

    /** The unit's occurrences of the plan as the list shows them, "activity due-date" to status (on-demand work has no date). */
    private Map<String, String> statuses(String plan, String unitCode) {
        Map<String, String> labels = new TreeMap<>();
        tasksOf(plan, unitCode).forEach(t -> labels.put(t.get("id").asString(), t.get("activityLabel").asString()));
        Map<String, String> statuses = new TreeMap<>();
        api.ok(api.get("/api/tasks?size=500&planId=" + plan + "&unitCode=" + unitCode)).get("content").forEach(o -> statuses.put(
                (labels.get(o.get("taskId").asString()) + " " + (o.hasNonNull("dueDate") ? o.get("dueDate").asString() : "")).strip(),
                o.get("status").asString()));
        return statuses;
    }

    private String occurrence(String plan, String activityLabel, String unitCode, String dueDate) {
        return api.ok(api.get("/api/tasks/" + taskId(plan, activityLabel, unitCode))).get("occurrences").valueStream()
                .filter(o -> dueDate.equals(o.get("dueDate").asString())).findFirst().orElseThrow().get("id").asString();
    }

    /** The unit's occurrences of the plan still ahead of it: not due yet, or on demand. */
    private long owedAhead(String plan, String unitCode) {
        JsonNode own = api.ok(api.get("/api/rollups/units/" + unitCode + "?planId=" + plan));
        return own.get("notDue").asLong() + own.get("onDemand").asLong();
    }

    private JsonNode rollupLine(String plan, String unitCode) {
        return api.ok(api.get("/api/rollups/plans/" + plan + "?underUnit=" + district)).valueStream()
                .filter(l -> l.get("unitCode").asString().equals(unitCode)).findFirst().orElseThrow();
    }

    /** The due dates of the unit's occurrences announced due soon or overdue so far. */
    private static List<String> chased(String unitCode) {
        List<TaskOccurrenceFacts> announced = new ArrayList<>();
        TaskEvents.published(KAFKA, EventCatalog.TASK_DUE_SOON).forEach(e -> announced.add(e.occurrence()));
        TaskEvents.published(KAFKA, EventCatalog.TASK_OVERDUE).forEach(e -> announced.add(e.occurrence()));
        return announced.stream().filter(o -> o.unitCode().equals(unitCode)).map(o -> o.dueDate().toString()).sorted().toList();
    }

    private Map<String, List<String>> settledSnapshot(String plan) {
        await().atMost(Duration.ofSeconds(60)).until(() -> KAFKA.lag("task-service", Topics.UNIT_EVENTS) == 0 && relay.pending() == 0);
        Map<String, List<String>> snapshot = new TreeMap<>();
        for (String collection : List.of("tasks", "occurrences")) {
            snapshot.put(collection, mongo.find(Query.query(Criteria.where("planId").is(plan)), Document.class, collection).stream()
                    .map(Document::toJson).sorted().toList());
        }
        snapshot.put("units", mongo.find(Query.query(Criteria.where("ancestorCodes").is(district)), Document.class, "units").stream()
                .map(Document::toJson).sorted().toList());
        return snapshot;
    }

    private static void unit(String code, String name, String level, String... ancestors) {
        List<String> path = List.of(ancestors);
        KAFKA.publish(EventCatalog.UNIT_REGISTERED, PROVINCE,
                new UnitRecorded(code, name, level, "GOVERNMENT", path.isEmpty() ? null : path.get(path.size() - 1), PROVINCE, path, null));
    }
}
