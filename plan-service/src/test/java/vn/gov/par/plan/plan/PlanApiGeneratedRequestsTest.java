package vn.gov.par.plan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.par.plan.PlanServiceFixtures.content;
import static vn.gov.par.plan.PlanServiceFixtures.createPlan;
import static vn.gov.par.plan.PlanServiceFixtures.hierarchy;
import static vn.gov.par.plan.PlanServiceFixtures.importCsv;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.contracts.Topics;
import vn.gov.par.testsupport.BodyMutations;
import vn.gov.par.testsupport.BodyMutations.Mutated;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.RawHttp;
import vn.gov.par.testsupport.RefusalProbe;
import vn.gov.par.testsupport.SpringBackedProperties;
import vn.gov.par.testsupport.StoredWhole;

/**
 * Generated bad requests to every write endpoint of plan-service, from a valid request broken one way at a time:
 * each is refused with a 4xx problem and leaves no trace in the store or on the topics, or, when the break left it
 * valid, is stored whole. Seeds are fixed, so a failure reproduces.
 */
@PlatformIntegrationTest
class PlanApiGeneratedRequestsTest extends SpringBackedProperties {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TRIES = 60;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    private static HttpJson api;
    private static RefusalProbe probe;

    @Property(tries = TRIES, seed = "6101")
    void createAPlan(@ForAll("newPlans") Mutated request) {
        given();
        probe.send(request).ifPresent(created -> {
            JsonNode sent = JSON.readTree(request.request().bodyText());
            JsonNode stored = api.ok(api.get("/api/plans/" + created.json().get("id").asString()));
            assertThat(stored.get("status").asString()).isEqualTo("DRAFT");
            StoredWhole.assertStoredAsSent(stored, sent, request);
        });
    }

    @Provide
    Arbitrary<Mutated> newPlans() {
        return BodyMutations.of("POST", "/api/plans", JSON.valueToTree(Map.of("issuerCode", "694", "content", validContent())));
    }

    @Property(tries = TRIES, seed = "6102")
    void reviseContent(@ForAll("revisedContents") Mutated request) {
        given();
        String draft = draft();
        probe.send(request, request.request().withPath("/api/plans/" + draft + "/content")).ifPresent(revised -> {
            JsonNode stored = api.ok(api.get("/api/plans/" + draft));
            StoredWhole.assertStoredAsSent(stored.get("content"), JSON.readTree(request.request().bodyText()), request);
        });
    }

    @Provide
    Arbitrary<Mutated> revisedContents() {
        return BodyMutations.of("PUT", "/api/plans/{draft}/content", JSON.valueToTree(validContent()));
    }

    @Property(tries = TRIES, seed = "6103")
    void issuePlan(@ForAll("issueRequests") Mutated request) {
        given();
        String draft = draft();
        probe.send(request, request.request().withPath("/api/plans/" + draft + "/issue")).ifPresent(issued -> {
            JsonNode stored = api.ok(api.get("/api/plans/" + draft));
            assertThat(stored.get("status").asString()).isEqualTo("ISSUED");
            assertThat(stored.get("number").asString()).isEqualTo(JSON.readTree(request.request().bodyText()).get("number").asString().strip());
            startNewDraft();
        });
    }

    @Provide
    Arbitrary<Mutated> issueRequests() {
        return BodyMutations.of("POST", "/api/plans/{draft}/issue", JSON.valueToTree(Map.of("number", "35/KH-UBND")));
    }

    @Property(tries = TRIES, seed = "6104")
    void cancelPlan(@ForAll("cancelRequests") Mutated request) {
        given();
        String draft = draft();
        probe.send(request, request.request().withPath("/api/plans/" + draft + "/cancel")).ifPresent(cancelled -> {
            assertThat(api.ok(api.get("/api/plans/" + draft)).get("status").asString()).isEqualTo("CANCELLED");
            startNewDraft();
        });
    }

    @Provide
    Arbitrary<Mutated> cancelRequests() {
        return BodyMutations.of("POST", "/api/plans/{draft}/cancel", JSON.valueToTree(Map.of("reason", "Kế hoạch được thay thế")));
    }

    @Property(tries = TRIES, seed = "6105")
    void importUnitsAsJson(@ForAll("unitRows") Mutated request) {
        given();
        probe.send(request).ifPresent(imported -> {
            for (JsonNode row : JSON.readTree(request.request().bodyText())) {
                StoredWhole.assertStoredAsSent(api.ok(api.get("/api/units/" + row.get("code").asString().strip())), row, request);
            }
        });
    }

    @Provide
    Arbitrary<Mutated> unitRows() {
        return BodyMutations.of("POST", "/api/units/import", JSON.valueToTree(List.of(
                Map.of("code", "694-TTVH", "name", "Trung tâm Văn hóa - Thể thao huyện Hớn Quản", "level", "DISTRICT", "kind", "AGENCY",
                        "parentCode", "694"),
                Map.of("code", "25480", "name", "Xã Tân Lợi", "level", "COMMUNE", "kind", "GOVERNMENT", "parentCode", "694"))));
    }

    @Property(tries = TRIES, seed = "6106")
    void importUnitsAsCsv(@ForAll("unitCsv") Mutated request) {
        given();
        probe.send(request).ifPresent(imported -> {
            for (JsonNode row : StoredWhole.csvRows(request.request().bodyText())) {
                StoredWhole.assertStoredAsSent(api.ok(api.get("/api/units/" + row.get("code").asString().strip())), row, request);
            }
        });
    }

    @Provide
    Arbitrary<Mutated> unitCsv() {
        return BodyMutations.ofCsv("/api/units/import", """
                code,name,level,kind,parentCode
                694-TTVH,Trung tâm Văn hóa - Thể thao huyện Hớn Quản,DISTRICT,AGENCY,694
                25480,Xã Tân Lợi,COMMUNE,GOVERNMENT,694
                """);
    }

    private static String draftId;

    private void given() {
        if (api == null) {
            api = HttpJson.onPort(port);
            importCsv(api, hierarchy("three-tier.csv"));
            probe = new RefusalProbe(RawHttp.onPort(port), mongo, List.of(Topics.PLAN_EVENTS, Topics.UNIT_EVENTS),
                    List.of(new RefusalProbe.Consumer("plan-service", Topics.PLAN_EVENTS))).countingOutcomes();
        }
    }

    private String draft() {
        if (draftId == null) {
            startNewDraft();
        }
        return draftId;
    }

    private void startNewDraft() {
        draftId = createPlan(api, "694", validContent());
        probe.settle();
    }

    private static Map<String, Object> validContent() {
        return content("Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2027", 2027, LocalDate.of(2027, 3, 31), List.of());
    }
}
