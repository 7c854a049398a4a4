package vn.gov.par.console.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.gov.par.console.task.TaskJson.occurrence;
import static vn.gov.par.console.task.TaskJson.page;
import static vn.gov.par.console.task.TaskJson.task;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.gov.par.console.testing.ConsolePageTest;
import vn.gov.par.console.testing.FakeServices;

class OccurrencePageTest extends ConsolePageTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    private static final String MARCH = occurrence("o3", "t1", "25327", "Xã Thanh An", "LEAD",
            "Đăng tin, bài tuyên truyền cải cách hành chính", "Tháng 3/2027", "2027-03-01", "2027-03-31", "DONE_ON_TIME", """
                    {"recordedAt": "2027-03-20T02:30:00Z", "done": true, "doneOn": "2027-03-20", "count": 3,
                     "links": ["https://thanhan.binhphuoc.gov.vn/tin-cchc-1", "javascript:alert(1)"], "note": "Đã đăng 3 tin trên trang xã",
                     "recordedBy": {"subject": "sub-thanhan.canbo", "name": "Phạm Văn Tài", "unitCode": "25327"}}""");
    private static final String APRIL = occurrence("o4", "t1", "25327", "Xã Thanh An", "LEAD",
            "Đăng tin, bài tuyên truyền cải cách hành chính", "Tháng 4/2027", "2027-04-01", "2027-04-30", "OVERDUE", "");

    @BeforeEach
    void theTask() {
        services.answer("GET", "/api/tasks/t1", task("t1", "25327", "Xã Thanh An", "LEAD", MARCH, APRIL));
    }

    @Test
    void showsTheOccurrenceItsTaskAndItsProgressHistoryAndTheFormToAnOfficerOfItsUnit() throws Exception {
        String page = mvc.perform(get("/tasks/occurrences/o3").param("task", "t1").with(signedIn.communeOfficer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Đăng tin, bài tuyên truyền cải cách hành chính", "Tháng 3/2027", "35/KH-UBND",
                        "Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2027", "Xã Thanh An", "Chủ trì",
                        "Tin, bài trên trang thông tin điện tử", "Hằng tháng", "31/03/2027", "status done-on-time\">Hoàn thành đúng hạn")
                // the history: recorded at 09:30 in Vietnam, by whom, what
                .contains("09:30 20/03/2027", "Phạm Văn Tài", "Đã hoàn thành", "20/03/2027", "Đã đăng 3 tin trên trang xã")
                .contains("href=\"https://thanhan.binhphuoc.gov.vn/tin-cchc-1\"")
                .doesNotContain("href=\"javascript:alert(1)\"")
                // the form, filled with the latest entry to correct from
                .contains("<h2>Cập nhật tiến độ</h2>", "action=\"/tasks/occurrences/o3/progress\"", "name=\"_csrf\"")
                .contains("name=\"doneOn\" value=\"2027-03-20\"", "name=\"count\" min=\"0\" step=\"1\" value=\"3\"")
                // the task's other occurrence
                .contains("Tháng 4/2027", "href=\"/tasks/occurrences/o4?task=t1\"");
        assertThat(services.received("GET", "/api/tasks/t1")).singleElement()
                .satisfies(call -> assertThat(call.authorization()).isEqualTo("Bearer token-of-thanhan.canbo"));
    }

    @Test
    void anOfficialOfAnotherUnitSeesTheOccurrenceButNotTheForm() throws Exception {
        String page = mvc.perform(get("/tasks/occurrences/o3").param("task", "t1").with(signedIn.provinceLeader()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Đăng tin, bài tuyên truyền cải cách hành chính", "Xã Thanh An", "Phạm Văn Tài")
                .doesNotContain("Cập nhật tiến độ", "/tasks/occurrences/o3/progress");
    }

    @Test
    void aTasksLinkAsRemindersMailedItLandsOnItsFirstOccurrenceStillToDo() throws Exception {
        mvc.perform(get("/tasks/t1").with(signedIn.communeOfficer()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/tasks/occurrences/o4?task=t1"));
    }

    @Test
    void anOccurrenceNotFoundIsSaidSo() throws Exception {
        String page = mvc.perform(get("/tasks/occurrences/nope").with(signedIn.communeOfficer())).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Không tìm thấy lần thực hiện nhiệm vụ &#39;nope&#39;");
        assertThat(services.received("GET", "/api/tasks")).isEmpty();
    }

    @Test
    void recordingProgressSendsTheFormAsJsonWithTheOfficialsTokenAndComesBackWithANotice() throws Exception {
        String after = occurrence("o4", "t1", "25327", "Xã Thanh An", "LEAD", "Đăng tin, bài tuyên truyền cải cách hành chính",
                "Tháng 4/2027", "2027-04-01", "2027-04-30", "DONE_LATE", """
                        {"recordedAt": "2027-05-03T01:00:00Z", "done": true, "doneOn": "2027-05-02", "count": 2,
                         "links": ["https://a.gov.vn/1", "https://a.gov.vn/2"], "note": "Đăng muộn"}""");
        services.answer("POST", "/api/occurrences/o4/progress", after);

        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/tasks/occurrences/o4/progress").session(session).with(signedIn.communeOfficer()).with(csrf())
                        .param("task", "t1").param("done", "true").param("doneOn", "2027-05-02").param("count", "2")
                        .param("note", "  Đăng muộn ").param("links", "https://a.gov.vn/1\r\n\r\n  https://a.gov.vn/2 \n"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/tasks/occurrences/o4?task=t1"))
                .andExpect(flash().attribute("notice", "Đã ghi nhận tiến độ. Trạng thái hiện nay: Hoàn thành quá hạn."));

        FakeServices.Received sent = services.received("POST", "/api/occurrences/o4/progress").get(0);
        assertThat(sent.authorization()).isEqualTo("Bearer token-of-thanhan.canbo");
        JsonNode body = new ObjectMapper().readTree(sent.body());
        assertThat(body.get("done").asBoolean()).isTrue();
        assertThat(body.get("doneOn").asString()).isEqualTo("2027-05-02");
        assertThat(body.get("count").asInt()).isEqualTo(2);
        assertThat(body.get("note").asString()).isEqualTo("Đăng muộn");
        assertThat(body.get("links").toString()).isEqualTo("[\"https://a.gov.vn/1\",\"https://a.gov.vn/2\"]");

        String page = mvc.perform(get("/tasks/occurrences/o4").param("task", "t1").session(session).with(signedIn.communeOfficer())
                        .flashAttr("notice", "Đã ghi nhận tiến độ. Trạng thái hiện nay: Hoàn thành quá hạn."))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("class=\"notice\" role=\"status\">Đã ghi nhận tiến độ. Trạng thái hiện nay: Hoàn thành quá hạn.");
    }

    @Test
    void aRefusalOfTheServiceKeepsWhatWasTypedWithTheProblemAboveAndTheMessageBesideItsField() throws Exception {
        services.answer("POST", "/api/occurrences/o4/progress", 422, """
                {"status": 422, "code": "done-date-in-future", "title": "Yêu cầu không hợp lệ",
                 "detail": "Ngày hoàn thành %s chưa tới."}""".formatted("01/01/2099"));

        String page = mvc.perform(post("/tasks/occurrences/o4/progress").with(signedIn.communeOfficer()).with(csrf())
                        .param("task", "t1").param("done", "true").param("doneOn", "2099-01-01").param("count", "4")
                        .param("note", "Ghi chú đã gõ").param("links", "https://a.gov.vn/bai-1"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("role=\"alert\"", "Yêu cầu không hợp lệ")
                .contains("id=\"doneOn-error\">Ngày hoàn thành 01/01/2099 chưa tới.</small>")
                .contains("name=\"doneOn\" value=\"2099-01-01\"", "value=\"4\"", ">Ghi chú đã gõ</textarea>", ">https://a.gov.vn/bai-1</textarea>")
                .contains("name=\"done\" value=\"true\" checked");
    }

    @Test
    void aValidationRefusalShowsEachFieldsMessageBesideIt() throws Exception {
        services.answer("POST", "/api/occurrences/o4/progress", 400, """
                {"status": 400, "code": "validation-failed", "title": "Dữ liệu không hợp lệ", "detail": "Có trường không hợp lệ.",
                 "errors": [{"field": "count", "message": "Số lượng sản phẩm không được âm."},
                            {"field": "links[1]", "message": "Đường dẫn không được để trống."}]}""");

        String page = mvc.perform(post("/tasks/occurrences/o4/progress").with(signedIn.communeOfficer()).with(csrf())
                        .param("task", "t1").param("count", "-1").param("note", "chưa xong"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Dữ liệu không hợp lệ", "id=\"count-error\">Số lượng sản phẩm không được âm.</small>",
                        "id=\"links-error\">Đường dẫn không được để trống.</small>")
                .contains("value=\"-1\"", ">chưa xong</textarea>")
                .doesNotContain("name=\"done\" value=\"true\" checked");
    }

    @Test
    void aNumberThatIsNotANumberIsRefusedBesideItsFieldWithoutSendingAnything() throws Exception {
        String page = mvc.perform(post("/tasks/occurrences/o4/progress").with(signedIn.communeOfficer()).with(csrf())
                        .param("task", "t1").param("count", "ba"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"count-error\">Số lượng sản phẩm phải là một số nguyên", "value=\"ba\"");
        assertThat(services.received("POST", "/api/occurrences/o4/progress")).isEmpty();
    }
}
