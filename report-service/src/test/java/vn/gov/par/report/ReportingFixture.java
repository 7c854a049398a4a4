package vn.gov.par.report;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.contracts.EventEnvelope;
import vn.gov.par.contracts.EventType;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.plan.SubPlanObligationCreated;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.contracts.unit.UnitRetired;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.TestTokens;

/**
 * What the integration tests publish as plan-service would (units, their retirement, plans, obligations) and ask of the
 * report API (submit, return, roll up), and the events they read back from report.events. Every hierarchy hangs
 * under the national government ("TW"), as plan-service's directory places it: the tests' default caller, an
 * administrator of TW, sees every report. A report is written by whom the access rules allow: drafted and submitted
 * by an officer of its unit, accepted or returned by a leader of the unit it is owed to.
 */
public final class ReportingFixture {

    private static final EventCodec CODEC = new EventCodec();

    private final KafkaTopicProbe kafka;
    private final int copies;

    /** @param copies how many times each event is published: 2 delivers every input event twice */
    public ReportingFixture(KafkaTopicProbe kafka, int copies) {
        this.kafka = kafka;
        this.copies = copies;
    }

    public <T> void publish(EventType<T> type, String key, T payload) {
        for (int i = 0; i < copies; i++) {
            kafka.publish(type, key, payload);
        }
    }

    /** The head of every hierarchy: the national government, above every province. */
    public static final String NATIONAL = "TW";

    /** Announces the national government, at the head of the directory (announcing it again changes nothing). */
    public void nationalGovernment() {
        publish(EventCatalog.UNIT_REGISTERED, NATIONAL, new UnitRecorded(NATIONAL, "Chính phủ", "CENTRAL", "GOVERNMENT", null, null, List.of(), null));
    }

    /** @param ancestors the units above it, from the top ({@link #NATIONAL}) down */
    public void unit(String code, String name, String level, String provinceCode, String... ancestors) {
        List<String> path = List.of(ancestors);
        publish(EventCatalog.UNIT_REGISTERED, provinceCode, new UnitRecorded(code, name, level, "GOVERNMENT",
                path.isEmpty() ? null : path.get(path.size() - 1), provinceCode, path, null));
    }

    /** A plan of the given year issued on 10 February, with one activity. */
    public void plan(String id, String parent, String root, String number, String issuer, String issuerName, String provinceCode,
            int year, String clause) {
        List<PlanActivity> activities = List.of(new PlanActivity("a", "Đăng tin, bài tuyên truyền", "Mỗi tháng 01 bản tin",
                List.of("UBND các xã"), List.of(), "hàng tháng"));
        publish(EventCatalog.PLAN_ISSUED, id, new PlanIssued(id, number, "Thông tin, tuyên truyền cải cách hành chính năm " + year, year,
                issuer, issuerName, provinceCode, LocalDate.of(year, 2, 10), "Nguyễn Văn A", parent, root, null, activities, clause,
                LocalDate.of(year, 3, 31)));
    }

    /** The obligation as plan-service publishes it: it places the unit by its ancestors, from the top down. */
    public void oblige(String plan, String root, String supervisor, String unit, String unitName, String provinceCode,
            List<String> ancestors) {
        takeOver(plan, root, supervisor, unit, unitName, provinceCode, ancestors, null, null);
    }

    /**
     * The obligation of a unit retired on {@code retiredOn} handed to its successor {@code unit}, as plan-service publishes it
     * when the retired unit had not issued its sub-plan yet.
     */
    public void takeOver(String plan, String root, String supervisor, String unit, String unitName, String provinceCode,
            List<String> ancestors, String retiredUnit, LocalDate retiredOn) {
        publish(EventCatalog.SUB_PLAN_OBLIGATION_CREATED, plan, new SubPlanObligationCreated(UUID.nameUUIDFromBytes((plan + unit).getBytes(
                StandardCharsets.UTF_8)).toString(), plan, root, "Kế hoạch " + plan, "Kế hoạch", supervisor, unit, unitName, provinceCode,
                LocalDate.of(2025, 3, 31), "draft-" + unit, ancestors, retiredUnit, retiredOn));
    }

    /**
     * The unit dissolved on the day, or merged into the successor, as plan-service announces it.
     *
     * @param successor null when it was dissolved with nobody taking over
     */
    public void retire(String code, String name, String provinceCode, List<String> ancestors, LocalDate on, String successor,
            String successorName) {
        publish(EventCatalog.UNIT_RETIRED, provinceCode, new UnitRetired(code, name, provinceCode, ancestors, on, successor, successorName));
    }

    /** Every event of the type on report.events whose payload passes the filter, decoded. */
    @SuppressWarnings("unchecked")
    public <T> List<T> published(EventType<T> type, java.util.function.Predicate<T> which) {
        return kafka.readAll(Topics.REPORT_EVENTS).stream().map(r -> (EventEnvelope<Object>) CODEC.decode(r.value()))
                .filter(e -> e.type().equals(type.name())).map(e -> (T) e.data()).filter(which).toList();
    }

    public static String reportId(HttpJson api, String unitCode, String planId, String periodType) {
        return api.ok(api.get("/api/reports?unitCode=" + unitCode + "&planId=" + planId + "&periodType=" + periodType)).get("content")
                .get(0).get("id").asString();
    }

    /** Drafted and submitted by an officer of the reporting unit. */
    public static JsonNode submit(HttpJson api, String report, int newsArticles, String by) {
        HttpJson officer = officerOf(api, report);
        officer.ok(officer.put("/api/reports/" + report + "/draft", Map.of("indicators", indicators(newsArticles))));
        return officer.ok(officer.post("/api/reports/" + report + "/submit", Map.of("by", by)));
    }

    /** Returned by a leader of the unit the report is owed to. */
    public static JsonNode returnForCorrection(HttpJson api, String report) {
        HttpJson leader = recipientLeader(api, report);
        return leader.ok(leader.post("/api/reports/" + report + "/return", Map.of("by", "Sở Nội vụ", "comment", "Bổ sung số liệu")));
    }

    /** Accepted by a leader of the unit the report is owed to. */
    public static JsonNode accept(HttpJson api, String report, String by) {
        HttpJson leader = recipientLeader(api, report);
        return leader.ok(leader.post("/api/reports/" + report + "/accept", Map.of("by", by)));
    }

    /** The API as an officer (CAN_BO) of the unit that owes the report: who may draft and submit it. */
    public static HttpJson officerOf(HttpJson api, String report) {
        return api.as(TestTokens.officerOf(api.ok(api.get("/api/reports/" + report)).get("unitCode").asString()));
    }

    /** The API as a leader (LANH_DAO) of the unit the report is owed to: who may accept or return it. */
    public static HttpJson recipientLeader(HttpJson api, String report) {
        return api.as(TestTokens.leaderOf(api.ok(api.get("/api/reports/" + report)).get("recipientUnitCode").asString()));
    }

    public static JsonNode rollup(HttpJson api, String unitCode, String rootPlanId, String periodType) {
        return api.ok(api.get("/api/rollups/reports?unitCode=" + unitCode + "&rootPlanId=" + rootPlanId + "&periodType=" + periodType));
    }

    public static long total(HttpJson api, String path) {
        return api.ok(api.get(path)).get("totalElements").asLong();
    }

    /** News items as given, every other indicator 1. */
    public static Map<String, Integer> indicators(int newsArticles) {
        Map<String, Integer> values = new TreeMap<>();
        for (String name : List.of("radioTvBroadcasts", "reportagesAndClips", "socialMediaPosts", "conferencesAndTrainings", "participants",
                "leaflets", "postersAndBanners", "contests", "contestEntrants")) {
            values.put(name, 1);
        }
        values.put("newsArticles", newsArticles);
        return values;
    }
}
