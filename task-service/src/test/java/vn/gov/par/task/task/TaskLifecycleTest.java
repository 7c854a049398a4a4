package vn.gov.par.task.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.task.TaskCompleted;
import vn.gov.par.contracts.task.TaskDueSoon;
import vn.gov.par.contracts.task.TaskOccurrenceFacts;
import vn.gov.par.contracts.task.TaskOverdue;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.task.HonQuanPlan;
import vn.gov.par.task.TaskEvents;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.MetricsScrape;
import vn.gov.par.testsupport.MutableClock;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.TestTokens;

/**
 * Huyện Hớn Quản's plan, issued as plan-service publishes it, becomes tasks for named units and expanded
 * groups; deadlines are swept once each however many sweepers run; progress is kept as history; and
 * every event delivered again changes nothing.
 */
@PlatformIntegrationTest
class TaskLifecycleTest {

    private static final KafkaTopicProbe KAFKA = KafkaTopicProbe.embedded();
    private static final String PLAN = "hon-quan-" + UUID.randomUUID();
    private static final String COMMUNE_PLAN = "thanh-an-" + UUID.randomUUID();

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Tasks tasks;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OccurrenceGauges gauges;

    HttpJson api;

    private static boolean plansPublished;

    @BeforeAll
    static void announceTheUnits() {
        HonQuanPlan.announceUnits(KAFKA);
    }

    /** Once the service knows the units, as it does when officials issue plans: names are matched against them. */
    private static void publishThePlans() {
        KAFKA.publish(EventCatalog.PLAN_ISSUED, PLAN, HonQuanPlan.plan(PLAN));
        KAFKA.publish(EventCatalog.PLAN_ISSUED, COMMUNE_PLAN, new PlanIssued(COMMUNE_PLAN, "12/KH-UBND",
                "Thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn xã Thanh An", 2024, "25327", "UBND xã Thanh An", "70",
                LocalDate.of(2024, 4, 10), "Lê Văn Xã", PLAN, PLAN, null, List.of(new PlanActivity("a", "Tuyên truyền trên loa truyền thanh xã",
                        null, List.of("UBND xã Thanh An"), List.of(), "trong năm 2024")), "Định kỳ 6 tháng, năm", null));
    }

    @BeforeEach
    void setUp() {
        api = HttpJson.onPort(port);
        if (!plansPublished) {
            HonQuanPlan.awaitUnitsKnown(api);
            publishThePlans();
            plansPublished = true;
        }
        // The plan's texts are kept once it is taken in, and its last tasks after them: once the texts are there and no plan
        // waits for its assignment, all its tasks are.
        await().atMost(Duration.ofSeconds(30)).until(() -> api.ok(api.get("/api/plans/" + PLAN + "/unresolved-assignees")).size() == 4
                && waitingAssignments() == 0);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void namedUnitsAndGroupsOfTheIssuersSubtreeGetTasksInTheirRoles() {
        assertThat(roles("a")).containsExactlyInAnyOrderEntriesOf(withRole(Map.of(HonQuanPlan.CULTURE_OFFICE, "LEAD", "694-TTVHTT", "COOPERATING"),
                HonQuanPlan.COMMUNES, "LEAD"));
        Map<String, String> b = roles("b");
        assertThat(b.keySet()).containsExactlyInAnyOrderElementsOf(concat(HonQuanPlan.AGENCIES, HonQuanPlan.COMMUNES));
        assertThat(b.values()).as("a unit named as lead and as cooperating leads").containsOnly("LEAD");
        Map<String, String> bulletin = roles("đ");
        assertThat(bulletin).containsEntry(HonQuanPlan.HOME_AFFAIRS, "LEAD").containsEntry(HonQuanPlan.CULTURE_OFFICE, "LEAD")
                .containsEntry("694-VP", "COOPERATING").containsEntry("25330", "COOPERATING")
                .doesNotContainKey(HonQuanPlan.OTHER_DISTRICTS_HOME_AFFAIRS).doesNotContainKey("25216");
        assertThat(roles("k")).containsEntry("694-DTTTH", "LEAD").containsEntry(HonQuanPlan.HOME_AFFAIRS, "COOPERATING").hasSize(9);
        assertThat(roles("x")).as("nobody in the directory is 'Ban Tuyên giáo Huyện ủy'").isEmpty();

        JsonNode unresolved = api.ok(api.get("/api/plans/" + PLAN + "/unresolved-assignees"));
        assertThat(StreamSupport.stream(unresolved.spliterator(), false).map(u -> u.get("text").asString()))
                .contains("Ban Tuyên giáo Huyện ủy", "Trung tâm Văn hóa - Thể thao huyện và các cơ quan, đơn vị liên quan");
    }

    @Test
    void timeframesBecomeOccurrencesAndTargetsArePerPeriod() {
        JsonNode bulletin = occurrencesOf("đ", HonQuanPlan.HOME_AFFAIRS);
        assertThat(dueDates(bulletin)).containsExactly("2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31");
        assertThat(dueDates(occurrencesOf("b", "25327"))).containsExactly("2024-12-31");
        assertThat(occurrencesOf("a", "25327")).as("ongoing work waits for the plan's report periods to be checked").isEmpty();
        JsonNode task = api.ok(api.get("/api/tasks/" + taskId("đ", HonQuanPlan.HOME_AFFAIRS))).get("task");
        assertThat(task.get("targetCount").asInt()).isEqualTo(1);
        assertThat(task.get("targetPer").asString()).isEqualTo("QUARTER");
        assertThat(task.get("product").asString()).isEqualTo("Mỗi quý 01 bản tin");
    }

    @Test
    void anUnrecognisedTimeframeIsListedAndScheduledByHand() {
        JsonNode unrecognised = api.ok(api.get("/api/tasks/unrecognised-schedules?planId=" + PLAN));
        assertThat(unrecognised).hasSize(1);
        assertThat(unrecognised.get(0).get("timeframe").asString()).isEqualTo("sau khi có hướng dẫn của tỉnh");
        String taskId = unrecognised.get(0).get("id").asString();
        assertThat(api.ok(api.get("/api/tasks/" + taskId)).get("occurrences")).isEmpty();

        // The district that issued the plan decides when its work is due.
        HttpJson issuer = api.as(TestTokens.officerOf(HonQuanPlan.DISTRICT));
        JsonNode scheduled = issuer.ok(issuer.put("/api/tasks/" + taskId + "/schedule", Map.of("dueDates", List.of("2024-10-15", "2024-06-15"))));

        assertThat(scheduled.get("history")).as("who set the dates is kept").singleElement().satisfies(change -> {
            assertThat(change.get("action").asString()).isEqualTo("SCHEDULE_SET");
            assertThat(change.get("by").get("unitCode").asString()).isEqualTo(HonQuanPlan.DISTRICT);
            assertThat(change.get("by").get("name").asString()).isEqualTo("can-bo-" + HonQuanPlan.DISTRICT);
        });
        assertThat(dueDates(api.ok(api.get("/api/tasks/" + taskId)).get("occurrences"))).containsExactly("2024-06-15", "2024-10-15");
        assertThat(api.ok(api.get("/api/tasks/unrecognised-schedules?planId=" + PLAN))).isEmpty();
        assertThat(issuer.put("/api/tasks/" + taskId + "/schedule", Map.of("dueDates", List.of("2024-11-01"))).status().value()).isEqualTo(409);
    }

    @Test
    void theSweepMarksOverdueOnceEvenWithTwoSweepersAndAnnouncesWhatIsDueSoon() throws Exception {
        clock.setDate(LocalDate.of(2024, 4, 2));
        long dueInFirstQuarter = total("/api/tasks?planId=" + PLAN + "&dueTo=2024-03-31");
        assertThat(dueInFirstQuarter).isGreaterThan(5);
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        double overdueCountedBefore = MetricsScrape.of(api).value("par_tasks_overdue_announced_total", "province", "70");
        long overdueEventsBefore = overdueEventsOfProvince("70");

        // Both bypass the lock the scheduled sweep takes: the revision guard alone must keep them from publishing twice.
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(tasks::sweepDeadlines);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(tasks::sweepDeadlines);
        CompletableFuture.allOf(first, second).get();
        assertThat(tasks.sweepDeadlines()).as("a later sweep finds nothing left").isZero();

        clock.setDate(LocalDate.of(2024, 6, 25));
        long dueInJune = total("/api/tasks?planId=" + PLAN + "&dueFrom=2024-06-25&dueTo=2024-07-02");
        CompletableFuture.allOf(CompletableFuture.runAsync(tasks::sweepDeadlines), CompletableFuture.runAsync(tasks::sweepDeadlines)).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        long overdue = total("/api/tasks?planId=" + PLAN + "&status=OVERDUE");
        assertThat(overdue).isGreaterThanOrEqualTo(dueInFirstQuarter);
        List<String> overdueAnnounced = TaskEvents.published(KAFKA, EventCatalog.TASK_OVERDUE).stream().map(TaskOverdue::occurrence)
                .filter(o -> o.planId().equals(PLAN)).map(TaskOccurrenceFacts::occurrenceId).toList();
        assertThat(overdueAnnounced).as("one TaskOverdue per overdue occurrence").hasSize((int) overdue).doesNotHaveDuplicates();
        List<String> dueSoonAnnounced = TaskEvents.published(KAFKA, EventCatalog.TASK_DUE_SOON).stream().map(TaskDueSoon::occurrence)
                .filter(o -> o.planId().equals(PLAN)).map(TaskOccurrenceFacts::occurrenceId).toList();
        assertThat(dueSoonAnnounced).hasSize((int) dueInJune).doesNotHaveDuplicates();

        gauges.refresh();
        MetricsScrape scrape = MetricsScrape.of(api);
        assertThat(scrape.value("par_tasks_overdue_announced_total", "province", "70") - overdueCountedBefore)
                .as("counted once per TaskOverdue published").isEqualTo(overdueEventsOfProvince("70") - overdueEventsBefore)
                .isGreaterThanOrEqualTo(overdue);
        for (OccurrenceStatus status : OccurrenceStatus.values()) {
            assertThat(scrape.value("par_tasks", "status", status.name())).as(status.name())
                    .isEqualTo(total("/api/tasks?status=" + status));
        }
        assertThat(scrape.value("par_overdue", "kind", "task", "province", "70")).isEqualTo(total("/api/tasks?status=OVERDUE&provinceCode=70"))
                .isGreaterThanOrEqualTo(overdue);
    }

    private static long overdueEventsOfProvince(String provinceCode) {
        return TaskEvents.published(KAFKA, EventCatalog.TASK_OVERDUE).stream().filter(e -> provinceCode.equals(e.occurrence().provinceCode()))
                .count();
    }

    @Test
    void progressIsKeptAsHistoryAndCompletionPublishedAgainOnlyWhenItsFiguresChange() {
        clock.setDate(LocalDate.of(2024, 9, 20));
        String occurrence = occurrencesOf("đ", HonQuanPlan.CULTURE_OFFICE).get(2).get("id").asString();
        HttpJson office = api.as(TestTokens.officerOf(HonQuanPlan.CULTURE_OFFICE));

        JsonNode done = office.ok(office.post("/api/occurrences/" + occurrence + "/progress", Map.of("done", true, "doneOn", "2024-09-18",
                "count", 1, "links", List.of("https://honquan.binhphuoc.gov.vn/ban-tin-cchc-quy-3"), "note", "Đã phát hành bản tin quý III")));
        assertThat(done.get("status").asString()).isEqualTo("DONE_ON_TIME");
        assertThat(done.get("progress").get(0).get("recordedBy").get("unitCode").asString()).isEqualTo(HonQuanPlan.CULTURE_OFFICE);
        JsonNode corrected = office.ok(office.post("/api/occurrences/" + occurrence + "/progress",
                Map.of("done", true, "doneOn", "2024-09-18", "count", 2, "note", "Bổ sung: phát hành thêm 01 số đặc biệt")));
        assertThat(corrected.get("progress")).hasSize(2);
        assertThat(corrected.get("progress").get(0).get("count").asInt()).as("the first record is kept").isEqualTo(1);
        office.ok(office.post("/api/occurrences/" + occurrence + "/progress",
                Map.of("done", true, "doneOn", "2024-09-18", "count", 2, "note", "Bổ sung: phát hành thêm 01 số đặc biệt")));

        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        List<TaskCompleted> completions = TaskEvents.published(KAFKA, EventCatalog.TASK_COMPLETED).stream()
                .filter(c -> c.occurrence().occurrenceId().equals(occurrence)).toList();
        assertThat(completions).as("the completion, then its corrected figures; the same figures again publish nothing")
                .extracting(TaskCompleted::count).containsExactly(1, 2);

        assertThat(api.ok(api.get("/api/rollups/units/" + HonQuanPlan.CULTURE_OFFICE + "?planId=" + PLAN)).get("doneOnTime").asInt())
                .isEqualTo(1);
        JsonNode rollup = api.ok(api.get("/api/rollups/plans/" + PLAN + "?underUnit=694"));
        assertThat(rollup.get(0).get("unitCode").asString()).isEqualTo("694");
        assertThat(rollup.get(0).get("subtree").get("doneOnTime").asInt()).isEqualTo(1);
    }

    @Test
    void aPlansRollupTakesInTheSubPlansOfTheUnitsBelow() {
        await().atMost(Duration.ofSeconds(30)).until(() -> total("/api/tasks?planId=" + COMMUNE_PLAN) == 1);
        long thanhAn = total("/api/tasks?planId=" + PLAN + "&unitCode=25327") + total("/api/tasks?planId=" + COMMUNE_PLAN);

        JsonNode rollup = api.ok(api.get("/api/rollups/plans/" + PLAN + "?underUnit=694"));

        JsonNode line = rollup.valueStream().filter(l -> l.get("unitCode").asString().equals("25327")).findFirst().orElseThrow();
        JsonNode own = line.get("own");
        assertThat(own.get("notDue").asLong() + own.get("overdue").asLong() + own.get("doneOnTime").asLong() + own.get("doneLate").asLong()
                + own.get("onDemand").asLong()).as("the commune's tasks under the district plan and under its own").isEqualTo(thanhAn);
    }

    @Test
    void badProgressIsRefusedAndNothingIsRecorded() {
        clock.setDate(LocalDate.of(2024, 5, 1));
        String occurrence = occurrencesOf("đ", HonQuanPlan.HOME_AFFAIRS).get(1).get("id").asString();
        HttpJson api = this.api.as(TestTokens.officerOf(HonQuanPlan.HOME_AFFAIRS));

        assertThat(api.post("/api/occurrences/" + occurrence + "/progress", Map.of("done", true)).status().value()).isEqualTo(422);
        assertThat(api.post("/api/occurrences/" + occurrence + "/progress", Map.of("done", true, "doneOn", "2024-12-01")).status().value())
                .isEqualTo(422);
        assertThat(api.post("/api/occurrences/" + occurrence + "/progress", Map.of("done", true, "doneOn", "2024-04-31")).status().value())
                .isEqualTo(400);
        assertThat(api.post("/api/occurrences/" + occurrence + "/progress", Map.of("done", false, "count", -1)).status().value())
                .isEqualTo(400);
        assertThat(api.post("/api/occurrences/khong-co/progress", Map.of("done", false)).status().value()).isEqualTo(404);
        assertThat(api.post("/api/occurrences/" + occurrence + "/progress", "{\"done\": false, \"links\": [null]}").status().value())
                .isEqualTo(400);
        assertThat(api.ok(api.get("/api/tasks/" + taskId("đ", HonQuanPlan.HOME_AFFAIRS))).get("occurrences").get(1).get("progress")).isEmpty();
        assertThat(api.post("/api/timeframes/parse", Map.of("text", "hàng quý")).status().value()).isEqualTo(400);
    }

    @Test
    void redeliveringEveryEventChangesNothing() {
        Map<String, List<String>> before = settledSnapshot();

        KAFKA.replay(Topics.UNIT_EVENTS, KAFKA.readAll(Topics.UNIT_EVENTS));
        KAFKA.replay(Topics.PLAN_EVENTS, KAFKA.readAll(Topics.PLAN_EVENTS));

        assertThat(settledSnapshot()).isEqualTo(before);
    }

    @Test
    void theListNarrowsToAUnitsSubtreeAndItsFiltersAreIndexedWithTheirSort() {
        assertThat(total("/api/tasks?planId=" + PLAN + "&underUnit=25327")).isEqualTo(total("/api/tasks?planId=" + PLAN + "&unitCode=25327"))
                .isPositive();
        assertThat(total("/api/tasks?planId=" + PLAN + "&underUnit=694")).isEqualTo(total("/api/tasks?planId=" + PLAN));
        assertThat(total("/api/tasks?planId=" + PLAN + "&underUnit=691")).isZero();

        List<List<String>> indexes = mongo.indexOps("occurrences").getIndexInfo().stream()
                .map(index -> index.getIndexFields().stream().map(field -> field.getKey()).toList()).toList();
        assertThat(indexes).contains(List.of("planId", "dueDate", "unitCode", "releasedOn"),
                List.of("planId", "status", "dueDate", "unitCode", "releasedOn"), List.of("unitCode", "dueDate", "releasedOn"),
                List.of("provinceCode", "status", "dueDate", "unitCode", "releasedOn"), List.of("dueDate", "unitCode", "releasedOn"),
                List.of("ancestorCodes", "dueDate", "unitCode", "releasedOn"));
    }

    private double waitingAssignments() {
        MetricsScrape metrics = MetricsScrape.of(api);
        assertThat(metrics.has("par_tasks_assignments_waiting")).as("the gauge of plans waiting for their assignment").isTrue();
        return metrics.value("par_tasks_assignments_waiting");
    }

    private long total(String path) {
        return api.ok(api.get(path + (path.contains("?") ? "&" : "?") + "size=1")).get("totalElements").asLong();
    }

    private Map<String, List<String>> settledSnapshot() {
        await().atMost(Duration.ofSeconds(60)).until(() -> KAFKA.lag("task-service", Topics.PLAN_EVENTS) == 0
                && KAFKA.lag("task-service", Topics.UNIT_EVENTS) == 0 && relay.pending() == 0);
        Map<String, List<String>> snapshot = new TreeMap<>();
        for (String collection : List.of("units", "tasks", "occurrences", "issued_plans", "report_periods")) {
            snapshot.put(collection, mongo.findAll(Document.class, collection).stream().map(Document::toJson).sorted().toList());
        }
        return snapshot;
    }


    private Map<String, String> roles(String activityLabel) {
        Map<String, String> roles = new TreeMap<>();
        for (JsonNode task : api.ok(api.get("/api/plans/" + PLAN + "/tasks?size=500")).get("content")) {
            if (task.get("activityLabel").asString().equals(activityLabel)) {
                roles.put(task.get("unitCode").asString(), task.get("role").asString());
            }
        }
        return roles;
    }

    private String taskId(String activityLabel, String unitCode) {
        for (JsonNode task : api.ok(api.get("/api/plans/" + PLAN + "/tasks?size=500&unitCode=" + unitCode)).get("content")) {
            if (task.get("activityLabel").asString().equals(activityLabel)) {
                return task.get("id").asString();
            }
        }
        throw new AssertionError("No task " + activityLabel + " for " + unitCode);
    }

    private JsonNode occurrencesOf(String activityLabel, String unitCode) {
        return api.ok(api.get("/api/tasks/" + taskId(activityLabel, unitCode))).get("occurrences");
    }

    private static List<String> dueDates(JsonNode occurrences) {
        return StreamSupport.stream(occurrences.spliterator(), false).map(o -> o.get("dueDate").asString()).toList();
    }

    private static Map<String, String> withRole(Map<String, String> named, List<String> codes, String role) {
        Map<String, String> all = new TreeMap<>(named);
        codes.forEach(c -> all.put(c, role));
        return all;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
