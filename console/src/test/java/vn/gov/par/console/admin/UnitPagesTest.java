package vn.gov.par.console.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

class UnitPagesTest extends AdminPageTest {

    private static final String PROVINCE = """
            {"code": "70", "name": "UBND tỉnh Bình Phước", "level": "PROVINCE", "kind": "GOVERNMENT", "parentCode": "TW",
             "provinceCode": "70", "ancestorCodes": ["TW"]}""";
    private static final String DISTRICT = """
            {"code": "694", "name": "UBND huyện Hớn Quản", "level": "DISTRICT", "kind": "GOVERNMENT", "parentCode": "70",
             "provinceCode": "70", "ancestorCodes": ["TW", "70"]}""";

    @BeforeEach
    void directory() {
        services.answer("GET", "/api/units/70", PROVINCE);
        services.answer("GET", "/api/units/694", DISTRICT);
        services.answer("GET", "/api/units/70/children", "[" + DISTRICT + """
                , {"code": "70-SNV", "name": "Sở Nội vụ tỉnh Bình Phước", "level": "PROVINCE", "kind": "AGENCY", "parentCode": "70",
                   "provinceCode": "70", "ancestorCodes": ["TW", "70"]}]""");
        services.answer("GET", "/api/units/694/children", """
                [{"code": "25327", "name": "UBND xã Thanh An", "level": "COMMUNE", "kind": "GOVERNMENT", "parentCode": "694",
                  "provinceCode": "70", "ancestorCodes": ["TW", "70", "694"]}]""");
    }

    @Test
    void theTreeStartsAtTheAdministratorsUnitAndEachUnitOpensToItsChildren() throws Exception {
        String page = page(get("/admin/units").with(signedIn.provinceAdministrator()));

        assertThat(page).contains("UBND tỉnh Bình Phước", "70 · Cấp tỉnh · Chính quyền", "UBND huyện Hớn Quản", "694 · Cấp huyện · Chính quyền",
                "Sở Nội vụ tỉnh Bình Phước", "70-SNV · Cấp tỉnh · Cơ quan", "hx-get=\"/admin/units/694/children\"", "href=\"/admin/units?code=694\"",
                "href=\"/admin/units/import\"");
        assertThat(services.received("GET", "/api/units/70/children")).singleElement()
                .satisfies(call -> assertThat(call.authorization()).isEqualTo("Bearer token-of-tinh.quantri"));
        assertThat(services.received("GET", "/api/units/694/children")).as("children are read when a unit is opened").isEmpty();
    }

    @Test
    void openingAUnitBringsOnlyItsChildren() throws Exception {
        String piece = page(get("/admin/units/694/children").with(signedIn.provinceAdministrator()));

        assertThat(piece).contains("UBND xã Thanh An", "25327 · Cấp xã · Chính quyền", "hx-get=\"/admin/units/25327/children\"")
                .doesNotContain("<html", "UBND huyện Hớn Quản");
    }

    @Test
    void aUnitsOwnPageLeadsBackUpToTheAdministratorsUnit() throws Exception {
        String page = page(get("/admin/units").param("code", "694").with(signedIn.provinceAdministrator()));

        assertThat(page).contains("Trực thuộc:", "href=\"/admin/units?code=70\"", "UBND xã Thanh An").doesNotContain("code=TW");
    }

    @Test
    void aUnitIsMovedUnderAnotherParentAndARefusalIsShownWithWhatWasTyped() throws Exception {
        services.answer("POST", "/api/units/694/move", 422, """
                {"status": 422, "code": "level-not-below", "title": "Yêu cầu không hợp lệ",
                 "detail": "Đơn vị cấp huyện 'UBND huyện Hớn Quản' không thể trực thuộc đơn vị cấp xã 'UBND xã Thanh An'."}""");

        String refused = page(post("/admin/units/694/move").param("parentCode", "25327").with(signedIn.provinceAdministrator()).with(csrf()), 200);

        assertThat(refused).contains("không thể trực thuộc đơn vị cấp xã", "value=\"25327\"", "UBND huyện Hớn Quản");

        services.answer("POST", "/api/units/694/move", DISTRICT);
        mvc.perform(post("/admin/units/694/move").param("parentCode", " 693 ").with(signedIn.provinceAdministrator()).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/units?code=694"))
                .andExpect(flash().attribute("notice", "Đã chuyển đơn vị sang trực thuộc 693."));
        assertThat(services.received("POST", "/api/units/694/move")).last().satisfies(call -> {
            assertThat(call.body()).isEqualTo("{\"parentCode\":\"693\"}");
            assertThat(call.authorization()).isEqualTo("Bearer token-of-tinh.quantri");
        });
    }

    @Test
    void aUnitImportedByMistakeIsDeletedAndOneWithAHistoryIsRefusedWithTheReasons() throws Exception {
        services.answer("DELETE", "/api/units/694", 409, """
                {"status": 409, "code": "unit-has-history", "title": "Xung đột",
                 "detail": "Không xóa được 'UBND huyện Hớn Quản': đơn vị đã có dữ liệu; hãy chuyển hoặc đổi tên đơn vị.",
                 "errors": ["Đơn vị có 1 đơn vị trực thuộc."]}""");

        String refused = page(post("/admin/units/694/delete").with(signedIn.provinceAdministrator()).with(csrf()), 200);
        assertThat(refused).contains("Không xóa được", "Đơn vị có 1 đơn vị trực thuộc.");

        services.answer("DELETE", "/api/units/694", 204, "");
        mvc.perform(post("/admin/units/694/delete").with(signedIn.provinceAdministrator()).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/units?code=70"))
                .andExpect(flash().attribute("notice", "Đã xóa đơn vị UBND huyện Hớn Quản."));
    }

    @Test
    void aUnitIsMergedIntoThisOneOnADayAndARefusalKeepsWhatWasTyped() throws Exception {
        services.answer("POST", "/api/units/694/merge", 409, """
                {"status": 409, "code": "units-below-in-service", "title": "Xung đột",
                 "detail": "Không giải thể được 'UBND huyện Bình Long': còn 3 đơn vị trực thuộc đang hoạt động; hãy chuyển, sáp nhập hoặc giải thể các đơn vị đó trước."}""");

        String refused = page(post("/admin/units/694/merge").param("unitCodes", "693, 695").param("mergedOn", "2025-07-01")
                .with(signedIn.provinceAdministrator()).with(csrf()), 200);
        assertThat(refused).contains("còn 3 đơn vị trực thuộc đang hoạt động", "value=\"693, 695\"", "value=\"2025-07-01\"");

        services.answer("POST", "/api/units/694/merge", "[]");
        mvc.perform(post("/admin/units/694/merge").param("unitCodes", "693, 695").param("mergedOn", "2025-07-01")
                        .with(signedIn.provinceAdministrator()).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/units?code=694"))
                .andExpect(flash().attribute("notice", "Đã sáp nhập 693, 695 vào đơn vị này."));
        assertThat(services.received("POST", "/api/units/694/merge")).last().satisfies(call -> assertThat(call.body())
                .isEqualTo("{\"unitCodes\":[\"693\",\"695\"],\"mergedOn\":\"2025-07-01\"}"));
    }

    @Test
    void aUnitIsDissolvedWithOrWithoutASuccessor() throws Exception {
        services.answer("POST", "/api/units/694/retire", DISTRICT);

        mvc.perform(post("/admin/units/694/retire").param("retiredOn", "2025-07-01").param("successorCode", " 26001 ")
                        .with(signedIn.provinceAdministrator()).with(csrf()))
                .andExpect(status().isFound()).andExpect(flash().attribute("notice",
                        "Đã ghi nhận giải thể đơn vị; đơn vị 26001 kế thừa công việc còn mở."));
        mvc.perform(post("/admin/units/694/retire").param("retiredOn", "2025-07-01").param("successorCode", "")
                        .with(signedIn.provinceAdministrator()).with(csrf()))
                .andExpect(status().isFound()).andExpect(flash().attribute("notice", "Đã ghi nhận giải thể đơn vị."));

        assertThat(services.received("POST", "/api/units/694/retire")).extracting(vn.gov.par.console.testing.FakeServices.Received::body).containsExactly(
                "{\"retiredOn\":\"2025-07-01\",\"successorCode\":\"26001\"}", "{\"retiredOn\":\"2025-07-01\",\"successorCode\":null}");
    }

    @Test
    void aRetiredUnitReadsAsRetiredWithItsSuccessorAndOffersNoChanges() throws Exception {
        services.answer("GET", "/api/units/694", """
                {"code": "694", "name": "UBND huyện Hớn Quản", "level": "DISTRICT", "kind": "GOVERNMENT", "parentCode": "70",
                 "provinceCode": "70", "ancestorCodes": ["TW", "70"], "retirement": {"retiredOn": "2025-07-01", "successorCode": "26001"}}""");

        services.answer("GET", "/api/units/26001", """
                {"code": "26001", "name": "UBND huyện Hớn Quản Mới", "level": "DISTRICT", "kind": "GOVERNMENT", "parentCode": "70",
                 "provinceCode": "70", "ancestorCodes": ["TW", "70"]}""");

        String page = page(get("/admin/units").param("code", "694").with(signedIn.provinceAdministrator()));

        assertThat(page).contains("Đã sáp nhập vào", ">UBND huyện Hớn Quản Mới</a> từ ngày <span>01/07/2025</span>", "href=\"/admin/units?code=26001\"",
                        "UBND huyện Hớn Quản")
                .doesNotContain("id=\"retire-unit\"", "id=\"rename-unit\"");
    }

    @Test
    void aUnitIsRenamed() throws Exception {
        services.answer("POST", "/api/units/694/rename", DISTRICT);

        mvc.perform(post("/admin/units/694/rename").param("name", "UBND thị xã Hớn Quản").with(signedIn.provinceAdministrator()).with(csrf()))
                .andExpect(status().isFound()).andExpect(flash().attribute("notice", "Đã đổi tên đơn vị thành UBND thị xã Hớn Quản."));

        assertThat(services.received("POST", "/api/units/694/rename")).singleElement()
                .satisfies(call -> assertThat(call.body()).isEqualTo("{\"name\":\"UBND thị xã Hớn Quản\"}"));
    }

    @Test
    void aFileImportedIsSentAsCsvWithTheOfficialsTokenAndTheCountSaid() throws Exception {
        services.answer("POST", "/api/units/import", """
                {"received": 4, "created": 1, "updated": 2, "unchanged": 1}""");
        String csv = "code,name,level,kind,parentCode\n694-PNV,Phòng Nội vụ huyện Hớn Quản,DISTRICT,AGENCY,694\n";

        mvc.perform(multipart("/admin/units/import").file(new MockMultipartFile("file", "don-vi.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("csv", "").with(signedIn.administrator()).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/units"))
                .andExpect(flash().attribute("notice", "Đã nhập 4 đơn vị: 1 đơn vị mới, 2 đơn vị được cập nhật, 1 đơn vị không thay đổi."));

        assertThat(services.received("POST", "/api/units/import")).singleElement().satisfies(call -> {
            assertThat(call.body()).isEqualTo(csv);
            assertThat(call.contentType()).isEqualToIgnoringCase("text/csv;charset=UTF-8");
            assertThat(call.authorization()).isEqualTo("Bearer token-of-quantri");
        });
    }

    @Test
    void aRefusedImportShowsEveryBadRowAndKeepsWhatWasPasted() throws Exception {
        // plan-service's answer to a file with three bad rows (UnitImportTest in plan-service).
        services.answer("POST", "/api/units/import", 422, """
                {"type": "about:blank", "title": "Yêu cầu không hợp lệ", "status": 422, "code": "invalid-import",
                 "detail": "Tệp nhập có 3 lỗi; không đơn vị nào được lưu.",
                 "errors": [{"row": 2, "code": "X2", "field": "parentCode", "message": "Đơn vị cha 'X9' không tồn tại."},
                            {"row": 3, "code": "X1", "field": "code", "message": "Mã đơn vị 'X1' bị trùng với dòng 1."},
                            {"row": 4, "code": "X4", "field": "name", "message": "Thiếu trường bắt buộc 'name'."}]}""");
        String pasted = "code,name,level,kind,parentCode\nX1,Xã Một,COMMUNE,GOVERNMENT,694\nX2,Xã Hai,COMMUNE,GOVERNMENT,X9\n"
                + "X1,Xã Một lần nữa,COMMUNE,GOVERNMENT,694\nX4,,COMMUNE,GOVERNMENT,694";

        String page = page(post("/admin/units/import").param("csv", pasted).with(signedIn.administrator()).with(csrf()));

        assertThat(page).contains("Tệp nhập có 3 lỗi; không đơn vị nào được lưu.", "Đơn vị cha 'X9' không tồn tại.",
                "Mã đơn vị 'X1' bị trùng với dòng 1.", "Thiếu trường bắt buộc 'name'.", "<td>2</td>", "<td>3</td>", "<td>4</td>",
                "X4,,COMMUNE,GOVERNMENT,694");
    }

    @Test
    void nothingChosenNorPastedIsNotSent() throws Exception {
        String page = page(post("/admin/units/import").param("csv", "  ").with(signedIn.administrator()).with(csrf()));

        assertThat(page).contains("Hãy chọn tệp CSV hoặc dán nội dung tệp vào ô trên.");
        assertThat(services.received("POST", "/api/units/import")).isEmpty();
    }

    @Test
    void aNonAdministratorIsRefusedPlainlyAndNoServiceIsAsked() throws Exception {
        String page = page(get("/admin/units").with(signedIn.provinceLeader()), 403);

        assertThat(page).contains("Không có quyền", "Trang quản trị chỉ dành cho tài khoản có quyền Quản trị (QUAN_TRI)", "UBND tỉnh Bình Phước")
                .doesNotContain("Nhập danh mục từ tệp CSV");
        assertThat(services.received("GET", "/api/units/70/children")).isEmpty();

        page(post("/admin/units/import").param("csv", "code,name,level,kind,parentCode\n").with(signedIn.districtOfficer()).with(csrf()), 403);
        assertThat(services.received("POST", "/api/units/import")).isEmpty();
    }
}
