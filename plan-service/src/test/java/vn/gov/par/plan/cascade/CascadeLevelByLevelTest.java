package vn.gov.par.plan.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.par.plan.PlanServiceFixtures.content;
import static vn.gov.par.plan.PlanServiceFixtures.createPlan;
import static vn.gov.par.plan.PlanServiceFixtures.draftOf;
import static vn.gov.par.plan.PlanServiceFixtures.importCsv;
import static vn.gov.par.plan.PlanServiceFixtures.issue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;
import vn.gov.par.plan.PlanServiceFixtures;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.MutableClock;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.TestTokens;

/**
 * The cascade a level at a time, as a screen opens it: Bến Tre's districts listed without their communes, each saying
 * what lies below it; a district opened through its own plan; only the late ones and the way down to them. Over HTTP,
 * through the real broker and store.
 */
@PlatformIntegrationTest
class CascadeLevelByLevelTest {

    /** A province of its own, so what other tests of this context add shows nowhere here. */
    private static final String HIERARCHY = """
            code,name,level,kind,parentCode
            TW,Chính phủ,CENTRAL,GOVERNMENT,
            83,UBND tỉnh Bến Tre,PROVINCE,GOVERNMENT,TW
            831,UBND huyện Châu Thành,DISTRICT,GOVERNMENT,83
            28810,UBND xã Tân Thạch,COMMUNE,GOVERNMENT,831
            28813,UBND xã Quới Sơn,COMMUNE,GOVERNMENT,831
            832,UBND huyện Chợ Lách,DISTRICT,GOVERNMENT,83
            """;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    HttpJson province;

    @BeforeEach
    void setUp() {
        HttpJson api = HttpJson.onPort(port);
        importCsv(api, HIERARCHY);
        province = api.as(TestTokens.leaderOf("83"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aProvinceOpensItsCascadeALevelAtATimeAndFindsTheLateUnitsThroughTheirDistricts() {
        clock.setDate(LocalDate.of(2034, 3, 1));
        String provincePlan = createPlan(province, "83", content("Thông tin, tuyên truyền cải cách hành chính năm 2034 trên địa bàn tỉnh Bến Tre",
                2034, LocalDate.of(2034, 3, 31), List.of()));
        issue(province, provincePlan, "7/KH-UBND");
        await().atMost(Duration.ofSeconds(30)).until(() -> draftOf(province, "831", provincePlan) != null);
        JsonNode chauThanh = draftOf(province, "831", provincePlan);
        PlanServiceFixtures.revise(province, chauThanh, content("Thông tin, tuyên truyền cải cách hành chính năm 2034 trên địa bàn huyện "
                + "Châu Thành", 2034, LocalDate.of(2034, 4, 30), List.of()));
        issue(province, chauThanh.get("id").asString(), "15/KH-UBND");
        await().atMost(Duration.ofSeconds(30)).until(() -> cascade(provincePlan, "").get("total").get("total").asInt() == 4);

        // 10/4: Chợ Lách is late, Châu Thành issued on time and its communes still have time
        clock.setDate(LocalDate.of(2034, 4, 10));
        JsonNode firstLevel = cascade(provincePlan, "?depth=1");
        assertThat(unitCodes(firstLevel.get("children"))).containsExactly("831", "832");
        assertThat(firstLevel.get("children")).allSatisfy(node -> assertThat(node.get("children")).isEmpty());
        JsonNode chauThanhNode = firstLevel.get("children").get(0);
        assertThat(chauThanhNode.at("/below/total").asInt()).isEqualTo(2);
        assertThat(chauThanhNode.at("/below/pending").asInt()).isEqualTo(2);
        assertThat(firstLevel.get("children").get(1).at("/below/total").asInt()).isZero();
        assertThat(firstLevel.at("/total/total").asInt()).as("counted over the whole cascade").isEqualTo(4);
        assertThat(firstLevel.get("levels")).extracting(level -> level.get("level").asString()).containsExactly("DISTRICT", "COMMUNE");

        JsonNode opened = cascade(chauThanhNode.get("subPlanId").asString(), "?depth=1");
        assertThat(unitCodes(opened.get("children"))).containsExactly("28810", "28813");
        assertThat(opened.at("/total/total").asInt()).isEqualTo(2);
        HttpJson neighbour = province.as(TestTokens.officerOf("832"));
        assertThat(neighbour.get("/api/plans/" + chauThanhNode.get("subPlanId").asString() + "/cascade?depth=1").status().value())
                .as("a neighbouring district cannot open Châu Thành").isEqualTo(404);

        assertThat(unitCodes(cascade(provincePlan, "?status=OVERDUE").get("children"))).containsExactly("832");

        // 5/5: the communes are late too, and Châu Thành is listed for them though it issued on time
        clock.setDate(LocalDate.of(2034, 5, 5));
        JsonNode late = cascade(provincePlan, "?status=OVERDUE&depth=1");
        assertThat(unitCodes(late.get("children"))).containsExactly("831", "832");
        assertThat(late.get("children").get(0).get("status").asString()).isEqualTo("ISSUED_ON_TIME");
        assertThat(late.get("children").get(0).at("/below/overdue").asInt()).isEqualTo(2);
        assertThat(unitCodes(cascade(provincePlan, "?status=ISSUED_ON_TIME").get("children"))).containsExactly("831");
        assertThat(cascade(provincePlan, "?status=ISSUED_ON_TIME").get("children").get(0).get("children")).isEmpty();
        assertThat(cascade(provincePlan, "").get("children").get(0).get("children")).as("the whole tree stays the default").hasSize(2);
    }

    @Test
    void anUnknownStatusOrADepthBelowOneIsRefusedAsAProblem() {
        String plan = createPlan(province, "83", content("Kế hoạch thử tham số cây phân cấp năm 2034", 2034, null, List.of()));

        HttpJson.Response badStatus = province.get("/api/plans/" + plan + "/cascade?status=QUA_HAN");
        assertThat(badStatus.status().value()).isEqualTo(400);
        assertThat(badStatus.body().get("code").asString()).isEqualTo("invalid-parameter");
        assertThat(badStatus.body().get("detail").asString()).contains("QUA_HAN", "status");

        HttpJson.Response badDepth = province.get("/api/plans/" + plan + "/cascade?depth=0");
        assertThat(badDepth.status().value()).isEqualTo(400);
        assertThat(badDepth.body().get("code").asString()).isEqualTo("validation-failed");
    }

    private JsonNode cascade(String planId, String query) {
        return province.ok(province.get("/api/plans/" + planId + "/cascade" + query));
    }

    private static List<String> unitCodes(JsonNode nodes) {
        List<String> codes = new ArrayList<>();
        nodes.forEach(node -> codes.add(node.get("unitCode").asString()));
        return codes;
    }
}
