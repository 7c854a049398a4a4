package vn.gov.par.task.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.report.ReportPeriodFacts;
import vn.gov.par.contracts.report.ReportPeriodsScheduled;
import vn.gov.par.contracts.task.ScheduledOccurrence;
import vn.gov.par.contracts.task.TaskAssigned;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.task.HonQuanIntegrationTest;
import vn.gov.par.task.HonQuanPlan;
import vn.gov.par.task.TaskEvents;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.StoreCommands;
import vn.gov.par.testsupport.TestTokens;
import vn.gov.par.testsupport.StoreCommands.Command;

/**
 * Ongoing ("thường xuyên") and periodic ("định kỳ") work is checked at each of the plan's report periods, on the period's
 * data cut-off, whichever of the plan and its periods reaches task-service first.
 */
class ReportPeriodCheckpointsTest extends HonQuanIntegrationTest {

    /** "Định kỳ hàng quý, 6 tháng, 9 tháng và năm", with the cut-offs of Decree 09/2019/NĐ-CP: the 14th of the quarter's last month. */
    private static final List<ReportPeriodFacts> QUARTERLY_AND_HALF_YEARLY = List.of(
            period("Q1", "Quý I/2024", "2023-12-15", "2024-03-14", "2024-03-20"),
            period("Q2", "Quý II/2024", "2024-03-15", "2024-06-14", "2024-06-20"),
            period("HALF_YEAR", "6 tháng đầu năm 2024", "2023-12-15", "2024-06-14", "2024-06-20"),
            period("Q3", "Quý III/2024", "2024-06-15", "2024-09-14", "2024-09-20"),
            period("NINE_MONTHS", "9 tháng đầu năm 2024", "2023-12-15", "2024-09-14", "2024-09-20"),
            period("Q4", "Quý IV/2024", "2024-09-15", "2024-12-14", "2024-12-20"),
            period("YEAR", "Năm 2024", "2023-12-15", "2024-12-14", "2024-12-20"));

    @Autowired
    ReportPeriods reportPeriods;

    @Autowired
    OutboxRelay relay;

    @Autowired
    ReportPeriodCheckpoints checkpoints;

    @Autowired
    StoreCommands store;

    @Test
    void periodsArrivingAfterThePlanBecomeTheCheckpointsOfItsOngoingAndPeriodicWork() {
        String plan = issue(LocalDate.of(2024, 1, 10));
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks(plan).size() == 3);
        assertThat(dueDates(plan, "a")).as("no checkpoint until the periods are known").isEmpty();

        schedulePeriods(plan, true, QUARTERLY_AND_HALF_YEARLY);

        List<String> cutOffs = List.of("2024-03-14", "2024-06-14", "2024-09-14", "2024-12-14");
        await().atMost(Duration.ofSeconds(30)).until(() -> dueDates(plan, "a").equals(cutOffs) && dueDates(plan, "b").equals(cutOffs));
        assertThat(dueDates(plan, "c")).as("dated work keeps its own date").containsExactly("2024-12-31");
        assertThat(occurrences(plan, "a").get(1).get("label").asString()).isEqualTo("Kỳ báo cáo Quý II/2024, 6 tháng đầu năm 2024");
        assertThat(lastAssigned(taskId(plan, "a")).occurrences()).extracting(o -> o.dueDate().toString())
                .as("consumers learn the new checkpoints").isEqualTo(cutOffs);
    }

    @Test
    void periodsKnownBeforeThePlanAreItsCheckpointsFromTheStart() {
        String plan = "ongoing-" + UUID.randomUUID();
        schedulePeriods(plan, true, QUARTERLY_AND_HALF_YEARLY);
        await().atMost(Duration.ofSeconds(30)).until(() -> reportPeriods.of(plan).isPresent());

        issue(plan, LocalDate.of(2024, 4, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks(plan).size() == 3);

        List<String> askedAfterIssue = List.of("2024-06-14", "2024-09-14", "2024-12-14");
        assertThat(dueDates(plan, "a")).as("the first quarter's cut-off came before the plan").isEqualTo(askedAfterIssue);
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        assertThat(TaskEvents.assignments(KAFKA).stream().filter(t -> t.taskId().equals(taskId(plan, "a"))))
                .as("assigned once, already with its checkpoints").singleElement()
                .extracting(t -> t.occurrences().stream().map(o -> o.dueDate().toString()).toList()).isEqualTo(askedAfterIssue);
    }

    @Test
    void aReportingClauseNobodyCouldReadMeansACheckAtTheEndOfThePlansYear() {
        String plan = issue(LocalDate.of(2024, 1, 10));
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks(plan).size() == 3);

        schedulePeriods(plan, false, List.of());

        await().atMost(Duration.ofSeconds(30)).until(() -> dueDates(plan, "a").equals(List.of("2024-12-31")));
    }

    @Test
    void periodsSetAgainReplaceTheCheckpointsButKeepThoseWithProgress() {
        String plan = issue(LocalDate.of(2024, 1, 10));
        schedulePeriods(plan, true, QUARTERLY_AND_HALF_YEARLY);
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks(plan).size() == 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> dueDates(plan, "a").size() == 4);
        clock.setDate(LocalDate.of(2024, 6, 10));
        String worked = occurrences(plan, "a").get(1).get("id").asString();
        HttpJson office = api.as(TestTokens.officerOf(HonQuanPlan.HOME_AFFAIRS));
        office.ok(office.post("/api/occurrences/" + worked + "/progress", Map.of("done", false, "note", "Đã đăng 05 tin, đang biên tập phóng sự")));

        schedulePeriods(plan, true, List.of(period("HALF_YEAR", "6 tháng đầu năm 2024", "2024-01-01", "2024-06-30", "2024-07-05"),
                period("YEAR", "Năm 2024", "2024-01-01", "2024-12-31", "2025-01-05")));

        await().atMost(Duration.ofSeconds(30)).until(() -> dueDates(plan, "a").equals(List.of("2024-06-14", "2024-06-30", "2024-12-31")));
        assertThat(occurrences(plan, "a").get(0).get("progress")).as("the history is kept with its occurrence").hasSize(1);
    }

    /**
     * The country has some forty thousand tasks and a hundred thousand occurrences, and a store without secondary indexes
     * reads every document for a query not on {@code _id}: the periods of each of four thousand plans must find the plan's
     * tasks, and the occurrences they add and remove, by id.
     */
    @Test
    void periodsArrivingAndSetAgainFindThePlansTasksAndTheirOccurrencesById() {
        String plan = issue(LocalDate.of(2024, 1, 10));
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks(plan).size() == 3);
        ReportPeriodsScheduled arrived = periods(plan, true, QUARTERLY_AND_HALF_YEARLY);
        ReportPeriodsScheduled setAgain = periods(plan, true, List.of(period("YEAR", "Năm 2024", "2024-01-01", "2024-12-31", "2025-01-05")));

        List<Command> asked = store.during(() -> {
            checkpoints.onReportPeriodsScheduled(arrived);
            checkpoints.onReportPeriodsScheduled(setAgain);
        });

        assertThat(dueDates(plan, "a")).as("the quarterly checkpoints added, then replaced").containsExactly("2024-12-31");
        List<Command> ofTasks = asked.stream().filter(c -> Set.of("tasks", "occurrences", "report_period_tasks").contains(c.collection())).toList();
        assertThat(ofTasks).extracting(Command::collection).contains("tasks", "occurrences", "report_period_tasks");
        assertThat(ofTasks).allSatisfy(c -> assertThat(c.byIdOnly()).as("%s on %s by %s", c.name(), c.collection(), c.filter()).isTrue());
        assertThat(ofTasks).extracting(Command::name).as("occurrences removed as well as found").contains("find", "update", "delete");
    }

    @Test
    void thePreviewSaysOngoingWorkIsCheckedAtTheReportPeriodsAndInventsNoDates() {
        JsonNode preview = api.ok(api.post("/api/timeframes/parse", Map.of("text", "Thường xuyên", "year", 2025)));

        assertThat(preview.get("recognised").asBoolean()).isTrue();
        assertThat(preview.get("kind").asString()).isEqualTo("ONGOING");
        assertThat(preview.get("occurrences")).isEmpty();
        assertThat(preview.get("note").asString()).isEqualTo("Tiến độ được kiểm tra vào mỗi kỳ báo cáo của kế hoạch.");
    }

    @Test
    void aWholeActivitiesTableIsReadInOneCallEachPhraseAsItIsReadAlone() {
        List<String> texts = List.of("hàng quý", "Thường xuyên", "chậm nhất trong tháng 06/2025", "khi có yêu cầu của cấp trên");

        JsonNode previews = api.ok(api.post("/api/timeframes/parse-all", Map.of("texts", texts, "year", 2025)));

        assertThat(previews).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(previews.get(i)).as(texts.get(i))
                    .isEqualTo(api.ok(api.post("/api/timeframes/parse", Map.of("text", texts.get(i), "year", 2025))));
        }
        assertThat(previews.get(2).get("occurrences").get(0).get("dueDate").asString()).isEqualTo("2025-06-30");
        assertThat(api.post("/api/timeframes/parse-all", Map.of("texts", texts)).status().value()).as("no year").isEqualTo(400);
    }

    private static String issue(LocalDate issuedOn) {
        String planId = "ongoing-" + UUID.randomUUID();
        issue(planId, issuedOn);
        return planId;
    }

    private static void issue(String planId, LocalDate issuedOn) {
        KAFKA.publish(EventCatalog.PLAN_ISSUED, planId, new PlanIssued(planId, "88/KH-UBND", "Thông tin, tuyên truyền cải cách hành chính năm 2024",
                2024, HonQuanPlan.DISTRICT, "UBND huyện Hớn Quản", "70", issuedOn, "Nguyễn Văn Hạ", null, planId, null, List.of(
                        new PlanActivity("a", "Tuyên truyền trên Trang thông tin điện tử huyện", null, List.of("Phòng Nội vụ"), List.of(),
                                "thường xuyên"),
                        new PlanActivity("b", "Cập nhật chuyên mục cải cách hành chính", null, List.of("Phòng Nội vụ"), List.of(), "định kỳ"),
                        new PlanActivity("c", "Tổng kết công tác tuyên truyền", null, List.of("Phòng Nội vụ"), List.of(), "trong năm 2024")),
                "Định kỳ hàng quý, 6 tháng, 9 tháng và năm báo cáo về UBND huyện (qua Phòng Nội vụ).", null));
    }

    private static void schedulePeriods(String planId, boolean recognised, List<ReportPeriodFacts> periods) {
        KAFKA.publish(EventCatalog.REPORT_PERIODS_SCHEDULED, "70", periods(planId, recognised, periods));
    }

    private static ReportPeriodsScheduled periods(String planId, boolean recognised, List<ReportPeriodFacts> periods) {
        return new ReportPeriodsScheduled(planId, planId, "88/KH-UBND", HonQuanPlan.DISTRICT, "70", 2024,
                "Định kỳ hàng quý, 6 tháng, 9 tháng và năm báo cáo về UBND huyện (qua Phòng Nội vụ).", recognised, periods,
                "Phòng Nội vụ");
    }

    private static ReportPeriodFacts period(String type, String name, String from, String to, String due) {
        return new ReportPeriodFacts(type, name, LocalDate.parse(from), LocalDate.parse(to), LocalDate.parse(due));
    }

    private List<JsonNode> tasks(String plan) {
        return api.ok(api.get("/api/plans/" + plan + "/tasks")).get("content").valueStream().toList();
    }

    private String taskId(String plan, String activityLabel) {
        return tasks(plan).stream().filter(t -> t.get("activityLabel").asString().equals(activityLabel)).findFirst().orElseThrow()
                .get("id").asString();
    }

    private List<JsonNode> occurrences(String plan, String activityLabel) {
        return api.ok(api.get("/api/tasks/" + taskId(plan, activityLabel))).get("occurrences").valueStream().toList();
    }

    private List<String> dueDates(String plan, String activityLabel) {
        return occurrences(plan, activityLabel).stream().map(o -> o.get("dueDate").asString()).toList();
    }

    private TaskAssigned lastAssigned(String taskId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        List<TaskAssigned> assigned = TaskEvents.assignments(KAFKA).stream().filter(t -> t.taskId().equals(taskId))
                .toList();
        return assigned.get(assigned.size() - 1);
    }
}
