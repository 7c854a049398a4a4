package vn.gov.par.console.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.web.util.HtmlUtils;

import vn.gov.par.console.testing.ConsolePageTest;

/**
 * Hớn Quản's officer uploads the district's plan, kept as text: it goes to plan-service for the officer's own unit, and
 * the page shows the text beside what was read, what needs a person first, and the way to the draft's form; a file
 * plan-service refuses comes back as its problem above the form.
 */
class PlanImportPagesTest extends ConsolePageTest {

    private static final String PLAN = """
            Số: /KH-UBND
            Hớn Quản, ngày    tháng 01 năm 2027
            KẾ HOẠCH
            Thông tin, tuyên truyền cải cách hành chính năm 2027
            """;

    @Test
    void anUploadedPlanIsSentForTheOfficialsUnitAndReviewedBesideTheOriginal() throws Exception {
        String imported = """
                {"planId": "d9", "fileName": "ke-hoach-2027.md", "importedAt": "2027-01-20T02:15:00Z",
                 "document": {"number": null, "date": null, "issuer": null, "place": "Hớn Quản"},
                 "original": %s,
                 "findings": [
                   {"field": "title", "value": "Thông tin, tuyên truyền cải cách hành chính năm 2027", "source": "đoạn 4", "reading": "READ", "note": null},
                   {"field": "document.number", "value": "/KH-UBND", "source": "đoạn 1", "reading": "NOT_UNDERSTOOD",
                    "note": "Văn bản chưa ghi số (dự thảo chưa lấy số)."},
                   {"field": "activities[2].leadUnits", "value": "Trung tam Van hoa huyen", "source": "đoạn 40", "reading": "READ_WITHOUT_DIACRITICS", "note": null},
                   {"field": "reportingClause", "value": null, "source": null, "reading": "MISSING",
                    "note": "Không tìm thấy câu về chế độ báo cáo (\\"Định kỳ … báo cáo …\\")."}]}""".formatted(
                tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(PLAN));
        services.answer("POST", "/api/plan-imports", 201, imported);
        services.answer("GET", "/api/plan-imports/d9", imported);
        services.answer("GET", "/api/plans/d9", """
                {"id": "d9", "issuerCode": "694", "issuerName": "UBND huyện Hớn Quản", "rootPlanId": "d9", "status": "DRAFT",
                 "content": {"title": "Thông tin, tuyên truyền cải cách hành chính năm 2027", "year": 2027,
                             "reportingClause": "Định kỳ 6 tháng, năm báo cáo về UBND huyện (qua Phòng Nội vụ)."}}""");
        services.answer("POST", "/api/reporting-schedules/parse", """
                {"text": "Định kỳ 6 tháng, năm báo cáo về UBND huyện (qua Phòng Nội vụ).", "recognised": true, "via": "Phòng Nội vụ",
                 "periods": [{"type": "HALF_YEAR", "name": "6 tháng đầu năm 2027", "dueDate": "2027-06-15"},
                             {"type": "YEAR", "name": "Năm 2027", "dueDate": "2027-12-15"}]}""");

        mvc.perform(multipart("/plans/import").file(new MockMultipartFile("file", "ke-hoach-2027.md", "text/markdown",
                        PLAN.getBytes(StandardCharsets.UTF_8))).with(signedIn.districtOfficer()).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/plans/d9/import"));
        assertThat(services.received("POST", "/api/plan-imports")).singleElement().satisfies(call -> {
            assertThat(call.query()).isEqualTo("issuerCode=694");
            assertThat(call.contentType()).startsWith("multipart/form-data");
            assertThat(call.body()).contains("filename=\"ke-hoach-2027.md\"", "Thông tin, tuyên truyền cải cách hành chính năm 2027");
        });

        String page = page(get("/plans/d9/import").with(signedIn.districtOfficer()), 200);
        assertThat(page).contains("ke-hoach-2027.md", "20/01/2027", "Hớn Quản, ngày    tháng 01 năm 2027", "chưa ghi số", "href=\"/plans/d9/edit\"")
                .contains("Cần xem lại (<span>3</span>)", "Đã đọc được (<span>1</span>)");
        assertThat(page.indexOf("Chế độ báo cáo</td>")).as("what is missing or not understood comes before what only matched without diacritics")
                .isLessThan(page.indexOf("Hoạt động 3 · cơ quan chủ trì"));
        assertThat(page).as("the reports the clause will ask for").contains("6 tháng đầu năm 2027 (hạn 15/06/2027)", "Năm 2027 (hạn 15/12/2027)",
                "— qua Phòng Nội vụ");
        assertThat(services.received("POST", "/api/reporting-schedules/parse")).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("\"year\":2027"));
        services.answer("GET", "/api/plans/d9/assignments", "{\"activities\": []}");
        assertThat(page(get("/plans/d9").with(signedIn.districtOfficer()), 200)).as("the draft leads back to its review")
                .contains("href=\"/plans/d9/import\"", "Kết quả đọc văn bản ke-hoach-2027.md");
        assertThat(page).contains("Số, ký hiệu", "Chưa hiểu, cần sửa", "Văn bản chưa ghi số (dự thảo chưa lấy số).", "Không thấy trong văn bản",
                "Khớp khi bỏ dấu, cần xem lại");
    }

    @Test
    void theFindingsTickedAreConfirmedAndLeaveWhatIsStillToReview() throws Exception {
        services.answer("POST", "/api/plan-imports/d9/confirmations", "{\"planId\": \"d9\"}");
        services.answer("GET", "/api/plan-imports/d9", """
                {"planId": "d9", "fileName": "ke-hoach-2027.md", "importedAt": "2027-01-20T02:15:00Z", "document": {"place": "Hớn Quản"},
                 "findings": [
                   {"field": "document.number", "value": "/KH-UBND", "source": "đoạn 1", "reading": "NOT_UNDERSTOOD", "note": "Văn bản chưa ghi số."},
                   {"field": "reportingClause", "value": null, "source": null, "reading": "MISSING", "note": "Không tìm thấy câu về chế độ báo cáo."}],
                 "confirmed": [{"field": "document.number",
                                "by": {"action": "CONFIRMED", "at": "2027-01-20T03:00:00Z", "by": {"name": "honquan.canbo", "unitCode": "694"}}}]}""");
        services.answer("GET", "/api/plans/d9", """
                {"id": "d9", "issuerCode": "694", "status": "DRAFT", "content": {"title": "Kế hoạch năm 2027", "year": 2027}}""");

        mvc.perform(post("/plans/d9/import/confirmations").param("fields", "document.number").with(signedIn.districtOfficer()).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/plans/d9/import"));

        assertThat(services.received("POST", "/api/plan-imports/d9/confirmations")).singleElement()
                .satisfies(call -> assertThat(call.body()).isEqualTo("{\"fields\":[\"document.number\"]}"));
        String page = page(get("/plans/d9/import").with(signedIn.districtOfficer()), 200);
        assertThat(page).contains("Cần xem lại (<span>1</span>)", "name=\"fields\" value=\"reportingClause\"", "Đã xác nhận (<span>1</span>)",
                "Số, ký hiệu: /KH-UBND — honquan.canbo, 10:00 20/01/2027").doesNotContain("value=\"document.number\"");
    }

    @Test
    void aRefusedFileShowsTheProblemAboveTheForm() throws Exception {
        services.answer("POST", "/api/plan-imports", 422, """
                {"type": "about:blank", "title": "Dữ liệu không hợp lệ", "status": 422, "code": "document-protected-or-old",
                 "detail": "Tệp \\"ke-hoach.docx\\" không phải .docx đọc được: tệp Word được đặt mật khẩu (hoặc định dạng .doc cũ) không đọc được."}""");

        String page = page(multipart("/plans/import").file(new MockMultipartFile("file", "ke-hoach.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[] {1, 2, 3}))
                .with(signedIn.districtOfficer()).with(csrf()), 422);

        assertThat(page).contains("tệp Word được đặt mật khẩu", "id=\"plan-import\"");
    }

    @Test
    void thePlansListLeadsAnOfficerToTheImport() throws Exception {
        services.answer("GET", "/api/plans", """
                {"content": [], "page": 0, "size": 20, "totalElements": 0}""");

        assertThat(page(get("/plans").with(signedIn.districtOfficer()), 200)).contains("href=\"/plans/import\"", "Nhập từ văn bản");
        assertThat(page(get("/plans/import").with(signedIn.districtOfficer()), 200)).contains("enctype=\"multipart/form-data\"",
                "accept=\".docx,.txt,.md\"");
    }

    private String page(RequestBuilder request, int expectedStatus) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(request).andExpect(status().is(expectedStatus)).andReturn().getResponse().getContentAsString());
    }
}
