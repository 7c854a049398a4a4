package vn.gov.par.report.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static vn.gov.par.report.ReportingFixture.reportId;
import static vn.gov.par.report.ReportingFixture.returnForCorrection;
import static vn.gov.par.report.ReportingFixture.rollup;
import static vn.gov.par.report.ReportingFixture.submit;
import static vn.gov.par.report.ReportingFixture.total;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.ReplaceOptions;

import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.plan.PlanCancelled;
import vn.gov.par.contracts.plan.PlanClosed;
import vn.gov.par.contracts.report.ReportObligationFacts;
import vn.gov.par.contracts.report.ReportPeriodFacts;
import vn.gov.par.contracts.report.ReportPeriodsScheduled;
import vn.gov.par.contracts.report.ReportsDue;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.report.ReportingFixture;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.MutableClock;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.TestTokens;

/**
 * Tỉnh Hậu Giang, two tiers: where expected reports come from (a clause read, a schedule set by a person, an
 * obligation that places a unit nobody knows yet), where they go (a plan cancelled or closed, a unit that
 * moves), and the events that say so, each once. Every input event is delivered twice.
 */
@PlatformIntegrationTest
class ReportObligationsTest {

    private static final KafkaTopicProbe KAFKA = KafkaTopicProbe.embedded();
    private static final ReportingFixture EVENTS = new ReportingFixture(KAFKA, 2);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** "6 tháng, năm": read. */
    private static final String READ = "hg-read-" + RUN;
    /** No period named: waits for a person. */
    private static final String UNREAD = "hg-unread-" + RUN;
    /** Also unreadable, and never set: announced once as unrecognised. */
    private static final String LEFT_UNREAD = "hg-left-" + RUN;
    private static final String TO_CANCEL = "hg-cancel-" + RUN;
    private static final String TO_CLOSE = "hg-close-" + RUN;
    /** A 2026 plan, so that no other test's sweep reaches its report first. */
    private static final String NEXT_YEAR = "hg-2026-" + RUN;
    private static final String UNREADABLE_CLAUSE = "Định kỳ tổng hợp báo cáo UBND tỉnh tình hình thực hiện Kế hoạch này.";
    private static final List<String> IN_PROVINCE = List.of("TW", "93");

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    OverdueSweep sweep;

    @Autowired
    Reports reports;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MongoTemplate mongo;

    HttpJson api;

    /** An officer of the province that issued every plan here: who may set a plan's schedule by hand. */
    HttpJson province;

    @BeforeAll
    static void publish() {
        EVENTS.nationalGovernment();
        EVENTS.unit("93", "UBND tỉnh Hậu Giang", "PROVINCE", "93", "TW");
        for (String commune : List.of("31471", "31472", "31473")) {
            EVENTS.unit(commune, "UBND xã " + commune, "COMMUNE", "93", "TW", "93");
        }
        // 31499 is in no unit event: only its obligations place it.
        issue(READ, 2025, "Định kỳ 6 tháng, năm báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ).", "31471", "31472", "31473", "31499");
        issue(UNREAD, 2025, UNREADABLE_CLAUSE, "31471", "31472");
        issue(LEFT_UNREAD, 2025, UNREADABLE_CLAUSE);
        issue(TO_CANCEL, 2025, "Định kỳ hàng quý báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ).", "31471", "31472");
        issue(TO_CLOSE, 2025, "Định kỳ hằng năm báo cáo kết quả về UBND tỉnh.", "31471");
        issue(NEXT_YEAR, 2026, "Định kỳ hằng năm báo cáo kết quả về UBND tỉnh.", "31471");
    }

    private static void issue(String plan, int year, String clause, String... communes) {
        EVENTS.plan(plan, null, plan, plan + "/KH-UBND", "93", "UBND tỉnh Hậu Giang", "93", year, clause);
        for (String commune : communes) {
            EVENTS.oblige(plan, plan, "93", commune, "UBND xã " + commune, "93", IN_PROVINCE);
        }
    }

    @BeforeEach
    void setUp() {
        api = HttpJson.onPort(port);
        province = api.as(TestTokens.officerOf("93"));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(api, "/api/reports?planId=" + READ) == 8
                && total(api, "/api/reports?planId=" + TO_CANCEL) == 8 && total(api, "/api/reports?planId=" + NEXT_YEAR) == 1
                && total(api, "/api/reports?planId=" + TO_CLOSE) == 1 && KAFKA.lag("report-service", Topics.PLAN_EVENTS) == 0
                // The directory places the units the roll-ups and the officials' access go by: its consumer may lag the plans'.
                && KAFKA.lag("report-service", Topics.UNIT_EVENTS) == 0);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachPlansScheduleIsAnnouncedOnceWhetherItsClauseWasReadOrNot() {
        List<ReportPeriodsScheduled> read = await().atMost(Duration.ofSeconds(30))
                .until(() -> schedulesOf(READ), list -> !list.isEmpty());
        List<ReportPeriodsScheduled> unread = await().atMost(Duration.ofSeconds(30))
                .until(() -> schedulesOf(LEFT_UNREAD), list -> !list.isEmpty());

        assertThat(read).singleElement().satisfies(s -> {
            assertThat(s.recognised()).isTrue();
            assertThat(s.provinceCode()).isEqualTo("93");
            assertThat(s.periods()).extracting(ReportPeriodFacts::periodType, ReportPeriodFacts::dueDate).containsExactly(
                    tuple("HALF_YEAR", LocalDate.of(2025, 6, 20)),
                    tuple("YEAR", LocalDate.of(2025, 12, 20)));
        });
        assertThat(unread).singleElement().satisfies(s -> {
            assertThat(s.recognised()).isFalse();
            assertThat(s.clause()).isEqualTo(UNREADABLE_CLAUSE);
            assertThat(s.periods()).isEmpty();
        });
    }

    @Test
    void anUnreadableClauseWaitsWithItsReasonUntilAPersonSetsTheScheduleForEveryUnitAlreadyObliged() {
        JsonNode waiting = api.ok(api.get("/api/reporting-schedules/unrecognised?size=500"));
        assertThat(waiting.get("content").valueStream().filter(p -> p.get("planId").asString().equals(UNREAD)).findFirst().orElseThrow()
                .get("scheduleProblem").asString()).contains("Không nêu kỳ báo cáo nào");
        assertThat(total(api, "/api/reports?planId=" + UNREAD)).isZero();

        assertThat(province.put(schedule(UNREAD), Map.of("periodTypes", List.of(), "by", "Sở Nội vụ")).status().value()).isEqualTo(422);
        HttpJson.Response sameEnd = province.put(schedule(UNREAD), Map.of("periodTypes", List.of("Q2", "HALF_YEAR"), "dueDay", 10, "by",
                "Sở Nội vụ"));
        assertThat(sameEnd.status().value()).isEqualTo(422);
        assertThat(sameEnd.body().get("errors").toString()).contains("cùng kết thúc vào tháng 6", "sau ngày chốt số liệu 14");
        assertThat(province.put(schedule(UNREAD), Map.of("periodTypes", List.of("YEAR"))).status().value()).isEqualTo(400);
        assertThat(province.put(schedule(UNREAD), Map.of("periodTypes", List.of("MONTHLY"), "by", "Sở Nội vụ")).status().value()).isEqualTo(400);
        assertThat(province.put(schedule("khong-co"), Map.of("periodTypes", List.of("YEAR"), "by", "Sở Nội vụ")).status().value()).isEqualTo(404);
        assertThat(province.put(schedule(READ), Map.of("periodTypes", List.of("YEAR"), "by", "Sở Nội vụ")).status().value()).isEqualTo(409);
        assertThat(total(api, "/api/reports?planId=" + UNREAD)).as("nothing partial").isZero();

        Map<String, Object> halfYearAndYear = Map.of("periodTypes", List.of("YEAR", "HALF_YEAR"), "dueDay", 25, "by", "Sở Nội vụ");
        JsonNode set = province.ok(province.put(schedule(UNREAD), halfYearAndYear));
        assertThat(set.get("scheduleSetBy").asString()).isEqualTo("Sở Nội vụ");
        assertThat(set.get("history")).singleElement().satisfies(change -> {
            assertThat(change.get("action").asString()).isEqualTo("SCHEDULE_SET");
            assertThat(change.get("by").get("name").asString()).isEqualTo("can-bo-93");
            assertThat(change.get("by").get("unitCode").asString()).isEqualTo("93");
        });
        JsonNode owed = api.ok(api.get("/api/reports?planId=" + UNREAD)).get("content");
        assertThat(owed).extracting(r -> r.get("unitCode").asString() + ":" + r.get("dueDate").asString())
                .containsExactlyInAnyOrder("31471:2025-06-25", "31472:2025-06-25", "31471:2025-12-25", "31472:2025-12-25");
        assertThat(province.ok(province.put(schedule(UNREAD), halfYearAndYear)).get("scheduleSetBy").asString()).isEqualTo("Sở Nội vụ");
        assertThat(province.put(schedule(UNREAD), Map.of("periodTypes", List.of("YEAR"), "by", "Sở Nội vụ")).status().value()).isEqualTo(409);
        assertThat(total(api, "/api/reports?planId=" + UNREAD)).isEqualTo(4);
        assertThat(api.ok(api.get("/api/reporting-schedules/unrecognised?size=500")).get("content").valueStream()
                .map(p -> p.get("planId").asString())).doesNotContain(UNREAD).contains(LEFT_UNREAD);

        List<ReportPeriodsScheduled> announced = await().atMost(Duration.ofSeconds(30))
                .until(() -> schedulesOf(UNREAD), list -> list.size() == 2);
        assertThat(announced).extracting(ReportPeriodsScheduled::recognised).containsExactly(false, true);
        assertThat(announced.get(1).periods()).extracting(ReportPeriodFacts::dueDate)
                .containsExactly(LocalDate.of(2025, 6, 25), LocalDate.of(2025, 12, 25));
    }

    @Test
    void anObligationPlacesAUnitNobodyHasAnnouncedYet() {
        JsonNode placed = api.ok(api.get("/api/reports?unitCode=31499&planId=" + READ)).get("content");

        assertThat(placed).hasSize(2).allSatisfy(r -> assertThat(r.get("ancestorCodes").toString()).isEqualTo("[\"TW\",\"93\"]"));
        assertThat(total(api, "/api/reports?underUnit=93&planId=" + READ)).isEqualTo(8);
    }

    @Test
    void aUnitThatMovesTakesItsOpenReportsAlongButNotTheAcceptedOnes() {
        clock.setDate(LocalDate.of(2025, 6, 10));
        String halfYear = reportId(api, "31473", READ, "HALF_YEAR");
        submit(api, halfYear, 4, "Lý Văn Tâm");
        ReportingFixture.accept(api, halfYear, "Sở Nội vụ");

        EVENTS.publish(EventCatalog.UNIT_UPDATED, "93", new UnitRecorded("31473", "UBND phường Vị Tân", "COMMUNE", "GOVERNMENT", "931", "93",
                List.of("TW", "93", "931"), null));

        await().atMost(Duration.ofSeconds(30)).until(() -> total(api, "/api/reports?underUnit=931&planId=" + READ) == 1);
        JsonNode year = api.ok(api.get("/api/reports/" + reportId(api, "31473", READ, "YEAR")));
        assertThat(year.get("unitName").asString()).isEqualTo("UBND phường Vị Tân");
        assertThat(api.ok(api.get("/api/reports/" + halfYear)).get("ancestorCodes").toString()).isEqualTo("[\"TW\",\"93\"]");
    }

    @Test
    void aCancelledPlansUnsubmittedReportsAreOwedNoMoreAndNeverAnnouncedOverdue() {
        clock.setDate(LocalDate.of(2025, 3, 18));
        String submitted = reportId(api, "31471", TO_CANCEL, "Q1");
        submit(api, submitted, 6, "Trần Văn Bình");
        String draft = reportId(api, "31472", TO_CANCEL, "Q1");
        HttpJson commune = api.as(TestTokens.officerOf("31472"));
        commune.ok(commune.put("/api/reports/" + draft + "/draft", Map.of("indicators", ReportingFixture.indicators(1))));

        EVENTS.publish(EventCatalog.PLAN_CANCELLED, TO_CANCEL, new PlanCancelled(TO_CANCEL, "93", "93", LocalDate.of(2025, 3, 19),
                "Thay thế bằng kế hoạch khác"));

        await().atMost(Duration.ofSeconds(30)).until(() -> total(api, "/api/reports?status=CANCELLED&planId=" + TO_CANCEL) == 7);
        assertThat(api.ok(api.get("/api/reports/" + submitted)).get("status").asString()).isEqualTo("SUBMITTED");
        JsonNode q1 = rollup(api, "93", TO_CANCEL, "Q1");
        assertThat(q1.get("subtree").get("expected").asInt()).isEqualTo(1);
        assertThat(q1.get("subtree").get("missing").asInt()).isZero();
        HttpJson.Response refused = commune.put("/api/reports/" + draft + "/draft", Map.of("indicators", ReportingFixture.indicators(2)));
        assertThat(refused.status().value()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString()).contains("đã bị hủy");

        clock.setDate(LocalDate.of(2026, 1, 5));
        reports.sweepOverdue();
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        assertThat(overdueByReport(TO_CANCEL)).isEmpty();
    }

    @Test
    void aClosedPlanExpectsNothingFromUnitsObligedAfterward() {
        EVENTS.publish(EventCatalog.PLAN_CLOSED, TO_CLOSE, new PlanClosed(TO_CLOSE, "93", "93", LocalDate.of(2025, 12, 31)));
        EVENTS.oblige(TO_CLOSE, TO_CLOSE, "93", "31472", "UBND xã 31472", "93", IN_PROVINCE);

        await().atMost(Duration.ofSeconds(30)).until(() -> KAFKA.lag("report-service", Topics.PLAN_EVENTS) == 0);
        assertThat(total(api, "/api/reports?unitCode=31472&planId=" + TO_CLOSE)).isZero();
        assertThat(total(api, "/api/reports?unitCode=31471&planId=" + TO_CLOSE)).as("what was owed before stays owed").isEqualTo(1);
    }

    @Test
    void everyReportEventIsPublishedOnceThoughEveryInputEventCameTwice() {
        clock.setDate(LocalDate.of(2025, 6, 18));
        String returned = reportId(api, "31472", READ, "HALF_YEAR");
        submit(api, returned, 5, "Trần Thị Giang");
        returnForCorrection(api, returned);
        KAFKA.replay(Topics.PLAN_EVENTS, KAFKA.readAll(Topics.PLAN_EVENTS));
        KAFKA.replay(Topics.UNIT_EVENTS, KAFKA.readAll(Topics.UNIT_EVENTS));
        await().atMost(Duration.ofSeconds(60)).until(() -> KAFKA.lag("report-service", Topics.PLAN_EVENTS) == 0
                && KAFKA.lag("report-service", Topics.UNIT_EVENTS) == 0);

        clock.setDate(LocalDate.of(2026, 1, 5));
        sweep.sweep();
        sweep.sweep();
        reports.sweepOverdue();
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);

        JsonNode all = api.ok(api.get("/api/reports?planId=" + READ)).get("content");
        List<String> neverSubmitted = all.valueStream().filter(r -> r.get("submissions").isEmpty()).map(r -> r.get("id").asString()).toList();
        // Other tests may have swept earlier, before some of these reports were submitted late.
        List<String> announcedOverdue = all.valueStream().filter(r -> r.get("overdueAnnounced").asBoolean()).map(r -> r.get("id").asString())
                .toList();
        List<ReportsDue> announced = EVENTS.published(EventCatalog.REPORTS_DUE, e -> e.planId().equals(READ));
        assertThat(countByReport(announced.stream().flatMap(e -> e.reports().stream()).toList())).hasSize(8)
                .allSatisfy((id, count) -> assertThat(count).isOne());
        assertThat(announced).as("each unit's reports in one announcement").extracting(ReportsDue::unitCode).doesNotHaveDuplicates()
                .hasSize(4);
        assertThat(EVENTS.published(EventCatalog.REPORT_SUBMITTED, e -> e.report().obligationId().equals(returned))).hasSize(1);
        assertThat(EVENTS.published(EventCatalog.REPORT_RETURNED, e -> e.report().obligationId().equals(returned))).hasSize(1);
        Map<String, Long> overdue = overdueByReport(READ);
        assertThat(announcedOverdue).containsAll(neverSubmitted).isNotEmpty();
        assertThat(overdue.keySet()).containsExactlyInAnyOrderElementsOf(announcedOverdue);
        assertThat(overdue).allSatisfy((id, count) -> assertThat(count).isOne());
    }

    @Test
    void whileAnotherInstanceHoldsTheSweepLockThisOneDoesNotSweep() {
        String report = reportId(api, "31471", NEXT_YEAR, "YEAR");
        clock.setDate(LocalDate.of(2026, 12, 22));
        var locks = mongo.getCollection("scheduler_locks");
        locks.replaceOne(new Document("_id", OverdueSweep.LOCK), new Document("_id", OverdueSweep.LOCK)
                .append("lockUntil", Date.from(Instant.now().plus(Duration.ofHours(1)))).append("lockedAt", new Date())
                .append("lockedBy", "another-instance"), new ReplaceOptions().upsert(true));
        try {
            sweep.sweep();
            assertThat(api.ok(api.get("/api/reports/" + report)).get("overdueAnnounced").asBoolean()).isFalse();
        } finally {
            locks.deleteOne(new Document("_id", OverdueSweep.LOCK));
        }

        sweep.sweep();

        assertThat(api.ok(api.get("/api/reports/" + report)).get("overdueAnnounced").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        assertThat(overdueByReport(NEXT_YEAR)).containsExactly(Map.entry(report, 1L));
    }

    private List<ReportPeriodsScheduled> schedulesOf(String plan) {
        return EVENTS.published(EventCatalog.REPORT_PERIODS_SCHEDULED, e -> e.planId().equals(plan));
    }

    private Map<String, Long> overdueByReport(String plan) {
        return countByReport(EVENTS.published(EventCatalog.REPORT_OVERDUE, e -> e.report().planId().equals(plan)).stream()
                .map(e -> e.report()).toList());
    }

    private static Map<String, Long> countByReport(List<ReportObligationFacts> facts) {
        return facts.stream().collect(Collectors.groupingBy(ReportObligationFacts::obligationId, Collectors.counting()));
    }

    private static String schedule(String plan) {
        return "/api/plans/" + plan + "/reporting-schedule";
    }
}
