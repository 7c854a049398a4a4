package vn.gov.par.report.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.par.report.ReportingFixture.indicators;
import static vn.gov.par.report.ReportingFixture.reportId;
import static vn.gov.par.report.ReportingFixture.rollup;
import static vn.gov.par.report.ReportingFixture.submit;
import static vn.gov.par.report.ReportingFixture.total;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.report.ReportObligationFacts;
import vn.gov.par.contracts.report.ReportOverdue;
import vn.gov.par.report.ReportingFixture;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.MetricsScrape;
import vn.gov.par.testsupport.MutableClock;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.RawHttp;
import vn.gov.par.testsupport.RefusalProbe;
import vn.gov.par.testsupport.TestTokens;

/**
 * A province's 2025 plan asks its districts for quarterly reports; in July a district is merged into another, or dissolved,
 * with effect from 15/07/2025. What fell due until then stays the retired district's history, under its name; what falls
 * due after is not its to send, and its successor owes it instead. The plans cascade on 12 February, when the districts are
 * obliged. Each test has a province of its own, so that its roll-ups and overdue counts are its own.
 */
@PlatformIntegrationTest
class UnitRetirementTest {

    private static final KafkaTopicProbe KAFKA = KafkaTopicProbe.embedded();
    private static final ReportingFixture EVENTS = new ReportingFixture(KAFKA, 1);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String QUARTERLY = "Định kỳ hàng quý báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ).";
    private static final LocalDate RETIRED_ON = LocalDate.of(2025, 7, 15);
    /** When the retirement is recorded and announced, the day after it took effect. */
    private static final LocalDate RECORDED_ON = LocalDate.of(2025, 7, 16);

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Reports reports;

    @Autowired
    ReportGauges gauges;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MongoTemplate mongo;

    HttpJson api;

    /** A district of a province, under the national government. */
    private record District(String code, String name, String province) {

        List<String> ancestors() {
            return List.of(ReportingFixture.NATIONAL, province);
        }

        String owes(String periodType) {
            return code + ":" + periodType;
        }
    }

    @BeforeEach
    void setUp() {
        api = HttpJson.onPort(port);
        clock.setDate(LocalDate.of(2025, 2, 12));
        EVENTS.nationalGovernment();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aDistrictMergedMidYearOwesNothingMoreAndItsSuccessorOwesWhatFallsDueAfter() {
        District nongSon = district("49", "506", "UBND huyện Nông Sơn");
        District duyXuyen = district("49", "507", "UBND huyện Duy Xuyên");
        String plan = quarterlyPlan("49", "UBND tỉnh Quảng Nam", nongSon, duyXuyen);
        clock.setDate(LocalDate.of(2025, 3, 18));
        submit(api, reportId(api, duyXuyen.code(), plan, "Q1"), 6, "Lê Thị Xuân");
        clock.setDate(LocalDate.of(2025, 3, 25));
        String lateQ1 = reportId(api, nongSon.code(), plan, "Q1");
        submit(api, lateQ1, 4, "Trần Văn Sơn");
        clock.setDate(LocalDate.of(2025, 7, 10));
        String draftedQ3 = reportId(api, nongSon.code(), plan, "Q3");
        HttpJson nongSonOfficer = api.as(TestTokens.officerOf(nongSon.code()));
        nongSonOfficer.ok(nongSonOfficer.put("/api/reports/" + draftedQ3 + "/draft", Map.of("indicators", indicators(2))));

        // Quế Sơn, the district Nông Sơn is merged into, is registered with the merger: the plan did not oblige it.
        District queSon = district("49", "505", "UBND huyện Quế Sơn");
        clock.setDate(RECORDED_ON);
        retire(nongSon, queSon);

        eventually(() -> total(api, "/api/reports?unitCode=" + queSon.code() + "&planId=" + plan) == 2);
        JsonNode merged = api.ok(api.get("/api/reports?unitCode=" + nongSon.code() + "&planId=" + plan)).get("content");
        assertThat(merged).extracting(r -> r.get("periodType").asString() + ":" + r.get("status").asString())
                .containsExactly("Q1:SUBMITTED", "Q2:EXPECTED", "Q3:CANCELLED", "Q4:CANCELLED");
        assertThat(merged).allSatisfy(r -> {
            assertThat(r.get("unitName").asString()).isEqualTo("UBND huyện Nông Sơn");
            assertThat(r.get("unitRetiredOn").asString()).isEqualTo("2025-07-15");
        });
        JsonNode successor = api.ok(api.get("/api/reports?unitCode=" + queSon.code() + "&planId=" + plan)).get("content");
        assertThat(successor).extracting(r -> r.get("periodName").asString() + ":" + r.get("dueDate").asString() + ":"
                + r.get("status").asString() + ":" + r.get("recipientUnitCode").asString())
                .containsExactly("Quý III/2025:2025-09-20:EXPECTED:49", "Quý IV/2025:2025-12-20:EXPECTED:49");
        eventually(() -> relay.pending() == 0);
        assertThat(due(plan)).as("each once: the successor's for what falls due after the merger, nothing new for Nông Sơn")
                .containsOnlyKeys(Stream.of(everyQuarter(nongSon), everyQuarter(duyXuyen), List.of(queSon.owes("Q3"), queSon.owes("Q4")))
                        .flatMap(List::stream).toList())
                .allSatisfy((report, count) -> assertThat(count).isOne());

        JsonNode q1 = rollup(api, "49", plan, "Q1");
        assertThat(q1.get("units")).extracting(u -> u.get("unitName").asString() + ":" + u.get("submission").asString())
                .as("its late report stays late, under its own name")
                .containsExactlyInAnyOrder("UBND huyện Nông Sơn:LATE", "UBND huyện Duy Xuyên:ON_TIME");
        assertThat(rollup(api, "49", plan, "Q2").get("subtree").get("missing").asInt()).as("due before the merger: still missing")
                .isEqualTo(2);
        JsonNode q3 = rollup(api, "49", plan, "Q3");
        assertThat(q3.get("units")).extracting(u -> u.get("unitCode").asString())
                .containsExactlyInAnyOrder(duyXuyen.code(), queSon.code());
        assertThat(q3.get("subtree").get("expected").asInt()).isEqualTo(2);
        assertThat(q3.get("subtree").get("missing").asInt()).isEqualTo(2);

        RefusalProbe probe = new RefusalProbe(RawHttp.onPort(port).as(TestTokens.officerOf(nongSon.code())), mongo,
                List.of(Topics.REPORT_EVENTS), List.of());
        for (RawHttp.Request write : List.of(
                RawHttp.Request.json("PUT", "/api/reports/" + reportId(api, nongSon.code(), plan, "Q2") + "/draft",
                        "{\"indicators\":{\"newsArticles\":3}}"),
                RawHttp.Request.json("POST", "/api/reports/" + draftedQ3 + "/submit", "{\"by\":\"Trần Văn Sơn\"}"))) {
            JsonNode problem = probe.refused("a write of the merged district", write).json();
            assertThat(problem.get("status").asInt()).isEqualTo(409);
            assertThat(problem.get("code").asString()).isEqualTo("unit-retired");
            assertThat(problem.get("detail").asString()).contains("UBND huyện Nông Sơn", "15/07/2025");
        }
        assertThat(ReportingFixture.accept(api, lateQ1, "Sở Nội vụ").get("status").asString())
                .as("the province still reviews what it submitted").isEqualTo("ACCEPTED");

        Map<String, List<String>> before = settled(plan);
        retire(nongSon, queSon);
        // plan-service's own transfer of Nông Sơn's open sub-plan obligation to Quế Sơn: the same obligation.
        takeOver(plan, queSon, nongSon);
        assertThat(settled(plan)).isEqualTo(before);

        clock.setDate(LocalDate.of(2026, 1, 5));
        reports.sweepOverdue();
        eventually(() -> relay.pending() == 0);
        assertThat(overdue(plan)).as("nobody is chased for Nông Sơn any more")
                .containsOnlyKeys(duyXuyen.owes("Q2"), duyXuyen.owes("Q3"), duyXuyen.owes("Q4"), queSon.owes("Q3"), queSon.owes("Q4"));
        gauges.refresh();
        assertThat(MetricsScrape.of(api).value("par_overdue", "kind", "report", "province", "49")).isEqualTo(5);
        assertThat(due(plan)).hasSize(10).allSatisfy((report, count) -> assertThat(count).isOne());
    }

    @Test
    void planServicesTransferReachingThisServiceFirstConvergesOnTheSameObligation() {
        District hoaVang = district("48", "497", "UBND huyện Hòa Vang");
        District camLe = district("48", "495", "UBND quận Cẩm Lệ");
        String plan = quarterlyPlan("48", "UBND thành phố Đà Nẵng", hoaVang);
        clock.setDate(RECORDED_ON);
        takeOver(plan, camLe, hoaVang);
        eventually(() -> total(api, "/api/reports?unitCode=" + camLe.code() + "&planId=" + plan) == 2);
        eventually(() -> due(plan).keySet().containsAll(List.of(camLe.owes("Q3"), camLe.owes("Q4"))));
        assertThat(due(plan).keySet()).as("nobody is told Cẩm Lệ owes what fell due before the merger")
                .containsOnly(camLe.owes("Q3"), camLe.owes("Q4"), hoaVang.owes("Q1"), hoaVang.owes("Q2"), hoaVang.owes("Q3"), hoaVang.owes("Q4"));

        retire(hoaVang, camLe);

        eventually(() -> total(api, "/api/reports?status=CANCELLED&unitCode=" + hoaVang.code() + "&planId=" + plan) == 2);
        Map<String, List<String>> converged = settled(plan);
        assertThat(api.ok(api.get("/api/reports?unitCode=" + camLe.code() + "&planId=" + plan)).get("content"))
                .extracting(r -> r.get("periodType").asString() + ":" + r.get("status").asString())
                .as("obliged only with the merger: what fell due before it was Hòa Vang's")
                .containsExactly("Q3:EXPECTED", "Q4:EXPECTED");
        assertThat(rollup(api, "48", plan, "Q2").get("units")).extracting(u -> u.get("unitCode").asString() + ":" + u.get("submission").asString())
                .containsExactly(hoaVang.code() + ":MISSING");
        assertThat(rollup(api, "48", plan, "Q3").get("units")).extracting(u -> u.get("unitCode").asString())
                .containsExactly(camLe.code());

        takeOver(plan, camLe, hoaVang);
        retire(hoaVang, camLe);
        assertThat(settled(plan)).isEqualTo(converged);
    }

    @Test
    void aSuccessorAlreadyObligedUnderThePlanKeepsWhatItOwedAndGetsNothingTwice() {
        District anNhon = district("52", "543", "UBND thị xã An Nhơn");
        District tuyPhuoc = district("52", "548", "UBND huyện Tuy Phước");
        String plan = quarterlyPlan("52", "UBND tỉnh Bình Định", anNhon, tuyPhuoc);
        clock.setDate(RECORDED_ON);

        retire(tuyPhuoc, anNhon);

        eventually(() -> total(api, "/api/reports?status=CANCELLED&unitCode=" + tuyPhuoc.code() + "&planId=" + plan) == 2);
        settled(plan);
        assertThat(api.ok(api.get("/api/reports?unitCode=" + anNhon.code() + "&planId=" + plan)).get("content"))
                .extracting(r -> r.get("periodType").asString() + ":" + r.get("status").asString())
                .containsExactly("Q1:EXPECTED", "Q2:EXPECTED", "Q3:EXPECTED", "Q4:EXPECTED");
        assertThat(due(plan)).hasSize(8).allSatisfy((report, count) -> assertThat(count).isOne());
        assertThat(rollup(api, "52", plan, "Q2").get("subtree").get("missing").asInt()).isEqualTo(2);
        assertThat(rollup(api, "52", plan, "Q3").get("units")).extracting(u -> u.get("unitCode").asString())
                .containsExactly(anNhon.code());
    }

    @Test
    void aDistrictDissolvedWithNobodyTakingOverObligesNobody() {
        District tayTra = district("51", "531", "UBND huyện Tây Trà");
        District traBong = district("51", "530", "UBND huyện Trà Bồng");
        String plan = quarterlyPlan("51", "UBND tỉnh Quảng Ngãi", tayTra, traBong);
        clock.setDate(RECORDED_ON);

        retire(tayTra, null);

        eventually(() -> total(api, "/api/reports?status=CANCELLED&unitCode=" + tayTra.code() + "&planId=" + plan) == 2);
        settled(plan);
        assertThat(api.ok(api.get("/api/reports?planId=" + plan)).get("content"))
                .extracting(r -> r.get("unitCode").asString() + ":" + r.get("periodType").asString() + ":" + r.get("status").asString())
                .containsExactlyInAnyOrder(tayTra.owes("Q1") + ":EXPECTED", tayTra.owes("Q2") + ":EXPECTED", tayTra.owes("Q3") + ":CANCELLED",
                        tayTra.owes("Q4") + ":CANCELLED", traBong.owes("Q1") + ":EXPECTED", traBong.owes("Q2") + ":EXPECTED",
                        traBong.owes("Q3") + ":EXPECTED", traBong.owes("Q4") + ":EXPECTED");
        assertThat(due(plan)).hasSize(8);
        assertThat(rollup(api, "51", plan, "Q4").get("subtree").get("expected").asInt()).isOne();
    }

    @Test
    void anObligationDeliveredAfterItsUnitsRetirementGoesToTheSuccessor() {
        District phuHoa = district("54", "561", "UBND huyện Phú Hòa");
        District tayHoa = district("54", "560", "UBND huyện Tây Hòa");
        String plan = quarterlyPlan("54", "UBND tỉnh Phú Yên");
        clock.setDate(RECORDED_ON);
        retire(phuHoa, tayHoa);
        eventually(() -> KAFKA.lag("report-service", Topics.UNIT_EVENTS) == 0);

        oblige(plan, phuHoa);

        eventually(() -> total(api, "/api/reports?unitCode=" + tayHoa.code() + "&planId=" + plan) == 2);
        settled(plan);
        assertThat(total(api, "/api/reports?unitCode=" + phuHoa.code() + "&planId=" + plan)).isZero();
        assertThat(due(plan)).containsOnlyKeys(tayHoa.owes("Q3"), tayHoa.owes("Q4"));
    }

    /** A district known to the directory, its code this run's own. */
    private static District district(String province, String code, String name) {
        District district = new District(code + "-" + RUN, name, province);
        EVENTS.unit(district.code(), name, "DISTRICT", province, district.ancestors().toArray(String[]::new));
        return district;
    }

    /** The province's 2025 plan asking quarterly reports, issued on 10 February, and the districts obliged under it. */
    private String quarterlyPlan(String province, String provinceName, District... obliged) {
        String plan = "retire-" + province + "-" + RUN;
        EVENTS.unit(province, provinceName, "PROVINCE", province, ReportingFixture.NATIONAL);
        EVENTS.plan(plan, null, plan, "45/KH-UBND", province, provinceName, province, 2025, QUARTERLY);
        for (District district : obliged) {
            oblige(plan, district);
        }
        eventually(() -> total(api, "/api/reports?planId=" + plan) == 4L * obliged.length);
        return plan;
    }

    private static void oblige(String plan, District district) {
        EVENTS.oblige(plan, plan, district.province(), district.code(), district.name(), district.province(), district.ancestors());
    }

    /** plan-service's transfer to the successor of the sub-plan obligation the retired district had not fulfilled. */
    private static void takeOver(String plan, District successor, District retired) {
        EVENTS.takeOver(plan, plan, successor.province(), successor.code(), successor.name(), successor.province(), successor.ancestors(),
                retired.code(), RETIRED_ON);
    }

    /** Retired on 15/07/2025: merged into the successor, or dissolved when there is none. */
    private static void retire(District district, District successor) {
        EVENTS.retire(district.code(), district.name(), district.province(), district.ancestors(), RETIRED_ON,
                successor == null ? null : successor.code(), successor == null ? null : successor.name());
    }

    /** The plan's reports and obligations, once every event sent so far is handled and every event it queued published. */
    private Map<String, List<String>> settled(String plan) {
        eventually(() -> KAFKA.lag("report-service", Topics.PLAN_EVENTS) == 0 && KAFKA.lag("report-service", Topics.UNIT_EVENTS) == 0
                && relay.pending() == 0);
        Map<String, List<String>> snapshot = new TreeMap<>();
        for (String collection : List.of("reports", Obligations.OBLIGED_UNITS)) {
            snapshot.put(collection, mongo.find(Query.query(Criteria.where("planId").is(plan)), Document.class, collection).stream()
                    .map(Document::toJson).sorted().toList());
        }
        return snapshot;
    }

    /** How many times each unit's report of each period under the plan was announced due. */
    private Map<String, Long> due(String plan) {
        return byReport(EVENTS.published(EventCatalog.REPORTS_DUE, e -> e.planId().equals(plan)).stream().flatMap(e -> e.reports().stream()));
    }

    private Map<String, Long> overdue(String plan) {
        return byReport(EVENTS.published(EventCatalog.REPORT_OVERDUE, e -> e.report().planId().equals(plan)).stream()
                .map(ReportOverdue::report));
    }

    private static Map<String, Long> byReport(Stream<ReportObligationFacts> facts) {
        return facts.collect(Collectors.groupingBy(f -> f.unitCode() + ":" + f.periodType(), TreeMap::new, Collectors.counting()));
    }

    private static List<String> everyQuarter(District district) {
        return Stream.of("Q1", "Q2", "Q3", "Q4").map(district::owes).toList();
    }

    private static void eventually(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(30)).until(condition::getAsBoolean);
    }
}
