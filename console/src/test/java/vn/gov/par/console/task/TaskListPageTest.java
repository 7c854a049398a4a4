package vn.gov.par.console.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.gov.par.console.task.TaskJson.occurrence;
import static vn.gov.par.console.task.TaskJson.page;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.gov.par.console.testing.ConsolePageTest;
import vn.gov.par.console.testing.FakeServices;

class TaskListPageTest extends ConsolePageTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Test
    void byDefaultListsTheOfficialsOwnUnitsOccurrencesWithTheirBadgesAndVietnameseDates() throws Exception {
        services.answer("GET", "/api/tasks", page(0, 50, 2,
                occurrence("o1", "t1", "694", "Huyện Hớn Quản", "LEAD", "Đăng tin, bài tuyên truyền cải cách hành chính", "Tháng 10/2026",
                        TODAY.minusDays(40).toString(), TODAY.minusDays(3).toString(), "OVERDUE", ""),
                occurrence("o2", "t2", "694", "Huyện Hớn Quản", "COOPERATING", "Tổ chức hội thi tìm hiểu cải cách hành chính",
                        "Quý I/2027", TODAY.plusDays(20).toString(), TODAY.plusDays(100).toString(), "NOT_DUE", "")),
                "unitCode=694");

        String page = mvc.perform(get("/tasks").with(signedIn.districtOfficer())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("<h1>Nhiệm vụ</h1>", "Huyện Hớn Quản")
                .contains("Đăng tin, bài tuyên truyền cải cách hành chính", "Tháng 10/2026", "35/KH-UBND", "Chủ trì",
                        TODAY.minusDays(3).format(VN), "status overdue\">Quá hạn chưa hoàn thành")
                .contains("Tổ chức hội thi tìm hiểu cải cách hành chính", "Quý I/2027", "Phối hợp", TODAY.plusDays(100).format(VN),
                        "status not-yet-due\">Chưa đến hạn")
                .contains("href=\"/tasks/occurrences/o1?task=t1\"", "href=\"/tasks/occurrences/o2?task=t2\"")
                .contains("2 lần thực hiện")
                .doesNotContain("Sau →", "← Trước");
        FakeServices.Received sent = services.received("GET", "/api/tasks").get(0);
        assertThat(sent.hasParameter("unitCode=694")).isTrue();
        assertThat(sent.query()).doesNotContain("underUnit", "status=");
        assertThat(sent.authorization()).isEqualTo("Bearer token-of-honquan.canbo");
    }

    @Test
    void workDueOnADayOffShowsTheDayItRunsToBesideTheDayWritten() throws Exception {
        services.answer("GET", "/api/tasks", page(0, 50, 1,
                occurrence("o3", "t3", "694", "Huyện Hớn Quản", "LEAD", "Phát hành bản tin cải cách hành chính", "Tháng 2/2027",
                        "2027-02-01", "2027-03-06", "NOT_DUE", "").replaceFirst("\\{", "{\"effectiveDueDate\": \"2027-03-08\", ")),
                "unitCode=694");

        String page = mvc.perform(get("/tasks").with(signedIn.districtOfficer())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("08/03/2027 (văn bản ghi 06/03/2027, ngày nghỉ)");
    }

    @Test
    void sendsTheFiltersToTheServiceAndKeepsThemInTheFormAndThePageLinks() throws Exception {
        services.answer("GET", "/api/tasks", page(1, 50, 120,
                occurrence("o9", "t9", "25327", "Xã Thanh An", "LEAD", "Treo băng rôn, khẩu hiệu", "Quý I/2027", "2027-01-01",
                        "2027-03-31", "DONE_LATE", "")),
                "underUnit=694", "status=DONE_LATE");

        String page = mvc.perform(get("/tasks").with(signedIn.districtLeader()).param("unitCode", "694").param("subtree", "true")
                .param("status", "DONE_LATE").param("dueFrom", "2027-01-01").param("dueTo", "2027-06-30").param("page", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        FakeServices.Received sent = services.received("GET", "/api/tasks").get(0);
        assertThat(sent.query().split("&")).contains("underUnit=694", "status=DONE_LATE", "dueFrom=2027-01-01", "dueTo=2027-06-30",
                "page=1", "size=50");
        assertThat(sent.query()).doesNotContain("unitCode");
        assertThat(page).contains("Xã Thanh An", "Treo băng rôn, khẩu hiệu", "31/03/2027", "status done-late\">Hoàn thành quá hạn")
                .contains("value=\"DONE_LATE\" selected", "value=\"2027-01-01\"", "name=\"subtree\" value=\"true\" role=\"switch\" checked")
                .contains("120 lần thực hiện · trang 2/3")
                .contains("/tasks?unitCode=694&amp;subtree=true&amp;status=DONE_LATE&amp;dueFrom=2027-01-01&amp;dueTo=2027-06-30&amp;page=0")
                .contains("/tasks?unitCode=694&amp;subtree=true&amp;status=DONE_LATE&amp;dueFrom=2027-01-01&amp;dueTo=2027-06-30&amp;page=2")
                .contains("← Trước", "Sau →")
                .contains("hx-get=\"/tasks\"", "hx-select=\"#tasks\"");
    }

    @Test
    void filtersTheRoleInTheConsoleAsTheServiceHasNoSuchFilter() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(occurrence("o" + i, "t" + i, "694", "Huyện Hớn Quản", i % 2 == 0 ? "LEAD" : "COOPERATING", "Việc số " + i,
                    "Tháng " + (i + 1) + "/2027", "2027-0" + (i + 1) + "-01", "2027-0" + (i + 1) + "-28", "NOT_DUE", ""));
        }
        services.answer("GET", "/api/tasks", page(0, 500, 6, rows.toArray(String[]::new)), "unitCode=694");

        String page = mvc.perform(get("/tasks").with(signedIn.districtOfficer()).param("role", "COOPERATING"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Việc số 1", "Việc số 3", "Việc số 5").doesNotContain("Việc số 0", "Việc số 2", "Việc số 4")
                .contains("3 lần thực hiện", "value=\"COOPERATING\" selected");
        assertThat(services.received("GET", "/api/tasks").get(0).query()).doesNotContain("role");
    }

    @Test
    void aDateThatIsNotADateIsShownBesideItsFieldWithoutAskingTheService() throws Exception {
        String page = mvc.perform(get("/tasks").with(signedIn.districtOfficer()).param("dueFrom", "31/02/2027"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Bộ lọc chưa hợp lệ", "id=\"dueFrom-error\"", "Ngày không hợp lệ", "value=\"31/02/2027\"");
        assertThat(services.received("GET", "/api/tasks")).isEmpty();
    }
}
