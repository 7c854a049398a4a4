package vn.gov.par.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.contracts.Topics;
import vn.gov.par.testsupport.GuardedWrite;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.RawHttp;
import vn.gov.par.testsupport.RefusalProbe;
import vn.gov.par.testsupport.ServiceApiContract;
import vn.gov.par.testsupport.TestTokens;

class ApiContractTest extends ServiceApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    ApiContractTest() {
        super(List.of(Topics.PLAN_EVENTS, Topics.UNIT_EVENTS), "/api/units/import", "/api/units/{code}/subtree", "/api/plans",
                "/api/plans/{id}/issue", "/api/plans/{id}/cascade");
    }

    /**
     * A district's plans and units, with its province above, its commune below and another district beside: a
     * hierarchy of its own, so what the rules' test adds to it shows in no other test of this context.
     */
    private static final GuardedWrite.Placement DISTRICT = new GuardedWrite.Placement("800", "80", "80001", "801");
    /** For a move: a unit is moved between two districts of the province, which only the province's administrators span. */
    private static final GuardedWrite.Placement PROVINCE = new GuardedWrite.Placement("80", "TW", "800", "81");
    private static final String HIERARCHY = """
            code,name,level,kind,parentCode
            TW,Chính phủ,CENTRAL,GOVERNMENT,
            80,UBND tỉnh Long An,PROVINCE,GOVERNMENT,TW
            800,UBND huyện Thủ Thừa,DISTRICT,GOVERNMENT,80
            80001,UBND xã Mỹ An,COMMUNE,GOVERNMENT,800
            801,UBND huyện Đức Hòa,DISTRICT,GOVERNMENT,80
            81,UBND tỉnh Tây Ninh,PROVINCE,GOVERNMENT,TW
            """;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Override
    protected List<GuardedWrite> guardedWrites() {
        return List.of(
                GuardedWrite.needs("QUAN_TRI", "POST", "/api/units/import", DISTRICT, () -> {
                    placeHierarchy();
                    int n = SEQUENCE.incrementAndGet();
                    return RawHttp.Request.json("POST", "/api/units/import", JSON.writeValueAsString(List.of(Map.of("code", "800-T" + n,
                            "name", "Phòng thử nghiệm " + n + " huyện Thủ Thừa", "level", "DISTRICT", "kind", "AGENCY", "parentCode", "800"))));
                }),
                GuardedWrite.needs("QUAN_TRI", "POST", "/api/units/{code}/rename", DISTRICT, () -> {
                    String unit = freshUnit("800", "DISTRICT", "AGENCY", "Phòng thử đổi tên");
                    return RawHttp.Request.json("POST", "/api/units/" + unit + "/rename", "{\"name\":\"Phòng đã đổi tên\"}");
                }),
                GuardedWrite.needs("QUAN_TRI", "POST", "/api/units/{code}/move", PROVINCE, () -> {
                    String unit = freshUnit("800", "COMMUNE", "GOVERNMENT", "UBND xã thử chuyển");
                    return RawHttp.Request.json("POST", "/api/units/" + unit + "/move", "{\"parentCode\":\"801\"}");
                }),
                GuardedWrite.needs("QUAN_TRI", "POST", "/api/units/{code}/retire", DISTRICT, () -> {
                    String unit = freshUnit("800", "COMMUNE", "GOVERNMENT", "UBND xã thử giải thể");
                    return RawHttp.Request.json("POST", "/api/units/" + unit + "/retire", "{\"retiredOn\":\"2025-07-01\",\"successorCode\":\"80001\"}");
                }),
                GuardedWrite.needs("QUAN_TRI", "POST", "/api/units/{code}/merge", DISTRICT, () -> {
                    String unit = freshUnit("800", "COMMUNE", "GOVERNMENT", "UBND xã thử sáp nhập");
                    return RawHttp.Request.json("POST", "/api/units/80001/merge", "{\"unitCodes\":[\"" + unit + "\"],\"mergedOn\":\"2025-07-01\"}");
                }),
                GuardedWrite.needs("QUAN_TRI", "DELETE", "/api/units/{code}", PROVINCE, () -> {
                    String unit = freshUnit("80", "PROVINCE", "AGENCY", "Ban thử nhập nhầm");
                    return new RawHttp.Request("DELETE", "/api/units/" + unit, null, new byte[0]);
                }),
                GuardedWrite.needs("CAN_BO", "POST", "/api/plans", DISTRICT, () -> {
                    placeHierarchy();
                    return RawHttp.Request.json("POST", "/api/plans", JSON.writeValueAsString(Map.of("issuerCode", "800", "content",
                            districtPlan())));
                }),
                GuardedWrite.needs("CAN_BO", "POST", "/api/plan-imports", DISTRICT, () -> {
                    placeHierarchy();
                    return RawHttp.Request.upload("/api/plan-imports?issuerCode=800", "ke-hoach.md", PLAN_DOCUMENT);
                }),
                GuardedWrite.needs("CAN_BO", "POST", "/api/plan-imports/{planId}/confirmations", DISTRICT,
                        () -> RawHttp.Request.json("POST", "/api/plan-imports/" + importedDistrictDraft() + "/confirmations",
                                "{\"fields\": [\"title\"]}")),
                GuardedWrite.needs("CAN_BO", "PUT", "/api/plans/{id}/content", DISTRICT,
                        () -> RawHttp.Request.json("PUT", "/api/plans/" + districtDraft() + "/content", JSON.writeValueAsString(districtPlan()))),
                GuardedWrite.needs("LANH_DAO", "POST", "/api/plans/{id}/issue", DISTRICT,
                        () -> RawHttp.Request.json("POST", "/api/plans/" + districtDraft() + "/issue", JSON.writeValueAsString(Map.of("number",
                                SEQUENCE.incrementAndGet() + "/KH-UBND", "confirmUnassigned", true)))),
                GuardedWrite.needs("LANH_DAO", "POST", "/api/plans/{id}/close", DISTRICT, () -> {
                    String id = districtDraft();
                    PlanServiceFixtures.issue(api(), id, SEQUENCE.incrementAndGet() + "/KH-UBND");
                    return new RawHttp.Request("POST", "/api/plans/" + id + "/close", null, new byte[0]);
                }),
                GuardedWrite.needs("LANH_DAO", "POST", "/api/plans/{id}/cancel", DISTRICT,
                        () -> RawHttp.Request.json("POST", "/api/plans/" + districtDraft() + "/cancel", "{\"reason\":\"Thử quyền hủy\"}")));
    }

    @Override
    protected List<RefusalProbe.Consumer> consumers() {
        return List.of(new RefusalProbe.Consumer("plan-service", Topics.PLAN_EVENTS));
    }

    private static final byte[] PLAN_DOCUMENT = """
            KẾ HOẠCH
            Thông tin, tuyên truyền cải cách hành chính năm 2027

            IV. TỔ CHỨC THỰC HIỆN
            1. UBND các xã
            - Đăng tin, bài tuyên truyền cải cách hành chính hàng quý.
            """.getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private HttpJson api() {
        return HttpJson.onPort(port);
    }

    /** A unit of its own under {@code parentCode}, placed by the country's administrator. */
    private String freshUnit(String parentCode, String level, String kind, String name) {
        placeHierarchy();
        String code = parentCode + "-U" + SEQUENCE.incrementAndGet();
        api().ok(api().post("/api/units/import", List.of(Map.of("code", code, "name", name + " " + code, "level", level, "kind", kind,
                "parentCode", parentCode))));
        return code;
    }

    private void placeHierarchy() {
        PlanServiceFixtures.importCsv(api(), HIERARCHY);
    }

    /** A district's draft read from a plan document by its own officer. */
    private String importedDistrictDraft() {
        placeHierarchy();
        HttpJson officer = api().as(TestTokens.officerOf("800"));
        return officer.ok(officer.upload("/api/plan-imports", Map.of("issuerCode", "800"), "file", "ke-hoach.md", PLAN_DOCUMENT))
                .get("planId").asString();
    }

    private String districtDraft() {
        placeHierarchy();
        return PlanServiceFixtures.createPlan(api(), "800", districtPlan());
    }

    private static Map<String, Object> districtPlan() {
        return PlanServiceFixtures.content("Kế hoạch thử quyền năm 2031", 2031, LocalDate.of(2031, 3, 31), List.of());
    }

    @Test
    void theDocumentedPlanExamplesDoWhatTheDocumentationSays() {
        HttpJson api = HttpJson.onPort(port);
        JsonNode paths = api.ok(api.get("/v3/api-docs")).get("paths");
        // The units the examples name, placed as the other tests of this context place them (whichever runs first).
        for (String row : List.of("TW,Chính phủ,CENTRAL,GOVERNMENT,", "70,UBND tỉnh Bình Phước,PROVINCE,GOVERNMENT,TW",
                "70-SNV,Sở Nội vụ tỉnh Bình Phước,PROVINCE,AGENCY,70")) {
            if (api.get("/api/units/" + row.substring(0, row.indexOf(','))).status().value() == 404) {
                PlanServiceFixtures.importCsv(api, "code,name,level,kind,parentCode\n" + row + "\n");
            }
        }

        HttpJson province = api.as(TestTokens.leaderOf("70"));
        HttpJson.Response created = province.post("/api/plans", example(paths, "/api/plans", "post", "application/json"));
        assertThat(created.status().value()).isEqualTo(201);
        assertThat(created.body().propertyNames()).containsExactlyInAnyOrderElementsOf(
                paths.at("/~1api~1plans/post/responses/201/content/application~1json/example").propertyNames());
        String id = created.body().get("id").asString();

        JsonNode revised = province.ok(province.put("/api/plans/" + id + "/content", example(paths, "/api/plans/{id}/content", "put", "application/json")));
        assertThat(revised.at("/content/basis").asString()).startsWith("Thực hiện Kế hoạch số 15/KH-BNV");

        JsonNode cancelled = province.ok(province.post("/api/plans/" + id + "/cancel", example(paths, "/api/plans/{id}/cancel", "post", "application/json")));
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
    }

    private static JsonNode example(JsonNode paths, String path, String method, String mediaType) {
        return paths.path(path).path(method).path("requestBody").path("content").path(mediaType).path("example");
    }
}
