package vn.gov.par.console.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

import vn.gov.par.console.testing.ConsolePageTest;

class PlanPagesTest extends ConsolePageTest {

    private static final String PROVINCE_PLAN = """
            {"id": "p1", "issuerCode": "70", "issuerName": "UBND tỉnh Bình Phước", "rootPlanId": "p1", "status": "ISSUED",
             "number": "96/KH-UBND", "issuedOn": "2027-01-24",
             "content": {"title": "Thông tin, tuyên truyền cải cách hành chính năm 2027", "year": 2027,
                         "cascade": {"dueDate": "2027-02-28", "subordinateGovernments": true, "dueAsWritten": "chậm nhất trong tháng 02/2027"}}}""";

    private static final String DISTRICT_DRAFT = """
            {"id": "d1", "issuerCode": "694", "issuerName": "UBND huyện Hớn Quản", "parentPlanId": "p1", "rootPlanId": "p1",
             "obligationId": "ob-694", "status": "DRAFT",
             "content": {"title": "Thông tin, tuyên truyền cải cách hành chính năm 2027 trên địa bàn huyện", "year": 2027,
                         "basis": "Thực hiện Kế hoạch số 96/KH-UBND ngày 24/01/2027 của UBND tỉnh Bình Phước",
                         "objectives": ["Nâng cao nhận thức về cải cách hành chính"],
                         "topics": [{"area": "ADMINISTRATIVE_PROCEDURES", "text": "Cơ chế một cửa, một cửa liên thông"}],
                         "activities": [{"label": "1", "content": "Đăng tin, bài tuyên truyền cải cách hành chính",
                                         "product": "Mỗi quý 01 tin", "leadUnits": ["Phòng Văn hóa và Thông tin"],
                                         "cooperatingUnits": ["UBND các xã, thị trấn"], "timeframe": "hàng quý"}],
                         "reportingClause": "Định kỳ ngày 20 hàng quý báo cáo về UBND huyện (qua Phòng Nội vụ).",
                         "cascade": {"dueDate": "2027-03-31", "subordinateGovernments": true}}}""";

    @BeforeEach
    void plans() {
        services.answer("GET", "/api/plans/p1", PROVINCE_PLAN);
        services.answer("GET", "/api/plans/d1", DISTRICT_DRAFT);
        services.answer("GET", "/api/plans/d1/assignments", """
                {"activities": [{"label": "1", "content": "Đăng tin, bài tuyên truyền cải cách hành chính",
                  "leads": [{"code": "694-PVHTT", "name": "Phòng Văn hóa - Thông tin huyện Hớn Quản"}],
                  "cooperating": [{"code": "25327", "name": "UBND xã Thanh An"}],
                  "unresolved": [{"role": "COOPERATING", "text": "Sở Nội vụ", "unmatched": ["so noi vu"], "emptyGroups": []}]}]}""");
        services.answer("POST", "/api/timeframes/parse-all", """
                [{"text": "hàng quý", "kind": "QUARTERLY", "recognised": true, "occurrences": [
                  {"label": "Quý I", "periodStart": "2027-01-01", "dueDate": "2027-03-31"},
                  {"label": "Quý II", "periodStart": "2027-04-01", "dueDate": "2027-06-30"}]}]""");
    }

    @Test
    void aDraftReadsAsTheDocumentWithHowEachTimeframeWillBeReadAndTheLeaderOfItsUnitMayEditIssueAndCancelIt() throws Exception {
        String page = page(get("/plans/d1").with(signedIn.districtLeader()));

        assertThat(page).contains("Thực hiện Kế hoạch số 96/KH-UBND ngày 24/01/2027", "Nâng cao nhận thức về cải cách hành chính",
                "Cơ chế một cửa, một cửa liên thông", "Đăng tin, bài tuyên truyền cải cách hành chính", "Phòng Văn hóa và Thông tin",
                "UBND các xã, thị trấn", "hàng quý", "31/03/2027, 30/06/2027", "Định kỳ ngày 20 hàng quý")
                .contains("id=\"edit-plan\"", "id=\"issue-plan\"", "id=\"cancel-plan\"");
        assertThat(page).contains("Dự thảo được chuẩn bị sẵn để thực hiện Kế hoạch số", "96/KH-UBND", "Đơn vị chưa sửa dự thảo này.",
                "28/02/2027");
        assertThat(services.received("POST", "/api/timeframes/parse-all")).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("\"texts\":[\"hàng quý\"]", "\"year\":2027"));
    }

    @Test
    void anIssuedPlanLeadsToHowTheUnitsBelowAreIssuingTheirsAndADraftDoesNot() throws Exception {
        assertThat(page(get("/plans/p1").with(signedIn.districtOfficer()))).as("the deadline as written beside the date read from it")
                .contains("28/02/2027</strong><span> (văn bản ghi: “chậm nhất trong tháng 02/2027”)</span>");
        assertThat(page(get("/plans/p1").with(signedIn.districtOfficer()))).contains("id=\"plan-cascade\"", "href=\"/plans/p1/cascade\"",
                "Tình hình ban hành kế hoạch thực hiện");
        assertThat(page(get("/plans/d1").with(signedIn.districtLeader()))).doesNotContain("id=\"plan-cascade\"");
    }

    @Test
    void anOfficerMayEditButNotIssueAndACommuneSeesNoActionOnItsDistrictsPlan() throws Exception {
        assertThat(page(get("/plans/d1").with(signedIn.districtOfficer()))).contains("id=\"edit-plan\"")
                .doesNotContain("id=\"issue-plan\"", "id=\"cancel-plan\"");
        assertThat(page(get("/plans/d1").with(signedIn.communeOfficer())))
                .doesNotContain("id=\"edit-plan\"", "id=\"issue-plan\"", "id=\"cancel-plan\"", "id=\"close-plan\"");
    }

    @Test
    void anotherUnitsEditPageIsRefusedByTheServiceAndTheRefusalShownPlainly() throws Exception {
        services.answer("GET", "/api/plans/x9", 404, """
                {"status": 404, "code": "not-found", "title": "Không tìm thấy", "detail": "Không có kế hoạch x9."}""");

        String page = mvc.perform(get("/plans/x9/edit").with(signedIn.communeOfficer())).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Không có kế hoạch x9.");
    }

    @Test
    void theEditPageOfAnotherUnitsDraftIsRefusedAndThatOfAnIssuedPlanToo() throws Exception {
        String refused = mvc.perform(get("/plans/d1/edit").with(signedIn.communeOfficer())).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(HtmlUtils.htmlUnescape(refused)).contains("Chỉ cán bộ, lãnh đạo của UBND huyện Hớn Quản mới được sửa dự thảo kế hoạch này",
                "Xã Thanh An").doesNotContain("name=\"title\"");

        mvc.perform(get("/plans/p1/edit").with(signedIn.provinceLeader())).andExpect(status().isConflict());
        mvc.perform(get("/plans/p1/edit").with(signedIn.districtLeader())).andExpect(status().isForbidden());
        mvc.perform(get("/plans/d1/edit").with(signedIn.districtOfficer())).andExpect(status().isOk());
    }

    @Test
    void issuingSendsTheNumberAndComesBackWithANotice() throws Exception {
        services.answer("POST", "/api/plans/d1/issue", "{\"id\": \"d1\", \"status\": \"ISSUED\"}");

        mvc.perform(post("/plans/d1/issue").param("number", "35/KH-UBND").with(signedIn.districtLeader()).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/plans/d1"))
                .andExpect(flash().attribute("notice", "Đã ban hành kế hoạch số 35/KH-UBND."));

        assertThat(services.received("POST", "/api/plans/d1/issue")).singleElement().satisfies(call -> {
            assertThat(call.body()).isEqualTo("{\"number\":\"35/KH-UBND\"}");
            assertThat(call.authorization()).isEqualTo("Bearer token-of-honquan.lanhdao");
        });
    }

    @Test
    void aPlanSignedOnPaperIsIssuedWithTheDayItWasSigned() throws Exception {
        services.answer("POST", "/api/plans/d1/issue", "{\"id\": \"d1\", \"status\": \"ISSUED\"}");

        mvc.perform(post("/plans/d1/issue").param("number", "35/KH-UBND").param("issuedOn", "2027-01-24").with(signedIn.districtLeader())
                .with(csrf())).andExpect(status().isFound());

        assertThat(services.received("POST", "/api/plans/d1/issue")).singleElement()
                .satisfies(call -> assertThat(call.body()).isEqualTo("{\"number\":\"35/KH-UBND\",\"issuedOn\":\"2027-01-24\"}"));
    }

    @Test
    void aDraftShowsWhoItsActivitiesWouldGiveWorkToAndWhatNamesNobody() throws Exception {
        String page = page(get("/plans/d1").with(signedIn.districtOfficer()));

        assertThat(page).contains("Giao việc khi ban hành", "Phòng Văn hóa - Thông tin huyện Hớn Quản", "UBND xã Thanh An",
                "“Sở Nội vụ” (phối hợp)");
    }

    @Test
    void anIssueRefusedForWhatNamesNobodyOffersToConfirmAndTheConfirmationIsSent() throws Exception {
        services.answer("POST", "/api/plans/d1/issue", 422, """
                {"status": 422, "code": "unassigned-activities", "title": "Yêu cầu không hợp lệ",
                 "detail": "Kế hoạch còn nội dung chưa giao được cho đơn vị nào: xem lại, hoặc xác nhận vẫn ban hành (confirmUnassigned).",
                 "errors": ["Hoạt động 1, cơ quan phối hợp \\"Sở Nội vụ\\": có phần không khớp đơn vị nào trong danh mục."]}""");

        String page = page(post("/plans/d1/issue").param("number", "35/KH-UBND").with(signedIn.districtLeader()).with(csrf()), 200);

        assertThat(page).contains("Hoạt động 1, cơ quan phối hợp", "id=\"confirm-unassigned\"", "name=\"confirmUnassigned\"");
        assertThat(page(get("/plans/d1").with(signedIn.districtLeader()))).as("offered only after such a refusal")
                .doesNotContain("id=\"confirm-unassigned\"");

        services.answer("POST", "/api/plans/d1/issue", "{\"id\": \"d1\", \"status\": \"ISSUED\"}");
        mvc.perform(post("/plans/d1/issue").param("number", "35/KH-UBND").param("confirmUnassigned", "true").with(signedIn.districtLeader())
                .with(csrf())).andExpect(status().isFound());
        assertThat(services.received("POST", "/api/plans/d1/issue")).last()
                .satisfies(call -> assertThat(call.body()).isEqualTo("{\"number\":\"35/KH-UBND\",\"confirmUnassigned\":true}"));
    }

    @Test
    void aRefusedIssueShowsEveryReasonAndKeepsTheNumberTyped() throws Exception {
        services.answer("POST", "/api/plans/d1/issue", 422, """
                {"status": 422, "code": "plan-not-issuable", "title": "Yêu cầu không hợp lệ", "detail": "Kế hoạch chưa đủ điều kiện ban hành.",
                 "errors": ["Thiếu người ký (signer).", "Số kế hoạch phải theo mẫu 'số/KH-cơ quan', ví dụ 35/KH-UBND."]}""");

        String page = page(post("/plans/d1/issue").param("number", "35-KH").with(signedIn.districtLeader()).with(csrf()), 200);

        assertThat(page).contains("Kế hoạch chưa đủ điều kiện ban hành.", "Thiếu người ký (signer).", "value=\"35-KH\"");
        assertThat(page).as("the day signed is asked for, up to today").contains("name=\"issuedOn\"");
    }

    @Test
    void savingTheDraftSendsWhatWasTypedAndKeepsWhatTheFormDoesNotShow() throws Exception {
        services.answer("PUT", "/api/plans/d1/content", DISTRICT_DRAFT);

        mvc.perform(post("/plans/d1/content").with(signedIn.districtOfficer()).with(csrf())
                        .param("title", "Kế hoạch tuyên truyền CCHC năm 2027 của huyện Hớn Quản").param("year", "2027")
                        .param("signer", "Nguyễn Văn Hạ").param("objectives", "Mục đích một\r\nMục đích hai")
                        .param("activities[0].content", "Đăng tin trên Cổng thông tin điện tử huyện")
                        .param("activities[0].leadUnits", "Phòng Văn hóa và Thông tin; Trung tâm Văn hóa")
                        .param("activities[0].timeframe", "hàng tháng")
                        .param("activities[1].content", "").param("cascadeDueDate", "2027-03-31")
                        .param("cascadeSubordinateGovernments", "true").param("_cascadeSubordinateGovernments", "on"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/plans/d1"));

        assertThat(services.received("PUT", "/api/plans/d1/content")).singleElement().satisfies(call -> assertThat(call.body())
                .contains("\"title\":\"Kế hoạch tuyên truyền CCHC năm 2027 của huyện Hớn Quản\"", "\"signer\":\"Nguyễn Văn Hạ\"",
                        "\"objectives\":[\"Mục đích một\",\"Mục đích hai\"]",
                        "\"leadUnits\":[\"Phòng Văn hóa và Thông tin\",\"Trung tâm Văn hóa\"]", "\"timeframe\":\"hàng tháng\"",
                        "\"dueDate\":\"2027-03-31\"", "Cơ chế một cửa, một cửa liên thông")
                .doesNotContain("\"content\":\"\""));
    }

    @Test
    void addingAnActivityRowKeepsWhatWasTypedAndSavesNothing() throws Exception {
        String page = page(post("/plans/d1/content").with(signedIn.districtOfficer()).with(csrf()).param("change", "add-activity")
                .param("title", "Tên đang gõ dở").param("year", "2027").param("activities[0].content", "Hoạt động đang gõ"), 200);

        assertThat(page).contains("value=\"Tên đang gõ dở\"", "Hoạt động đang gõ", "name=\"activities[1].content\"");
        assertThat(services.received("PUT", "/api/plans/d1/content")).isEmpty();
    }

    @Test
    void aNewPlanIsDraftedForTheOfficialsOwnUnit() throws Exception {
        services.answer("POST", "/api/plans", 201, "{\"id\": \"n1\", \"issuerCode\": \"25327\", \"status\": \"DRAFT\"}");

        // As a browser posts it, the fields in the body: the gateway's handling of forms must leave the console's own alone.
        mvc.perform(post("/plans").with(signedIn.communeOfficer()).with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("title=" + URLEncoder.encode("Kế hoạch CCHC năm 2027 của xã Thanh An", StandardCharsets.UTF_8) + "&year=2027"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/plans/n1"));

        assertThat(services.received("POST", "/api/plans")).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("\"issuerCode\":\"25327\"", "Kế hoạch CCHC năm 2027 của xã Thanh An"));
    }

    @Test
    void theListShowsPlansWithVietnameseDatesAndPassesTheFilters() throws Exception {
        services.answer("GET", "/api/plans", "{\"content\": [" + PROVINCE_PLAN + "], \"page\": 0, \"size\": 20, \"totalElements\": 1}");

        String page = page(get("/plans").param("year", "2027").param("status", "ISSUED").with(signedIn.provinceLeader()));

        assertThat(page).contains("96/KH-UBND", "24/01/2027", "Đã ban hành", "/plans/p1");
        assertThat(services.received("GET", "/api/plans")).singleElement()
                .satisfies(call -> assertThat(call.query()).contains("year=2027", "status=ISSUED"));
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return page(request, 200);
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request, int expectedStatus) throws Exception {
        // Form fields write some Vietnamese letters as HTML entities (ê as &ecirc;): the page is read as a browser shows it.
        return HtmlUtils.htmlUnescape(mvc.perform(request).andExpect(status().is(expectedStatus)).andReturn().getResponse().getContentAsString());
    }
}
