package vn.gov.par.task.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.task.HonQuanPlan;
import vn.gov.par.testsupport.BodyMutations;
import vn.gov.par.testsupport.BodyMutations.Mutated;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.RawHttp;
import vn.gov.par.testsupport.RefusalProbe;
import vn.gov.par.testsupport.SpringBackedProperties;
import vn.gov.par.testsupport.StoredWhole;
import vn.gov.par.testsupport.TestTokens;

/**
 * Generated bad requests to every write endpoint of task-service (progress, a schedule set by hand, the timeframe
 * preview), from a valid request broken one way at a time: each is refused with a 4xx problem and leaves no trace in
 * the store or on task.events, or, when the break left it valid, is stored whole. Seeds are fixed, so a failure reproduces.
 * Each is sent by an official the access rules let make the change, so that what refuses it is the request itself.
 */
@PlatformIntegrationTest
class TaskApiGeneratedRequestsTest extends SpringBackedProperties {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final KafkaTopicProbe KAFKA = KafkaTopicProbe.embedded();
    private static final String PLAN = "generated-requests-" + UUID.randomUUID();
    private static final int TRIES = 60;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    private static HttpJson api;
    private static RefusalProbe probe;
    private static String probeUnit;
    private static String occurrenceId;
    private static String unscheduledTaskId;

    @Property(tries = TRIES, seed = "6201")
    void recordProgress(@ForAll("progressRecords") Mutated request) {
        given();
        // Progress on Phòng Nội vụ's work, by one of its officers.
        RawHttp.Request onOccurrence = request.request().withPath("/api/occurrences/" + occurrenceId + "/progress");
        officerOf(HonQuanPlan.HOME_AFFAIRS).send(request, onOccurrence).ifPresent(recorded -> {
            JsonNode progress = storedOccurrence().get("progress");
            StoredWhole.assertStoredAsSent(progress.get(progress.size() - 1), JSON.readTree(request.request().bodyText()), request);
        });
    }

    @Provide
    Arbitrary<Mutated> progressRecords() {
        return BodyMutations.of("POST", "/api/occurrences/{id}/progress", JSON.valueToTree(Map.of("done", true, "doneOn", "2024-06-20",
                "count", 2, "links", List.of("https://honquan.gov.vn/ban-tin-quy-2"), "note", "Đã phát hành 02 bản tin trên Trang thông tin điện tử")));
    }

    @Property(tries = TRIES, seed = "6202")
    void setScheduleByHand(@ForAll("schedules") Mutated request) {
        given();
        // The due dates of the district's plan, by one of the district's officers.
        RawHttp.Request onTask = request.request().withPath("/api/tasks/" + unscheduledTaskId + "/schedule");
        officerOf(HonQuanPlan.DISTRICT).send(request, onTask).ifPresent(set -> {
            List<String> sent = JSON.readTree(request.request().bodyText()).get("dueDates").valueStream().map(JsonNode::asString).toList();
            List<String> stored = api.ok(api.get("/api/tasks/" + unscheduledTaskId)).get("occurrences").valueStream()
                    .map(o -> o.get("dueDate").asString()).toList();
            assertThat(stored).as(request.toString()).containsExactlyInAnyOrderElementsOf(sent);
        });
    }

    @Provide
    Arbitrary<Mutated> schedules() {
        return BodyMutations.of("PUT", "/api/tasks/{id}/schedule", JSON.valueToTree(Map.of("dueDates", List.of("2024-06-30", "2024-12-15"))));
    }

    @Property(tries = TRIES, seed = "6203")
    void previewATimeframe(@ForAll("timeframes") Mutated request) {
        given();
        officerOf(HonQuanPlan.CULTURE_OFFICE).send(request).ifPresent(preview -> assertThat(preview.json().get("text").asString())
                .isEqualTo(JSON.readTree(request.request().bodyText()).get("text").asString()));
    }

    @Provide
    Arbitrary<Mutated> timeframes() {
        return BodyMutations.of("POST", "/api/timeframes/parse", JSON.valueToTree(Map.of("text", "chậm nhất trong tháng 02/2025", "year", 2025)));
    }

    private void given() {
        if (api != null) {
            return;
        }
        api = HttpJson.onPort(port);
        HonQuanPlan.announceUnits(KAFKA);
        HonQuanPlan.awaitUnitsKnown(api);
        KAFKA.publish(EventCatalog.PLAN_ISSUED, PLAN, new PlanIssued(PLAN, "78/KH-UBND", "Thông tin, tuyên truyền cải cách hành chính năm 2024",
                2024, HonQuanPlan.DISTRICT, "UBND huyện Hớn Quản", "70", LocalDate.of(2024, 1, 10), "Nguyễn Văn Hạ", null, PLAN, null,
                List.of(new PlanActivity("a", "Phát hành bản tin cải cách hành chính quý II", "01 bản tin", List.of("Phòng Nội vụ"), List.of(),
                                "quý II/2024"),
                        new PlanActivity("b", "Đăng tin trên Trang thông tin điện tử huyện", null, List.of("Phòng Văn hóa - Thông tin huyện"),
                                List.of(), "sau khi có hướng dẫn của tỉnh")), null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.ok(api.get("/api/tasks?planId=" + PLAN)).get("totalElements").asLong() == 1
                && api.ok(api.get("/api/tasks/unrecognised-schedules?planId=" + PLAN)).size() == 1);
        occurrenceId = api.ok(api.get("/api/tasks?planId=" + PLAN)).get("content").get(0).get("id").asString();
        unscheduledTaskId = api.ok(api.get("/api/tasks/unrecognised-schedules?planId=" + PLAN)).get(0).get("id").asString();
    }

    /** The probe, sending as an officer of this unit; made afresh (from the store as it now is) when the last one sent for another. */
    private RefusalProbe officerOf(String unitCode) {
        if (!unitCode.equals(probeUnit)) {
            probe = new RefusalProbe(RawHttp.onPort(port).as(TestTokens.officerOf(unitCode)), mongo, List.of(Topics.TASK_EVENTS), List.of())
                    .countingOutcomes();
            probeUnit = unitCode;
        }
        return probe;
    }

    private JsonNode storedOccurrence() {
        for (JsonNode occurrence : api.ok(api.get("/api/tasks?planId=" + PLAN + "&size=500")).get("content")) {
            if (occurrence.get("id").asString().equals(occurrenceId)) {
                return occurrence;
            }
        }
        throw new AssertionError("occurrence " + occurrenceId + " is no longer listed");
    }
}
