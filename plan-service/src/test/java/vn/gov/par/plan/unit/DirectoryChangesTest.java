package vn.gov.par.plan.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.plan.PlanServiceFixtures;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.TestTokens;

/**
 * The 2025 reform, as an administrator makes it: a district moved to another province with its communes, a commune
 * renamed, a unit imported by mistake deleted; every refused change is a problem that changes nothing. Each test places units of its own ("MV1-A" ...): the
 * store outlives a test, and other tests re-import theirs.
 */
@PlatformIntegrationTest
class DirectoryChangesTest {

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final String UNITS = """
            code,name,level,kind,parentCode
            TW,Chính phủ,CENTRAL,GOVERNMENT,
            MV%1$d-A,UBND tỉnh Bình Thuận Thử,PROVINCE,GOVERNMENT,TW
            MV%1$d-B,UBND tỉnh Lâm Đồng Thử,PROVINCE,GOVERNMENT,TW
            MV%1$d-A-SNV,Sở Nội vụ tỉnh Bình Thuận Thử,PROVINCE,AGENCY,MV%1$d-A
            MV%1$d-A1,UBND huyện Tuy Phong Thử,DISTRICT,GOVERNMENT,MV%1$d-A
            MV%1$d-A1-PNV,Phòng Nội vụ huyện Tuy Phong Thử,DISTRICT,AGENCY,MV%1$d-A1
            MV%1$d-A11,UBND xã Phước Thể Thử,COMMUNE,GOVERNMENT,MV%1$d-A1
            MV%1$d-A12,UBND xã Vĩnh Hảo Thử,COMMUNE,GOVERNMENT,MV%1$d-A1
            MV%1$d-A2,UBND huyện Bắc Bình Thử,DISTRICT,GOVERNMENT,MV%1$d-A
            """;

    @Value("${local.server.port}")
    int port;

    HttpJson api;

    @BeforeEach
    void setUp() {
        api = HttpJson.onPort(port);
        String run = "MV" + RUNS.incrementAndGet();
        api.ok(api.send("/api/units/import", MediaType.parseMediaType("text/csv"), UNITS.formatted(RUNS.get())));
        units = code -> code.replace("MV-", run + "-");
    }

    /** This test's code for a unit written "MV-..." below. */
    private UnaryOperator<String> units;

    @Test
    void aDistrictMovedToAnotherProvinceTakesItsCommunesAndAgenciesAndEachSaysSo() {
        HttpJson centre = api.as(TestTokens.administratorOf("TW"));

        JsonNode moved = centre.ok(centre.post("/api/units/" + u("MV-A1") + "/move", Map.of("parentCode", u("MV-B"))));

        assertThat(moved.get("parentCode").asString()).isEqualTo(u("MV-B"));
        assertThat(moved.get("provinceCode").asString()).isEqualTo(u("MV-B"));
        JsonNode commune = api.ok(api.get("/api/units/" + u("MV-A12")));
        assertThat(commune.get("ancestorCodes")).extracting(JsonNode::asString).containsExactly("TW", u("MV-B"), u("MV-A1"));
        assertThat(commune.get("provinceCode").asString()).isEqualTo(u("MV-B"));
        assertThat(codes(api.ok(api.get("/api/units/" + u("MV-B") + "/subtree")).get("children"))).containsExactly(u("MV-A1"));
        assertThat(codes(api.ok(api.get("/api/units/" + u("MV-A") + "/subtree")).get("children"))).containsExactly(u("MV-A-SNV"), u("MV-A2"));

        List<UnitRecorded> updates = await().atMost(Duration.ofSeconds(30)).until(() -> updatesOf(u("MV-A1"), u("MV-A1-PNV"), u("MV-A11"), u("MV-A12")),
                found -> found.size() == 4);
        assertThat(updates).allSatisfy(unit -> {
            List<String> path = new ArrayList<>(unit.ancestorCodes());
            path.add(unit.code());
            assertThat(path).containsSubsequence("TW", u("MV-B"), u("MV-A1"));
        });

        assertThat(centre.ok(centre.post("/api/units/" + u("MV-A1") + "/move", Map.of("parentCode", u("MV-B")))).get("parentCode").asString())
                .as("asked again: nothing more").isEqualTo(u("MV-B"));
    }

    @Test
    void aMoveThatMakesACycleOrMisplacesAUnitIsRefusedAndChangesNothing() {
        HttpJson centre = api.as(TestTokens.administratorOf("TW"));

        refused(centre.post("/api/units/" + u("MV-A") + "/move", Map.of("parentCode", u("MV-A11"))), 422, "move-into-own-subtree");
        refused(centre.post("/api/units/" + u("MV-A2") + "/move", Map.of("parentCode", u("MV-A-SNV"))), 422, "parent-is-agency");
        refused(centre.post("/api/units/" + u("MV-A1") + "/move", Map.of("parentCode", u("MV-A2"))), 422, "level-not-below");
        refused(centre.post("/api/units/" + u("MV-A1-PNV") + "/move", Map.of("parentCode", u("MV-A"))), 422, "level-not-below");
        refused(centre.post("/api/units/" + u("MV-A11") + "/move", Map.of("parentCode", "KHONG-CO")), 422, "parent-not-found");
        refused(centre.post("/api/units/KHONG-CO/move", Map.of("parentCode", u("MV-A"))), 404, "not-found");

        assertThat(api.ok(api.get("/api/units/" + u("MV-A1"))).get("parentCode").asString()).isEqualTo(u("MV-A"));
        assertThat(api.ok(api.get("/api/units/" + u("MV-A"))).get("parentCode").asString()).isEqualTo("TW");
    }

    @Test
    void onlyAnAdministratorOfBothPlacesMovesAUnit() {
        refused(api.as(TestTokens.leaderOf(u("MV-A"))).post("/api/units/" + u("MV-A2") + "/move", Map.of("parentCode", u("MV-B"))), 403, "role-required");
        refused(api.as(TestTokens.administratorOf(u("MV-A"))).post("/api/units/" + u("MV-A2") + "/move", Map.of("parentCode", u("MV-B"))), 403,
                "outside-subtree");
        refused(api.as(TestTokens.administratorOf(u("MV-B"))).post("/api/units/" + u("MV-A2") + "/move", Map.of("parentCode", u("MV-B"))), 403,
                "outside-subtree");

        assertThat(api.ok(api.get("/api/units/" + u("MV-A2"))).get("parentCode").asString()).isEqualTo(u("MV-A"));
    }

    @Test
    void aCommuneRenamedKeepsItsPlaceAndSaysSo() {
        HttpJson province = api.as(TestTokens.administratorOf(u("MV-A")));

        JsonNode renamed = province.ok(province.post("/api/units/" + u("MV-A11") + "/rename", Map.of("name", "  UBND phường Phước Thể Thử ")));

        assertThat(renamed.get("name").asString()).isEqualTo("UBND phường Phước Thể Thử");
        assertThat(renamed.get("parentCode").asString()).isEqualTo(u("MV-A1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> updatesOf(u("MV-A11")).stream().anyMatch(u -> u.name().equals("UBND phường Phước Thể Thử")));
        refused(province.post("/api/units/" + u("MV-A11") + "/rename", Map.of("name", " ")), 400, "validation-failed");
    }

    private String u(String code) {
        return units.apply(code);
    }

    @Test
    void aUnitImportedByMistakeIsDeletedAndTheOtherServicesAreToldToForgetIt() {
        HttpJson province = api.as(TestTokens.administratorOf(u("MV-A")));

        province.ok(province.post("/api/units/import", List.of(Map.of("code", u("MV-A2") + "-X", "name", "UBND xã Nhập Nhầm", "level", "COMMUNE",
                "kind", "GOVERNMENT", "parentCode", u("MV-A2")))));
        HttpJson.Response deleted = province.delete("/api/units/" + u("MV-A2") + "-X");

        assertThat(deleted.status().value()).isEqualTo(204);
        assertThat(api.get("/api/units/" + u("MV-A2") + "-X").status().value()).isEqualTo(404);
        assertThat(codes(api.ok(api.get("/api/units/" + u("MV-A2") + "/children")))).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> deletedCodes().contains(u("MV-A2") + "-X"));
        refused(province.delete("/api/units/" + u("MV-A2") + "-X"), 404, "not-found");
    }

    @Test
    void aUnitWithUnitsBelowItOrAPlanAboveItIsNotDeletedButSaysWhy() {
        HttpJson centre = api.as(TestTokens.administratorOf("TW"));
        refused(centre.delete("/api/units/" + u("MV-A1")), 409, "unit-has-history");
        assertThat(centre.delete("/api/units/" + u("MV-A1")).body().get("errors")).extracting(JsonNode::asString)
                .containsExactly("Đơn vị có 3 đơn vị trực thuộc.");

        String plan = PlanServiceFixtures.createPlan(api, u("MV-A"), PlanServiceFixtures.content("Kế hoạch thử xóa đơn vị năm 2031", 2031, LocalDate.of(2031, 3, 31),
                List.of()));
        PlanServiceFixtures.issue(api, plan, "1/KH-UBND");
        JsonNode reasons = centre.delete("/api/units/" + u("MV-A12")).body();

        assertThat(reasons.get("errors")).extracting(JsonNode::asString)
                .contains("Cấp trên của đơn vị đã ban hành kế hoạch: việc và báo cáo có thể đã được giao cho đơn vị.");
        assertThat(api.get("/api/units/" + u("MV-A12")).status().value()).as("nothing changed").isEqualTo(200);
        refused(api.as(TestTokens.leaderOf(u("MV-A"))).delete("/api/units/" + u("MV-A12")), 403, "role-required");
        refused(api.as(TestTokens.administratorOf(u("MV-B"))).delete("/api/units/" + u("MV-A12")), 403, "outside-subtree");
    }

    private static List<String> deletedCodes() {
        EventCodec codec = new EventCodec();
        return KafkaTopicProbe.embedded().readAll(Topics.UNIT_EVENTS).stream().map(record -> codec.decode(record.value()))
                .filter(event -> event.is(EventCatalog.UNIT_DELETED)).map(event -> event.dataAs(EventCatalog.UNIT_DELETED).code()).toList();
    }

    private static void refused(HttpJson.Response response, int status, String code) {
        assertThat(response.status().value()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.body().get("code").asString()).isEqualTo(code);
    }

    private static List<UnitRecorded> updatesOf(String... codes) {
        EventCodec codec = new EventCodec();
        List<String> wanted = List.of(codes);
        List<UnitRecorded> found = new ArrayList<>();
        KafkaTopicProbe.embedded().readAll(Topics.UNIT_EVENTS).stream().map(record -> codec.decode(record.value()))
                .filter(event -> event.is(EventCatalog.UNIT_UPDATED)).map(event -> event.dataAs(EventCatalog.UNIT_UPDATED))
                .filter(unit -> wanted.contains(unit.code())).forEach(found::add);
        return found;
    }

    private static List<String> codes(JsonNode units) {
        List<String> codes = new ArrayList<>();
        units.forEach(unit -> codes.add(unit.get("code").asString()));
        return codes.stream().sorted().toList();
    }
}
