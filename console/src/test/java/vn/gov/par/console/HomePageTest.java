package vn.gov.par.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import vn.gov.par.console.testing.ConsolePageTest;

class HomePageTest extends ConsolePageTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Test
    void withoutSigningInThePageSendsTheOfficialToTheIdentityProvider() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/oauth2/authorization/keycloak"));
        assertThat(services.received()).isEmpty();
    }

    @Test
    void showsTheUnitsOverdueAndComingWorkTheReportsWaitingForItAndTheSubPlanItOwes() throws Exception {
        services.answer("GET", "/api/tasks", page("""
                {"id": "o1", "taskId": "t1", "planId": "p2", "planNumber": "35/KH-UBND", "unitCode": "694", "unitName": "Huyện Hớn Quản",
                 "role": "LEAD", "activityContent": "Đăng tin, bài tuyên truyền cải cách hành chính", "label": "Tháng 10/2026",
                 "periodStart": "%s", "dueDate": "%s", "status": "OVERDUE", "progress": []}""".formatted(TODAY.minusDays(40), TODAY.minusDays(3))),
                "unitCode=694", "status=OVERDUE");
        services.answer("GET", "/api/tasks", page("""
                {"id": "o2", "taskId": "t2", "planId": "p2", "planNumber": "35/KH-UBND", "unitCode": "694", "unitName": "Huyện Hớn Quản",
                 "role": "LEAD", "activityContent": "Tổ chức hội thi tìm hiểu cải cách hành chính", "label": "Quý IV/2026",
                 "periodStart": "%s", "dueDate": "%s", "status": "NOT_DUE", "progress": []}""".formatted(TODAY.minusDays(50), TODAY.plusDays(2))),
                "unitCode=694", "status=NOT_DUE", "dueFrom=" + TODAY, "dueTo=" + TODAY.plusDays(7));
        services.answer("GET", "/api/reports", page("""
                {"id": "r0", "planId": "p1", "planNumber": "96/KH-UBND", "unitCode": "694", "unitName": "Huyện Hớn Quản",
                 "recipientUnitCode": "70", "periodType": "Q3", "periodName": "Quý III năm 2026 của huyện", "periodFrom": "2026-07-01",
                 "periodTo": "2026-09-30", "dueDate": "%s", "status": "EXPECTED", "submissions": [],
                 "overdueAnnounced": true}""".formatted(TODAY.minusDays(5))),
                "unitCode=694");
        services.answer("GET", "/api/reports", page("""
                {"id": "r1", "planId": "p2", "planNumber": "35/KH-UBND", "unitCode": "25327", "unitName": "Xã Thanh An",
                 "recipientUnitCode": "694", "periodType": "Q3", "periodName": "Quý III năm 2026", "periodFrom": "2026-07-01",
                 "periodTo": "2026-09-30", "dueDate": "2026-09-20", "status": "SUBMITTED",
                 "submissions": [{"version": 1, "submittedAt": "2026-09-18T02:00:00Z", "submittedBy": "thanhan.canbo", "onTime": true}]}"""),
                "recipientUnitCode=694", "status=SUBMITTED");
        services.answer("GET", "/api/plans", page("""
                {"id": "d1", "issuerCode": "694", "issuerName": "UBND huyện Hớn Quản", "parentPlanId": "p1", "rootPlanId": "p1",
                 "obligationId": "ob1", "status": "DRAFT", "content": {"title": "Kế hoạch thông tin, tuyên truyền CCHC năm 2027", "year": 2027}}"""),
                "issuerCode=694", "status=DRAFT");
        services.answer("GET", "/api/plans/p1", """
                {"id": "p1", "issuerCode": "70", "issuerName": "UBND tỉnh Bình Phước", "status": "ISSUED", "number": "96/KH-UBND",
                 "content": {"title": "Kế hoạch của tỉnh", "year": 2027, "cascade": {"dueDate": "2027-02-28"}}}""");

        String page = mvc.perform(get("/").with(signedIn.districtLeader())).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html")).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Huyện Hớn Quản", "Nguyễn Văn Hạ", "Lãnh đạo")
                .contains("Đăng tin, bài tuyên truyền cải cách hành chính", "Quá hạn chưa hoàn thành")
                .contains("Tổ chức hội thi tìm hiểu cải cách hành chính", "Đang thực hiện trong hạn")
                .contains("Xã Thanh An", "Quý III năm 2026")
                .contains("Quý III năm 2026 của huyện", "/reports/r0")
                .contains("/tasks/occurrences/o1?task=t1")
                .contains("96/KH-UBND", "28/02/2027", "/plans/d1")
                .contains(TODAY.plusDays(2).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(services.received()).allSatisfy(call -> assertThat(call.authorization()).isEqualTo("Bearer token-of-honquan.lanhdao"));
    }

    @Test
    void aUnitWithNothingDueSaysSo() throws Exception {
        services.answer("GET", "/api/tasks", page());
        services.answer("GET", "/api/reports", page());
        services.answer("GET", "/api/plans", page());

        mvc.perform(get("/").with(signedIn.communeOfficer())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Đơn vị không có việc đến hạn, quá hạn hay chờ xử lý.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Xã Thanh An")));
    }

    @Test
    void aRefusalOfTheServiceIsShownWithItsStatusAndReason() throws Exception {
        services.answer("GET", "/api/tasks", 403, """
                {"status": 403, "code": "outside-subtree", "title": "Không có quyền", "detail": "Đơn vị này không thuộc phạm vi của tài khoản."}""");
        services.answer("GET", "/api/reports", page());
        services.answer("GET", "/api/plans", page());

        mvc.perform(get("/").with(signedIn.communeOfficer())).andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Đơn vị này không thuộc phạm vi của tài khoản.")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Xã Thanh An")));
    }

    @Test
    void aSupervisorOpensTheWorkOfAUnitBelowWhereAnEscalationLeadsIt() throws Exception {
        services.answer("GET", "/api/units/25327", """
                {"code": "25327", "name": "UBND xã Thanh An", "level": "COMMUNE", "kind": "GOVERNMENT", "parentCode": "694",
                 "ancestorCodes": ["TW", "70", "694"]}""");
        services.answer("GET", "/api/tasks", page("""
                {"id": "o7", "taskId": "t7", "planId": "p2", "planNumber": "35/KH-UBND", "unitCode": "25327", "unitName": "UBND xã Thanh An",
                 "role": "LEAD", "activityContent": "Treo băng rôn tuyên truyền cải cách hành chính", "label": "Quý III/2026",
                 "periodStart": "%s", "dueDate": "%s", "status": "OVERDUE", "progress": []}""".formatted(TODAY.minusDays(60), TODAY.minusDays(9))),
                "unitCode=25327", "status=OVERDUE");
        services.answer("GET", "/api/tasks", page(), "unitCode=25327", "status=NOT_DUE");
        services.answer("GET", "/api/reports", page());
        services.answer("GET", "/api/plans", page());

        String page = mvc.perform(get("/units/25327").with(signedIn.districtLeader())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("<h1>Việc của UBND xã Thanh An</h1>", "Treo băng rôn tuyên truyền cải cách hành chính",
                "Quá hạn chưa hoàn thành");
        assertThat(services.received("GET", "/api/plans")).singleElement()
                .satisfies(call -> assertThat(call.query()).contains("issuerCode=25327"));
    }

    @Test
    void aUnitAboveTheOfficialsIsNotItsToFollow() throws Exception {
        services.answer("GET", "/api/units/70", """
                {"code": "70", "name": "UBND tỉnh Bình Phước", "level": "PROVINCE", "kind": "GOVERNMENT", "parentCode": "TW",
                 "ancestorCodes": ["TW"]}""");

        mvc.perform(get("/units/70").with(signedIn.districtLeader())).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("không thuộc phạm vi theo dõi của đơn vị bạn")));
        assertThat(services.received("GET", "/api/tasks")).isEmpty();
    }

    @Test
    void aUnitTheOfficialMayNotSeeIsNotFound() throws Exception {
        services.answer("GET", "/api/units/691", 404, """
                {"status": 404, "code": "not-found", "title": "Không tìm thấy", "detail": "Không tìm thấy đơn vị có mã '691'."}""");

        mvc.perform(get("/units/691").with(signedIn.districtLeader())).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Không tìm thấy đơn vị có mã")));
        assertThat(services.received("GET", "/api/tasks")).isEmpty();
    }

    static String page(String... items) {
        return "{\"content\": [" + String.join(",", items) + "], \"page\": 0, \"size\": 200, \"totalElements\": " + items.length + "}";
    }
}
