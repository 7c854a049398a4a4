package vn.gov.par.console.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.gov.par.console.testing.ConsolePageTest;

class ReportPagesTest extends ConsolePageTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Test
    void theListShowsTheUnitsOwnReportsAndTheReportsWaitingForItsDecision() throws Exception {
        services.answer("GET", "/api/reports", page(
                report("r-own-late", "694", "Huyện Hớn Quản", "70", "EXPECTED", TODAY.minusDays(5), "Quý III/2026"),
                report("r-own-next", "694", "Huyện Hớn Quản", "70", "DRAFT", TODAY.plusDays(20), "Quý IV/2026")),
                "unitCode=694");
        services.answer("GET", "/api/reports", page(submitted("r-thanhan", TODAY.minusDays(2), TODAY.minusDays(4).atTime(9, 30))),
                "recipientUnitCode=694", "status=SUBMITTED");

        String page = html(get("/reports"), signedIn.districtLeader());

        assertThat(page).contains("Báo cáo của đơn vị", "Báo cáo chờ tiếp nhận")
                .contains("Quý III/2026", "Quá hạn chưa hoàn thành", vietnamese(TODAY.minusDays(5)), "/reports/r-own-late")
                .contains("Quý IV/2026", "Chưa đến hạn", "Đang soạn", vietnamese(TODAY.plusDays(20)))
                .contains("Tỉnh Bình Phước")
                .contains("Xã Thanh An", "Hoàn thành đúng hạn", "/reports/r-thanhan", "Xem xét")
                .contains("09:30 " + vietnamese(TODAY.minusDays(4)));
        assertThat(services.received("GET", "/api/reports")).anySatisfy(call -> assertThat(call.query()).contains("unitCode=694"))
                .anySatisfy(call -> assertThat(call.query()).contains("recipientUnitCode=694", "status=SUBMITTED"))
                .allSatisfy(call -> assertThat(call.authorization()).isEqualTo("Bearer token-of-honquan.lanhdao"));
    }

    @Test
    void theFiltersGoToTheServiceAndAnOfficerSeesTheQueueWithoutTheDecision() throws Exception {
        services.answer("GET", "/api/reports", page(), "unitCode=694");
        services.answer("GET", "/api/reports", page(submitted("r-thanhan", TODAY.minusDays(2), TODAY.minusDays(4).atTime(9, 30))),
                "recipientUnitCode=694", "status=SUBMITTED");

        String page = html(get("/reports").param("periodType", "Q3").param("status", "RETURNED"), signedIn.districtOfficer());

        assertThat(page).contains("Xã Thanh An", "chỉ lãnh đạo đơn vị mới tiếp nhận hoặc trả lại", "theo bộ lọc đã chọn")
                .doesNotContain("Xem xét<");
        assertThat(services.received("GET", "/api/reports"))
                .anySatisfy(call -> assertThat(call.query()).contains("unitCode=694", "periodType=Q3", "status=RETURNED"));
    }

    @Test
    void theCommuneOfficerSeesTheDraftPreparedFromItsTasksAndNoDecision() throws Exception {
        services.answer("GET", "/api/reports/r1", report("r1", "25327", "Xã Thanh An", "694", "EXPECTED", TODAY.plusDays(10), "Quý I/2027"));
        services.answer("GET", "/api/reports/r1/draft", DRAFT);

        String page = html(get("/reports/r1"), signedIn.communeOfficer());

        assertThat(page).contains("Báo cáo Quý I/2027", "Xã Thanh An", "Huyện Hớn Quản", "qua Phòng Nội vụ", "35/KH-UBND")
                .contains(vietnamese(TODAY.plusDays(10)), "01/01/2027", "31/03/2027")
                .contains("Đăng tin, bài tuyên truyền cải cách hành chính", "Đã đăng 12 tin, bài trên cổng thông tin xã")
                .contains("name=\"activities[0].count\"", "value=\"12\"", "name=\"indicators[newsArticles]\"")
                .contains("Tin, bài đăng trên trang/cổng thông tin điện tử", "Lượt người dự thi")
                .contains("Lưu bản nháp", "Lưu bản nháp trước, rồi nộp báo cáo.")
                .doesNotContain("Tiếp nhận</button>", "Trả lại báo cáo</button>");
    }

    @Test
    void savingTheDraftSendsWhatWasTypedAndComesBackWithANotice() throws Exception {
        services.answer("GET", "/api/reports/r1", report("r1", "25327", "Xã Thanh An", "694", "EXPECTED", TODAY.plusDays(10), "Quý I/2027"));
        services.answer("PUT", "/api/reports/r1/draft", report("r1", "25327", "Xã Thanh An", "694", "DRAFT", TODAY.plusDays(10), "Quý I/2027"));

        mvc.perform(post("/reports/r1/draft").with(signedIn.communeOfficer()).with(csrf())
                        .param("activities[0].activityLabel", "1").param("activities[0].activityContent", "Đăng tin, bài tuyên truyền")
                        .param("activities[0].result", "Đã đăng 15 tin, bài").param("activities[0].count", "15")
                        .param("indicators[newsArticles]", "15").param("indicators[participants]", "1.250")
                        .param("difficulties", "Thiếu kinh phí in tờ rơi").param("proposals", "Đề nghị huyện hỗ trợ pa nô"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/reports/r1"))
                .andExpect(flash().attribute("notice", "Đã lưu bản nháp báo cáo."));

        assertThat(services.received("PUT", "/api/reports/r1/draft")).singleElement().satisfies(call -> {
            assertThat(call.authorization()).isEqualTo("Bearer token-of-thanhan.canbo");
            assertThat(call.body()).contains("\"activityLabel\":\"1\"", "\"result\":\"Đã đăng 15 tin, bài\"", "\"count\":15")
                    .contains("\"newsArticles\":15", "\"participants\":1250", "\"leaflets\":0")
                    .contains("\"difficulties\":\"Thiếu kinh phí in tờ rơi\"", "\"proposals\":\"Đề nghị huyện hỗ trợ pa nô\"");
        });
    }

    @Test
    void aNumberThatIsNotOneIsShownBesideItsFieldAndNothingIsSent() throws Exception {
        services.answer("GET", "/api/reports/r1", report("r1", "25327", "Xã Thanh An", "694", "DRAFT", TODAY.plusDays(10), "Quý I/2027"));

        String page = mvc.perform(post("/reports/r1/draft").with(signedIn.communeOfficer()).with(csrf())
                        .param("activities[0].activityLabel", "1").param("activities[0].result", "Đã đăng tin").param("activities[0].count", "mười")
                        .param("difficulties", "Thiếu kinh phí"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Chưa lưu được bản nháp", "Số lượng phải là số nguyên", "value=\"mười\"", "Thiếu kinh phí");
        assertThat(services.received("PUT", "/api/reports/r1/draft")).isEmpty();
    }

    @Test
    void theServicesRefusalOfTheDraftIsShownAboveTheFormWithWhatWasTypedKept() throws Exception {
        services.answer("GET", "/api/reports/r1", report("r1", "25327", "Xã Thanh An", "694", "DRAFT", TODAY.plusDays(10), "Quý I/2027"));
        services.answer("PUT", "/api/reports/r1/draft", 422, """
                {"status": 422, "code": "invalid-report", "title": "Yêu cầu không hợp lệ", "detail": "Nội dung báo cáo không hợp lệ.",
                 "errors": ["Chỉ tiêu 'Tờ rơi, tờ gấp' không được âm."]}""");

        String page = mvc.perform(post("/reports/r1/draft").with(signedIn.communeOfficer()).with(csrf())
                        .param("indicators[leaflets]", "-5").param("proposals", "Đề nghị hỗ trợ"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Nội dung báo cáo không hợp lệ.", "Chỉ tiêu &#39;Tờ rơi, tờ gấp&#39; không được âm.", "value=\"-5\"", "Đề nghị hỗ trợ");
    }

    @Test
    void theCommuneOfficerSubmitsASavedDraft() throws Exception {
        services.answer("GET", "/api/reports/r1", report("r1", "25327", "Xã Thanh An", "694", "DRAFT", TODAY.plusDays(10), "Quý I/2027"));
        services.answer("GET", "/api/reports/r1/draft", DRAFT);
        services.answer("POST", "/api/reports/r1/submit", report("r1", "25327", "Xã Thanh An", "694", "SUBMITTED", TODAY.plusDays(10), "Quý I/2027"));

        assertThat(html(get("/reports/r1"), signedIn.communeOfficer())).contains("Nộp báo cáo</button>");
        mvc.perform(post("/reports/r1/submit").with(signedIn.communeOfficer()).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/reports/r1"))
                .andExpect(flash().attribute("notice", "Đã nộp báo cáo; báo cáo chờ đơn vị nhận tiếp nhận."));

        assertThat(services.received("POST", "/api/reports/r1/submit")).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("\"by\":\"Phạm Văn Tài\""));
    }

    @Test
    void theDistrictLeaderSeesTheSubmittedReportWithAcceptAndReturn() throws Exception {
        services.answer("GET", "/api/reports/r2", submitted("r2", TODAY.minusDays(2), TODAY.minusDays(4).atTime(9, 30)));

        String page = html(get("/reports/r2"), signedIn.districtLeader());

        assertThat(page).contains("Xem xét báo cáo", "Tiếp nhận</button>", "Trả lại báo cáo</button>", "name=\"comment\"")
                .contains("Lần nộp thứ", "09:30 " + vietnamese(TODAY.minusDays(4)), "Đúng hạn", "Chờ đơn vị nhận xem xét.")
                .contains("Đã đăng 12 tin, bài trên cổng thông tin xã", "Thiếu kinh phí")
                .doesNotContain("Lưu bản nháp</button>", "Nộp báo cáo</button>");
        assertThat(services.received("GET", "/api/reports/r2/draft")).isEmpty();
    }

    @Test
    void theLeaderAcceptsAndReturnsWithTheReason() throws Exception {
        services.answer("POST", "/api/reports/r2/accept", "{}");
        services.answer("POST", "/api/reports/r2/return", "{}");

        mvc.perform(post("/reports/r2/accept").with(signedIn.districtLeader()).with(csrf()))
                .andExpect(redirectedUrl("/reports/r2")).andExpect(flash().attribute("notice", "Đã tiếp nhận báo cáo."));
        mvc.perform(post("/reports/r2/return").param("comment", "Bổ sung số liệu hội thi quý I").with(signedIn.districtLeader()).with(csrf()))
                .andExpect(redirectedUrl("/reports/r2"))
                .andExpect(flash().attribute("notice", "Đã trả lại báo cáo để đơn vị bổ sung, chỉnh sửa."));

        assertThat(services.received("POST", "/api/reports/r2/accept")).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("\"by\":\"Nguyễn Văn Hạ\""));
        assertThat(services.received("POST", "/api/reports/r2/return")).singleElement().satisfies(call -> {
            assertThat(call.authorization()).isEqualTo("Bearer token-of-honquan.lanhdao");
            assertThat(call.body()).contains("\"comment\":\"Bổ sung số liệu hội thi quý I\"", "\"by\":\"Nguyễn Văn Hạ\"");
        });
    }

    @Test
    void aRefusedReturnKeepsTheTypedReasonAndShowsTheProblem() throws Exception {
        services.answer("GET", "/api/reports/r2", submitted("r2", TODAY.minusDays(2), TODAY.minusDays(4).atTime(9, 30)));
        services.answer("POST", "/api/reports/r2/return", 409, """
                {"status": 409, "code": "concurrent-update", "title": "Xung đột dữ liệu",
                 "detail": "Báo cáo vừa bị người khác sửa; vui lòng tải lại trang."}""");

        String page = mvc.perform(post("/reports/r2/return").param("comment", "Thiếu số liệu tập huấn").with(signedIn.districtLeader()).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Xung đột dữ liệu", "Báo cáo vừa bị người khác sửa; vui lòng tải lại trang.")
                .contains(">Thiếu số liệu tập huấn</textarea>", "<details open");
    }

    @Test
    void aBlankReasonIsRefusedBesideTheField() throws Exception {
        services.answer("GET", "/api/reports/r2", submitted("r2", TODAY.minusDays(2), TODAY.minusDays(4).atTime(9, 30)));
        services.answer("POST", "/api/reports/r2/return", 400, """
                {"status": 400, "code": "validation-failed", "title": "Dữ liệu không hợp lệ", "detail": "Có 1 trường dữ liệu không hợp lệ.",
                 "errors": [{"field": "comment", "message": "Cần nêu lý do trả lại (comment)."}]}""");

        String page = mvc.perform(post("/reports/r2/return").param("comment", " ").with(signedIn.districtLeader()).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Có 1 trường dữ liệu không hợp lệ.", "id=\"comment-error\"", "Cần nêu lý do trả lại (comment).");
    }

    @Test
    void anOfficerOfTheRecipientSeesTheReportButNotTheDecision() throws Exception {
        services.answer("GET", "/api/reports/r2", submitted("r2", TODAY.minusDays(2), TODAY.minusDays(4).atTime(9, 30)));

        String page = html(get("/reports/r2"), signedIn.districtOfficer());

        assertThat(page).contains("Xã Thanh An", "Lần nộp thứ").doesNotContain("Tiếp nhận</button>", "Trả lại báo cáo</button>", "Xem xét báo cáo");
    }

    @Test
    void theCommuneOfficerDoesNotSeeTheDecisionOnItsOwnSubmittedReport() throws Exception {
        services.answer("GET", "/api/reports/r2", submitted("r2", TODAY.minusDays(2), TODAY.minusDays(4).atTime(9, 30)));

        String page = html(get("/reports/r2"), signedIn.communeOfficer());

        assertThat(page).contains("Đã nộp, chờ tiếp nhận", "Chờ đơn vị nhận xem xét.")
                .doesNotContain("Tiếp nhận</button>", "Trả lại báo cáo</button>", "Lưu bản nháp</button>", "Nộp báo cáo</button>");
    }

    @Test
    void aReturnedReportShowsTheReasonToItsUnitAndCanBeWrittenAgain() throws Exception {
        services.answer("GET", "/api/reports/r3", """
                {"id": "r3", "planId": "p2", "planNumber": "35/KH-UBND", "planTitle": "Kế hoạch CCHC năm 2027", "year": 2027,
                 "unitCode": "25327", "unitName": "Xã Thanh An", "recipientUnitCode": "694", "periodType": "Q1", "periodName": "Quý I/2027",
                 "periodFrom": "2027-01-01", "periodTo": "2027-03-31", "dueDate": "2027-03-20", "status": "RETURNED",
                 "submissions": [{"version": 1, "submittedAt": "2027-03-18T02:30:00Z", "submittedBy": "Phạm Văn Tài", "onTime": true,
                   "content": %s,
                   "review": {"outcome": "RETURNED", "at": "2027-03-19T03:00:00Z", "by": "Nguyễn Văn Hạ", "comment": "Bổ sung số liệu hội thi"}}]}"""
                .formatted(DRAFT));
        services.answer("GET", "/api/reports/r3/draft", DRAFT);

        String page = html(get("/reports/r3"), signedIn.communeOfficer());

        assertThat(page).contains("Báo cáo bị trả lại", "Bổ sung số liệu hội thi", "Lần nộp thứ", "09:30 18/03/2027", "10:00 19/03/2027")
                .contains("Lưu bản nháp</button>", "Lưu bản nháp trước, rồi nộp báo cáo.");
    }

    private String html(MockHttpServletRequestBuilder request, RequestPostProcessor official) throws Exception {
        return mvc.perform(request.with(official)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String vietnamese(LocalDate date) {
        return date.format(VIETNAMESE_DATE);
    }

    static final String DRAFT = """
            {"activities": [{"activityLabel": "1", "activityContent": "Đăng tin, bài tuyên truyền cải cách hành chính",
               "result": "Đã đăng 12 tin, bài trên cổng thông tin xã", "count": 12}],
             "indicators": {"newsArticles": 12, "radioTvBroadcasts": 0, "reportagesAndClips": 0, "socialMediaPosts": 3,
               "conferencesAndTrainings": 0, "participants": 0, "leaflets": 0, "postersAndBanners": 0, "contests": 0, "contestEntrants": 0},
             "difficulties": "Thiếu kinh phí", "proposals": null}""";

    static String report(String id, String unitCode, String unitName, String recipient, String status, LocalDate dueDate, String periodName) {
        return """
                {"id": "%s", "planId": "p2", "rootPlanId": "p1", "planNumber": "35/KH-UBND", "planTitle": "Kế hoạch CCHC năm 2027", "year": 2027,
                 "unitCode": "%s", "unitName": "%s", "recipientUnitCode": "%s", "via": "Phòng Nội vụ", "periodType": "Q1",
                 "periodName": "%s", "periodFrom": "2027-01-01", "periodTo": "2027-03-31", "dueDate": "%s", "status": "%s",
                 "submissions": [], "overdueAnnounced": %s}""".formatted(id, unitCode, unitName, recipient, periodName, dueDate, status,
                dueDate.isBefore(TODAY)); // as report-service's sweep finds it, a working-day deadline having passed
    }

    static String submitted(String id, LocalDate dueDate, java.time.LocalDateTime submittedAtInVietnam) {
        String at = submittedAtInVietnam.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant().toString();
        return """
                {"id": "%s", "planId": "p2", "rootPlanId": "p1", "planNumber": "35/KH-UBND", "planTitle": "Kế hoạch CCHC năm 2027", "year": 2027,
                 "unitCode": "25327", "unitName": "Xã Thanh An", "recipientUnitCode": "694", "periodType": "Q1",
                 "periodName": "Quý I/2027", "periodFrom": "2027-01-01", "periodTo": "2027-03-31", "dueDate": "%s", "status": "SUBMITTED",
                 "submissions": [{"version": 1, "submittedAt": "%s", "submittedBy": "Phạm Văn Tài", "onTime": true, "content": %s, "review": null}]}"""
                .formatted(id, dueDate, at, DRAFT);
    }

    static String page(String... items) {
        return "{\"content\": [" + String.join(",", items) + "], \"page\": 0, \"size\": 20, \"totalElements\": " + items.length + "}";
    }
}
