package vn.gov.par.plan.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.par.plan.PlanServiceFixtures.hierarchy;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.PlatformIntegrationTest;

@PlatformIntegrationTest
class UnitImportTest {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Value("${local.server.port}")
    int port;

    HttpJson api;

    @BeforeEach
    void setUp() {
        api = HttpJson.onPort(port);
    }

    @Test
    void importsAThreeTierHierarchyOnceAndAnswersSubtreesAndChildren() {
        String csv = hierarchy("three-tier.csv");
        api.send("/api/units/import", CSV, csv);

        JsonNode again = api.ok(api.send("/api/units/import", CSV, csv));
        assertThat(again.get("unchanged").asInt()).as("re-importing the same file changes nothing").isEqualTo(15);
        assertThat(again.get("created").asInt() + again.get("updated").asInt()).isZero();

        JsonNode honQuan = api.ok(api.get("/api/units/694"));
        assertThat(honQuan.get("name").asString()).isEqualTo("UBND huyện Hớn Quản");
        assertThat(honQuan.get("provinceCode").asString()).isEqualTo("70");
        assertThat(codes(api.ok(api.get("/api/units/694/children")))).containsExactly("25320", "25323", "25326", "694-PNV", "694-PVHTT");

        JsonNode subtree = api.ok(api.get("/api/units/70/subtree"));
        assertThat(codes(subtree.get("children"))).containsExactly("691", "694", "697", "70-SNV", "70-STTTT");
        JsonNode commune = api.ok(api.get("/api/units/25323"));
        assertThat(commune.get("ancestorCodes")).extracting(JsonNode::asString).containsExactly("TW", "70", "694");
    }

    @Test
    void importsJsonTooAndPagesTheDirectory() {
        List<Map<String, String>> rows = List.of(
                Map.of("code", "TW", "name", "Chính phủ", "level", "CENTRAL", "kind", "GOVERNMENT", "parentCode", ""),
                Map.of("code", "96", "name", "UBND tỉnh Cà Mau", "level", "PROVINCE", "kind", "GOVERNMENT", "parentCode", "TW"),
                Map.of("code", "32002", "name", "UBND phường An Xuyên", "level", "COMMUNE", "kind", "GOVERNMENT", "parentCode", "96"));
        JsonNode outcome = api.ok(api.post("/api/units/import", rows));
        assertThat(outcome.get("received").asInt()).isEqualTo(3);

        JsonNode page = api.ok(api.get("/api/units?provinceCode=96&size=1"));
        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
        assertThat(page.get("content")).hasSize(1);
    }

    @Test
    void aBadImportIsRejectedWholeWithEveryBadRowAndStoresNothing() {
        String csv = """
                code,name,level,kind,parentCode
                X1,UBND tỉnh Thử Nghiệm,PROVINCE,GOVERNMENT,
                X2,UBND huyện Mồ Côi,DISTRICT,GOVERNMENT,KHONG-CO
                X3,,COMMUNE,GOVERNMENT,X1
                X1,UBND tỉnh Trùng Mã,PROVINCE,GOVERNMENT,
                X4,Phòng Nội vụ,PROVINCE,AGENCY,X1
                X5,UBND xã Dưới Cơ Quan,COMMUNE,GOVERNMENT,X4
                X6,UBND xã Thượng,COMMUNE,GOVERNMENT,X1
                X7,UBND huyện Dưới Xã,DISTRICT,GOVERNMENT,X6
                X8,Ban A,PROVINCE,AGENCY,X9
                X9,Ban B,PROVINCE,AGENCY,X8
                """;

        HttpJson.Response response = api.send("/api/units/import", CSV, csv);

        assertThat(response.status().value()).isEqualTo(422);
        assertThat(response.body().get("code").asString()).isEqualTo("invalid-import");
        List<Integer> badRows = StreamSupport.stream(response.body().get("errors").spliterator(), false)
                .map(e -> e.get("row").asInt()).distinct().toList();
        assertThat(badRows).containsExactly(2, 3, 4, 6, 8, 9, 10);
        assertThat(response.body().toString()).contains("không tồn tại", "bị trùng", "Thiếu trường bắt buộc 'name'",
                "là cơ quan, không thể có đơn vị trực thuộc", "không thể trực thuộc đơn vị cấp xã", "vòng lặp");
        for (String code : List.of("X1", "X4", "X6")) {
            assertThat(api.get("/api/units/" + code).status().value()).as("nothing of a bad import is stored: " + code).isEqualTo(404);
        }
    }

    @Test
    void anEmptyRowInAJsonImportIsAProblemNotAnError() {
        HttpJson.Response response = api.post("/api/units/import", "[null]");

        assertThat(response.status().value()).isEqualTo(400);
        assertThat(response.body().get("code").asString()).isEqualTo("validation-failed");
    }

    @Test
    void aFileWithTheWrongHeaderIsRefusedWithTheExpectedOne() {
        HttpJson.Response response = api.send("/api/units/import", CSV, "ma,ten\n1,UBND tỉnh\n");

        assertThat(response.status().value()).isEqualTo(422);
        assertThat(response.body().get("detail").asString()).contains("code,name,level,kind,parentCode");
    }

    private static List<String> codes(JsonNode units) {
        return StreamSupport.stream(units.spliterator(), false).map(u -> u.get("code").asString()).sorted().toList();
    }
}
