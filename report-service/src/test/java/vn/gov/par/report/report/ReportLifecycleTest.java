package vn.gov.par.report.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.plan.SubPlanObligationCreated;
import vn.gov.par.contracts.task.TaskAssigned;
import vn.gov.par.contracts.task.TaskCompleted;
import vn.gov.par.contracts.task.TaskOccurrenceFacts;
import vn.gov.par.contracts.task.TaskReopened;
import vn.gov.par.contracts.task.TasksAssigned;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.report.ReportingFixture;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.MetricsScrape;
import vn.gov.par.testsupport.MutableClock;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.TestTokens;

/**
 * Bình Phước's 2025 plan asks for quarterly, 6-, 9-month and annual reports; huyện Hớn Quản's sub-plan asks
 * its communes for 6-month and annual ones. The events arrive as plan-service and task-service publish
 * them; the communes report on time, late, or not at all, and the district sees it all rolled up.
 */
@PlatformIntegrationTest
class ReportLifecycleTest {

    private static final KafkaTopicProbe KAFKA = KafkaTopicProbe.embedded();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String PROVINCE_PLAN = "bp-2025-" + RUN;
    private static final String DISTRICT_PLAN = "hq-2025-" + RUN;
    private static final Map<String, String> COMMUNES = Map.of("25357", "UBND thị trấn Tân Khai", "25327", "UBND xã Thanh An",
            "25330", "UBND xã An Khương");

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Reports reports;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReportGauges gauges;

    HttpJson api;

    @BeforeAll
    static void publishTheCascade() {
        new ReportingFixture(KAFKA, 1).nationalGovernment();
        unit("70", "UBND tỉnh Bình Phước", "PROVINCE", "TW");
        unit("694", "UBND huyện Hớn Quản", "DISTRICT", "TW", "70");
        COMMUNES.forEach((code, name) -> unit(code, name, "COMMUNE", "TW", "70", "694"));
        KAFKA.publish(EventCatalog.PLAN_ISSUED, PROVINCE_PLAN, plan(PROVINCE_PLAN, null, "96/KH-UBND", "70", "UBND tỉnh Bình Phước",
                "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ)."));
        oblige(PROVINCE_PLAN, "70", "694", "UBND huyện Hớn Quản", List.of("TW", "70"));
        KAFKA.publish(EventCatalog.PLAN_ISSUED, DISTRICT_PLAN, plan(DISTRICT_PLAN, PROVINCE_PLAN, "35/KH-UBND", "694", "UBND huyện Hớn Quản",
                "Định kỳ 6 tháng, năm, báo cáo kết quả thực hiện Kế hoạch gửi về UBND huyện (qua Phòng Nội vụ)."));
        COMMUNES.forEach((code, name) -> oblige(DISTRICT_PLAN, "694", code, name, List.of("TW", "70", "694")));
        KAFKA.publish(EventCatalog.TASK_ASSIGNED, "70", new TaskAssigned("task-" + RUN, DISTRICT_PLAN, PROVINCE_PLAN, "35/KH-UBND", "25327",
                "UBND xã Thanh An", "70", "LEAD", "a", "Đăng tin, bài tuyên truyền", "Mỗi tháng 01 bản tin", 1, "MONTH", "hàng tháng",
                "MONTHLY", IntStream.rangeClosed(1, 12).mapToObj(m -> LocalDate.of(2025, m, 1).plusMonths(1).minusDays(1)).toList(), 0,
                "Kế hoạch huyện", List.of()));
        // Thanh An also cooperates on another unit's monthly work, none of it done by Thanh An: not its work to be scored on.
        KAFKA.publish(EventCatalog.TASK_ASSIGNED, "70", new TaskAssigned("task-coop-" + RUN, DISTRICT_PLAN, PROVINCE_PLAN, "35/KH-UBND", "25327",
                "UBND xã Thanh An", "70", "COOPERATING", "b", "Tổ chức hội nghị", "Mỗi tháng 01 hội nghị", 1, "MONTH", "hàng tháng",
                "MONTHLY", IntStream.rangeClosed(1, 12).mapToObj(m -> LocalDate.of(2025, m, 1).plusMonths(1).minusDays(1)).toList(), 1,
                "Kế hoạch huyện", List.of()));
        for (int month = 1; month <= 5; month++) {
            LocalDate due = LocalDate.of(2025, month, 1).plusMonths(1).minusDays(1);
            KAFKA.publish(EventCatalog.TASK_COMPLETED, "70", new TaskCompleted(new TaskOccurrenceFacts("occ-" + RUN + "-" + month, "task-" + RUN,
                    DISTRICT_PLAN, "35/KH-UBND", "Kế hoạch huyện", "25327", "UBND xã Thanh An", "70", "LEAD", "Đăng tin, bài tuyên truyền",
                    "Tháng " + month + "/2025", due), due.minusDays(2), true, 2, List.of(), "Đăng 02 tin tháng " + month));
        }
    }

    @BeforeEach
    void setUp() {
        api = HttpJson.onPort(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> total("/api/reports?recipientUnitCode=694&planId=" + DISTRICT_PLAN) == 6
                && total("/api/reports?unitCode=694&planId=" + PROVINCE_PLAN) == 4);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void obligationsFollowEachPlansClauseWithItsDueDaysAndCutOffs() {
        JsonNode district = api.ok(api.get("/api/reports?unitCode=694&planId=" + PROVINCE_PLAN)).get("content");
        assertThat(district).extracting(r -> r.get("periodName").asString())
                .containsExactly("Quý I/2025", "6 tháng đầu năm 2025", "9 tháng đầu năm 2025", "Năm 2025");
        assertThat(district).extracting(r -> r.get("dueDate").asString()).containsExactly("2025-03-20", "2025-06-20", "2025-09-20", "2025-12-20");
        assertThat(district.get(0).get("periodFrom").asString()).isEqualTo("2024-12-15");
        assertThat(district.get(0).get("periodTo").asString()).isEqualTo("2025-03-14");
        assertThat(district.get(0).get("via").asString()).isEqualTo("Sở Nội vụ");
        JsonNode commune = api.ok(api.get("/api/reports?unitCode=25327&planId=" + DISTRICT_PLAN)).get("content");
        assertThat(commune).extracting(r -> r.get("periodType").asString()).containsExactly("HALF_YEAR", "YEAR");
        assertThat(commune).extracting(r -> r.get("status").asString()).containsOnly("EXPECTED");
        assertThat(api.ok(api.post("/api/reporting-schedules/parse", Map.of("text", "hang quy, 06 thang, 09 thang va nam", "year", 2025)))
                .get("periods")).hasSize(4);
    }

    @Test
    void aCommuneThatSubmitsLateShowsInTheDistrictsRollupAndTheDocument() throws Exception {
        clock.setDate(LocalDate.of(2025, 6, 18));
        submit(report("25357", "HALF_YEAR"), indicators(5, 2), "Nguyễn Thị Lan");
        submit(report("694", "HALF_YEAR"), indicators(20, 6), "Lê Văn Hùng");
        clock.setDate(LocalDate.of(2025, 6, 25));
        JsonNode late = submit(report("25327", "HALF_YEAR"), indicators(7, 1), "Trần Văn Minh");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.ok(api.get("/api/scores/plan-execution?unitCode=25327&year=2025")).get("done").asInt() == 5);
        assertThat(late.get("submissions").get(0).get("onTime").asBoolean()).isFalse();

        // The district's leader reads it: every report below the district is its to see.
        HttpJson district = api.as(TestTokens.leaderOf("694"));
        JsonNode rollup = district.ok(district.get("/api/rollups/reports?unitCode=694&rootPlanId=" + PROVINCE_PLAN + "&periodType=HALF_YEAR"));

        JsonNode everything = rollup.get("subtree");
        assertThat(everything.get("expected").asInt()).isEqualTo(4);
        assertThat(everything.get("onTime").asInt()).isEqualTo(2);
        assertThat(everything.get("late").asInt()).isEqualTo(1);
        assertThat(everything.get("missing").asInt()).isEqualTo(1);
        assertThat(everything.get("onTimeRate").asDouble()).isEqualTo(0.5);
        assertThat(everything.get("completeness").asDouble()).isEqualTo(0.75);
        assertThat(rollup.get("own").get("expected").asInt()).as("the district's own, to the province").isEqualTo(1);
        assertThat(rollup.get("owedToUnit").get("expected").asInt()).as("its three communes'").isEqualTo(3);
        assertThat(rollup.get("ownIndicators").get("newsArticles").asInt()).isEqualTo(20);
        assertThat(rollup.get("belowIndicators").get("newsArticles").asInt()).isEqualTo(12);
        assertThat(rollup.get("totals").get("newsArticles").asInt()).isEqualTo(32);
        assertThat(rollup.get("units")).extracting(u -> u.get("unitCode").asString() + ":" + u.get("submission").asString())
                .containsExactly("694:ON_TIME", "25327:LATE", "25330:MISSING", "25357:ON_TIME");
        JsonNode thanhAn = rollup.get("units").get(1);
        assertThat(thanhAn.get("execution").get("due").asInt()).as("the work it leads due January to May, by the 14 June cut-off").isEqualTo(5);
        assertThat(thanhAn.get("execution").get("score").asDouble()).isEqualTo(1.0);

        byte[] docx = RestClient.create("http://localhost:" + port).get()
                .uri("/api/rollups/reports.docx?unitCode=694&rootPlanId=" + PROVINCE_PLAN + "&periodType=HALF_YEAR")
                .headers(headers -> headers.setBearerAuth(TestTokens.leaderOf("694"))).retrieve().body(byte[].class);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx)); var text = new XWPFWordExtractor(document)) {
            assertThat(text.getText()).contains("BÁO CÁO TỔNG HỢP", "6 tháng đầu năm 2025", "96/KH-UBND", "UBND xã Thanh An", "Trễ hạn",
                    "Chưa nộp", "32", "1,00 / 1 (100,0%)");
            assertThat(text.getText()).as("what the three communes owe the district: 1 on time, 2 of 3 submitted")
                    .contains("phải nộp về UBND huyện Hớn Quản trong kỳ: 3", "33,3%", "66,7%");
        }
    }

    @Test
    void aReturnedReportIsResubmittedAndEveryVersionKeptThenLockedOnceAccepted() {
        String report = report("25330", "YEAR");
        clock.setDate(LocalDate.of(2025, 12, 10));
        submit(report, indicators(9, 3), "Phạm Thị Hoa");

        HttpJson district = api.as(TestTokens.leaderOf("694"));
        JsonNode returned = district.ok(district.post("/api/reports/" + report + "/return", Map.of("by", "Phòng Nội vụ huyện Hớn Quản",
                "comment", "Bổ sung số liệu hội nghị tập huấn")));
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        JsonNode resubmitted = submit(report, indicators(9, 5), "Phạm Thị Hoa");
        JsonNode accepted = district.ok(district.post("/api/reports/" + report + "/accept", Map.of("by", "Phòng Nội vụ huyện Hớn Quản")));

        assertThat(resubmitted.get("submissions")).hasSize(2);
        assertThat(accepted.get("submissions").get(0).get("content").get("indicators").get("conferencesAndTrainings").asInt()).isEqualTo(3);
        assertThat(accepted.get("submissions").get(0).get("review").get("comment").asString()).isEqualTo("Bổ sung số liệu hội nghị tập huấn");
        assertThat(accepted.get("submissions").get(1).get("content").get("indicators").get("conferencesAndTrainings").asInt()).isEqualTo(5);
        HttpJson commune = api.as(TestTokens.officerOf("25330"));
        HttpJson.Response refused = commune.put("/api/reports/" + report + "/draft", Map.of("indicators", indicators(1, 1)));
        assertThat(refused.status().value()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString()).contains("Phòng Nội vụ huyện Hớn Quản chấp nhận lúc", "/12/2025");
    }

    @Test
    void theDraftIsPrefilledFromTaskProgressInThePeriod() {
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(new Query(), "unit_plan_ledger") > 0);
        JsonNode draft = await().atMost(Duration.ofSeconds(30)).until(() -> api.ok(api.get("/api/reports/" + report("25327", "HALF_YEAR") + "/draft")),
                d -> d.get("activities").get(0).get("count").asInt(-1) > 0);

        // 15/12/2024–14/06/2025 holds the completions of January to May, made two days before each month's end.
        assertThat(draft.get("activities").get(0).get("count").asInt()).isEqualTo(10);
        assertThat(draft.get("activities").get(0).get("result").asString()).contains("Đăng 02 tin tháng 1", "Đăng 02 tin tháng 5");
    }

    @Test
    void aCorrectedCompletionReplacesTheFiguresBeforeItAndAReopenedOneNoLongerCounts() {
        String task = "task-an-khuong-" + RUN;
        KAFKA.publish(EventCatalog.TASK_ASSIGNED, "70", new TaskAssigned(task, DISTRICT_PLAN, PROVINCE_PLAN, "35/KH-UBND", "25330",
                "UBND xã An Khương", "70", "LEAD", "a", "Đăng tin, bài tuyên truyền", "Mỗi tháng 01 bản tin", 1, "MONTH", "hàng tháng",
                "MONTHLY", List.of(LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 28)), 0, "Kế hoạch huyện", List.of()));
        KAFKA.publish(EventCatalog.TASK_COMPLETED, "70", anKhuongDone(task, 1, 1, "Đăng 01 tin tháng 1"));
        KAFKA.publish(EventCatalog.TASK_COMPLETED, "70", anKhuongDone(task, 1, 3, "Đăng 03 tin tháng 1 (đã sửa)"));
        KAFKA.publish(EventCatalog.TASK_COMPLETED, "70", anKhuongDone(task, 2, 4, "Đăng 04 tin tháng 2"));
        KAFKA.publish(EventCatalog.TASK_REOPENED, "70", new TaskReopened(anKhuongDone(task, 2, 4, "").occurrence(), LocalDate.of(2025, 3, 5)));
        clock.setDate(LocalDate.of(2025, 6, 1));

        JsonNode score = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.ok(api.get("/api/scores/plan-execution?unitCode=25330&year=2025")), s -> s.get("due").asInt() == 2
                        && s.get("done").asInt() == 1);
        JsonNode draft = api.ok(api.get("/api/reports/" + report("25330", "HALF_YEAR") + "/draft"));

        assertThat(score.get("score").asDouble()).as("January done, February reopened: half of the due work").isZero();
        assertThat(draft.get("activities").get(0).get("count").asInt()).as("the corrected count, once").isEqualTo(3);
        assertThat(draft.get("activities").get(0).get("result").asString()).isEqualTo("Đăng 03 tin tháng 1 (đã sửa)");
    }

    @Test
    void aUnitsTasksAnnouncedTogetherAreScoredAndOneRescheduledMeanwhileKeepsItsNewDates() {
        String rescheduled = "task-tan-khai-a-" + RUN;
        String other = "task-tan-khai-b-" + RUN;
        // The schedule set by hand overtook the first announcement of the task (they left task-service from two documents).
        KAFKA.publish(EventCatalog.TASK_ASSIGNED, "70", tanKhai(rescheduled, 0,
                List.of(LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 31))));
        TasksAssigned together = new TasksAssigned(DISTRICT_PLAN, "25357", "70",
                List.of(tanKhai(rescheduled, 0, List.of(LocalDate.of(2025, 12, 31))), tanKhai(other, 1, List.of(LocalDate.of(2025, 4, 30)))));
        KAFKA.publish(EventCatalog.TASKS_ASSIGNED, "70", together);
        KAFKA.publish(EventCatalog.TASKS_ASSIGNED, "70", together);
        String last = "task-tan-khai-c-" + RUN;
        KAFKA.publish(EventCatalog.TASK_ASSIGNED, "70", tanKhai(last, 2, List.of(LocalDate.of(2025, 5, 31))));
        clock.setDate(LocalDate.of(2025, 6, 1));

        // Events of one province are read in order: once the last is in the ledger, the ones before it are too.
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(new Query(
                Criteria.where("tasks." + last + ".activityIndex").exists(true)), "unit_plan_ledger"));
        JsonNode score = api.ok(api.get("/api/scores/plan-execution?unitCode=25357&year=2025"));
        assertThat(score.get("due").asInt()).as("January to March as set by hand, April and May: nothing counted twice").isEqualTo(5);
    }

    private static TaskAssigned tanKhai(String task, int activityIndex, List<LocalDate> dueDates) {
        return new TaskAssigned(task, DISTRICT_PLAN, PROVINCE_PLAN, "35/KH-UBND", "25357", "UBND thị trấn Tân Khai", "70", "LEAD",
                String.valueOf((char) ('a' + activityIndex)), "Đăng tin, bài tuyên truyền", null, null, null, "trong năm 2025", "ONCE", dueDates,
                activityIndex, "Kế hoạch huyện", List.of());
    }

    private static TaskCompleted anKhuongDone(String task, int month, int count, String note) {
        LocalDate due = LocalDate.of(2025, month, 1).plusMonths(1).minusDays(1);
        return new TaskCompleted(new TaskOccurrenceFacts("occ-an-khuong-" + RUN + "-" + month, task, DISTRICT_PLAN, "35/KH-UBND",
                "Kế hoạch huyện", "25330", "UBND xã An Khương", "70", "LEAD", "Đăng tin, bài tuyên truyền", "Tháng " + month + "/2025", due),
                due.minusDays(1), true, count, List.of(), note);
    }

    @Test
    void planExecutionIsScoredAsTheCommuneParIndexGuidanceDoes() {
        clock.setDate(LocalDate.of(2025, 6, 1));
        JsonNode score = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.ok(api.get("/api/scores/plan-execution?unitCode=25327&year=2025")), s -> s.get("done").asInt() == 5);

        assertThat(score.get("due").asInt()).as("January to May are due by 1 June").isEqualTo(5);
        assertThat(score.get("share").asDouble()).isEqualTo(1.0);
        assertThat(score.get("score").asDouble()).isEqualTo(1.0);
        clock.setDate(LocalDate.of(2025, 8, 1));
        assertThat(api.ok(api.get("/api/scores/plan-execution?unitCode=25327&year=2025")).get("score").asDouble())
                .as("5 of 7 done is under 90%").isZero();
    }

    @Test
    void overdueReportsAreAnnouncedOnceEvenWithTwoSweepers() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        double overdueCountedBefore = MetricsScrape.of(api).value("par_reports_overdue_announced_total", "province", "70");
        long overdueEventsBefore = overdueEventsOfProvince70();
        // The third quarter's report is due Saturday 20/09/2025: it runs to the end of Monday 22/09.
        clock.setDate(LocalDate.of(2025, 9, 22));
        reports.sweepOverdue();
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        assertThat(KAFKA.readAll(Topics.REPORT_EVENTS).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .filter(json -> json.contains(EventCatalog.REPORT_OVERDUE.name()) && json.contains(PROVINCE_PLAN)))
                .as("not overdue on the Monday its Saturday deadline ran to").noneMatch(json -> json.contains("2025-09-20"));
        assertThat(api.ok(api.get("/api/reports?planId=" + PROVINCE_PLAN + "&size=100")).get("content").valueStream()
                .filter(r -> r.get("dueDate").asString().equals("2025-09-20")))
                .as("the list shows the Monday it runs to beside the day written").isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("effectiveDueDate").asString()).isEqualTo("2025-09-22"));

        clock.setDate(LocalDate.of(2025, 9, 23));
        long neverSubmitted = api.ok(api.get("/api/reports?planId=" + PROVINCE_PLAN + "&size=100")).get("content").valueStream()
                .filter(r -> r.get("dueDate").asString().compareTo("2025-09-22") < 0 && r.get("submissions").isEmpty()).count();

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(reports::sweepOverdue);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(reports::sweepOverdue);
        first.get();
        second.get();
        reports.sweepOverdue();

        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        long announced = KAFKA.readAll(Topics.REPORT_EVENTS).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .filter(json -> json.contains(EventCatalog.REPORT_OVERDUE.name()) && json.contains(PROVINCE_PLAN)).count();
        assertThat(announced).isEqualTo(neverSubmitted).isGreaterThanOrEqualTo(2);

        gauges.refresh();
        MetricsScrape scrape = MetricsScrape.of(api);
        assertThat(scrape.value("par_reports_overdue_announced_total", "province", "70") - overdueCountedBefore)
                .as("counted once per ReportOverdue published").isEqualTo(overdueEventsOfProvince70() - overdueEventsBefore)
                .isGreaterThanOrEqualTo(neverSubmitted);
        List<JsonNode> all = allReports();
        for (String status : List.of("EXPECTED", "DRAFT", "SUBMITTED", "RETURNED", "ACCEPTED", "CANCELLED")) {
            assertThat(scrape.value("par_reports", "status", status)).as(status)
                    .isEqualTo(all.stream().filter(r -> r.get("status").asString().equals(status)).count());
        }
        assertThat(scrape.value("par_overdue", "kind", "report", "province", "70")).as("past due, never submitted, still owed")
                .isEqualTo(all.stream().filter(r -> r.get("provinceCode").asString().equals("70")
                        && r.get("dueDate").asString().compareTo("2025-09-22") < 0 && r.get("submissions").isEmpty()
                        && !r.get("status").asString().equals("CANCELLED")).count())
                .isGreaterThanOrEqualTo(neverSubmitted);
    }

    private long overdueEventsOfProvince70() {
        return KAFKA.readAll(Topics.REPORT_EVENTS).stream().filter(r -> "70".equals(r.key()))
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).filter(json -> json.contains(EventCatalog.REPORT_OVERDUE.name())).count();
    }

    private List<JsonNode> allReports() {
        List<JsonNode> all = new ArrayList<>();
        long total = total("/api/reports?size=1");
        for (int page = 0; page * 500L < total; page++) {
            api.ok(api.get("/api/reports?size=500&page=" + page)).get("content").forEach(all::add);
        }
        return all;
    }

    @Test
    void badReportsAreRefusedAndNothingIsSaved() {
        String report = report("25357", "YEAR");
        HttpJson commune = api.as(TestTokens.officerOf("25357"));
        HttpJson district = api.as(TestTokens.leaderOf("694"));
        assertThat(commune.put("/api/reports/" + report + "/draft", Map.of("indicators", indicators(-1, 0))).status().value()).isEqualTo(422);
        assertThat(commune.put("/api/reports/" + report + "/draft", "{\"indicators\": {\"newsArticles\": \"nhiều\"}}").status().value()).isEqualTo(400);
        assertThat(commune.post("/api/reports/" + report + "/submit", Map.of("by", "Ai đó")).status().value()).isEqualTo(409);
        assertThat(district.post("/api/reports/" + report + "/accept", Map.of("by", "Ai đó")).status().value()).isEqualTo(409);
        assertThat(district.post("/api/reports/" + report + "/return", Map.of("by", "Ai đó")).status().value()).isEqualTo(400);
        assertThat(api.get("/api/reports/khong-co").status().value()).isEqualTo(404);
        assertThat(api.ok(api.get("/api/reports/" + report)).get("status").asString()).isEqualTo("EXPECTED");
    }

    @Test
    void redeliveringEveryEventChangesNothing() {
        Map<String, List<String>> before = settledSnapshot();

        for (String topic : List.of(Topics.UNIT_EVENTS, Topics.PLAN_EVENTS, Topics.TASK_EVENTS)) {
            KAFKA.replay(topic, KAFKA.readAll(topic));
        }

        assertThat(settledSnapshot()).isEqualTo(before);
    }

    private Map<String, List<String>> settledSnapshot() {
        await().atMost(Duration.ofSeconds(60)).until(() -> KAFKA.lag("report-service", Topics.PLAN_EVENTS) == 0
                && KAFKA.lag("report-service", Topics.UNIT_EVENTS) == 0 && KAFKA.lag("report-service", Topics.TASK_EVENTS) == 0
                && relay.pending() == 0);
        Map<String, List<String>> snapshot = new TreeMap<>();
        for (String collection : List.of("units", "report_plans", "reports", "unit_plan_ledger")) {
            snapshot.put(collection, mongo.findAll(Document.class, collection).stream().map(Document::toJson).sorted().toList());
        }
        return snapshot;
    }

    /** Drafted and submitted by an officer of the reporting unit. */
    private JsonNode submit(String report, Map<String, Integer> indicators, String by) {
        Map<String, Object> content = Map.of("indicators", indicators, "difficulties", "Kinh phí hạn chế", "proposals", "Tăng cường tập huấn");
        HttpJson officer = ReportingFixture.officerOf(api, report);
        officer.ok(officer.put("/api/reports/" + report + "/draft", content));
        return officer.ok(officer.post("/api/reports/" + report + "/submit", Map.of("by", by)));
    }

    private String report(String unitCode, String periodType) {
        String plan = unitCode.equals("694") ? PROVINCE_PLAN : DISTRICT_PLAN;
        return api.ok(api.get("/api/reports?unitCode=" + unitCode + "&planId=" + plan + "&periodType=" + periodType)).get("content").get(0)
                .get("id").asString();
    }

    private long total(String path) {
        return api.ok(api.get(path)).get("totalElements").asLong();
    }

    private static Map<String, Integer> indicators(int newsArticles, int conferences) {
        Map<String, Integer> values = new TreeMap<>();
        for (String name : List.of("radioTvBroadcasts", "reportagesAndClips", "socialMediaPosts", "participants", "leaflets",
                "postersAndBanners", "contests", "contestEntrants")) {
            values.put(name, 1);
        }
        values.put("newsArticles", newsArticles);
        values.put("conferencesAndTrainings", conferences);
        return values;
    }

    private static void unit(String code, String name, String level, String... ancestors) {
        List<String> path = List.of(ancestors);
        KAFKA.publish(EventCatalog.UNIT_REGISTERED, "70", new UnitRecorded(code, name, level, "GOVERNMENT",
                path.isEmpty() ? null : path.get(path.size() - 1), "70", path, null));
    }

    private static PlanIssued plan(String id, String parent, String number, String issuer, String issuerName, String clause) {
        List<PlanActivity> activities = new ArrayList<>(List.of(new PlanActivity("a", "Đăng tin, bài tuyên truyền", "Mỗi tháng 01 bản tin",
                List.of("UBND các xã, thị trấn"), List.of(), "hàng tháng")));
        return new PlanIssued(id, number, "Thông tin, tuyên truyền cải cách hành chính năm 2025", 2025, issuer, issuerName, "70",
                LocalDate.of(2025, 2, 10), "Trần Tuệ Hiền", parent, PROVINCE_PLAN, null, activities, clause, LocalDate.of(2025, 3, 31));
    }

    private static void oblige(String plan, String supervisor, String unit, String unitName, List<String> ancestors) {
        KAFKA.publish(EventCatalog.SUB_PLAN_OBLIGATION_CREATED, plan, new SubPlanObligationCreated(UUID.randomUUID().toString(), plan,
                PROVINCE_PLAN, "96/KH-UBND", "Kế hoạch", supervisor, unit, unitName, "70", LocalDate.of(2025, 3, 31), "draft-" + unit,
                ancestors, null, null));
    }
}
