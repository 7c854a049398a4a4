package vn.gov.par.console.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CalendarPageTest extends AdminPageTest {

    /** notification-service's example answer (api-examples/api/calendar-adjustments/{date}/PUT.response.json). */
    private static final String COMPENSATORY_DAY = """
            {"date": "2027-09-03", "name": "Nghỉ bù Quốc khánh", "dayOff": true,
             "lastChange": {"action": "SET", "at": "2027-08-20T02:15:00Z",
                            "by": {"subject": "8b1e4f27-2d93-4c6a-a715-0f3c9e6d2b58", "name": "Lê Minh Quân", "unitCode": "TW"}}}""";

    @BeforeEach
    void calendar() {
        services.answer("GET", "/api/units/TW", """
                {"code": "TW", "name": "Chính phủ", "level": "CENTRAL", "kind": "GOVERNMENT", "parentCode": null,
                 "provinceCode": "TW", "ancestorCodes": []}""");
        services.answer("GET", "/api/units/70", """
                {"code": "70", "name": "UBND tỉnh Bình Phước", "level": "PROVINCE", "kind": "GOVERNMENT", "parentCode": "TW",
                 "provinceCode": "70", "ancestorCodes": ["TW"]}""");
        services.answer("GET", "/api/calendar-adjustments", "[" + COMPENSATORY_DAY + "]");
        services.answer("GET", "/api/holidays", "[]");
        services.answer("GET", "/api/holidays", """
                [{"date": "2027-01-01", "name": "Tết Dương lịch"}, {"date": "2027-09-02", "name": "Quốc khánh"},
                 {"date": "2027-09-03", "name": "Nghỉ bù Quốc khánh"}]""", "year=2027");
    }

    @Test
    void theYearsHolidaysAndTheRecordedAdjustmentsAreShownWithTheFormForTheHeadsAdministrator() throws Exception {
        String page = page(get("/admin/calendar").param("year", "2027").with(signedIn.administrator()));

        assertThat(page).contains("Ngày nghỉ lễ, Tết năm <span>2027</span>", "01/01/2027", "Tết Dương lịch", "Thứ Sáu", "02/09/2027", "Quốc khánh",
                "03/09/2027", "Nghỉ bù Quốc khánh", "Ngày nghỉ", "Lê Minh Quân, 09:15 20/08/2027", "id=\"adjustment-form\"",
                "action=\"/admin/calendar/adjustments/2027-09-03/remove\"");
        assertThat(services.received("GET", "/api/holidays")).singleElement().satisfies(call -> {
            assertThat(call.query()).isEqualTo("year=2027");
            assertThat(call.authorization()).isEqualTo("Bearer token-of-quantri");
        });
    }

    @Test
    void aProvincesAdministratorSeesTheCalendarButNoWayToChangeIt() throws Exception {
        String page = page(get("/admin/calendar").param("year", "2027").with(signedIn.provinceAdministrator()));

        assertThat(page).contains("Nghỉ bù Quốc khánh", "chỉ quản trị của đơn vị cấp cao nhất trong danh mục")
                .doesNotContain("id=\"adjustment-form\"", "/remove\"");
    }

    @Test
    void changingAnAdjustmentStartsFromItAndSendsTheDayAsTheServiceExpects() throws Exception {
        assertThat(page(get("/admin/calendar").param("year", "2027").param("date", "2027-09-03").with(signedIn.administrator())))
                .contains("value=\"2027-09-03\"", "value=\"Nghỉ bù Quốc khánh\"");

        services.answer("PUT", "/api/calendar-adjustments/2027-09-04", """
                {"date": "2027-09-04", "name": "Ngày làm việc bù", "dayOff": false, "lastChange": null}""");
        mvc.perform(post("/admin/calendar/adjustments").param("date", "2027-09-04").param("name", " ").param("dayOff", "false")
                        .with(signedIn.administrator()).with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar?year=2027")).andExpect(flash().attribute("notice",
                        "Đã ghi nhận ngày 04/09/2027 là ngày làm việc (Ngày làm việc bù). Các nhắc việc chưa gửi được lập lại lịch."));

        assertThat(services.received("PUT", "/api/calendar-adjustments/2027-09-04")).singleElement().satisfies(call -> {
            assertThat(call.body()).isEqualTo("{\"name\":null,\"dayOff\":false}");
            assertThat(call.contentType()).startsWith("application/json");
        });
    }

    @Test
    void theServicesRefusalOfTheDateIsShownBesideItWithWhatWasTyped() throws Exception {
        services.answer("PUT", "/api/calendar-adjustments/2027-02-30", 400, """
                {"status": 400, "code": "invalid-parameter", "title": "Tham số không hợp lệ",
                 "detail": "Giá trị '2027-02-30' không hợp lệ cho tham số 'date'."}""");

        String page = page(post("/admin/calendar/adjustments").param("date", "2027-02-30").param("name", "Nghỉ bù Tết")
                .param("dayOff", "true").with(signedIn.administrator()).with(csrf()));

        assertThat(page).contains("value=\"Nghỉ bù Tết\"", "value=\"2027-02-30\"");
        assertThat(page.substring(page.indexOf("name=\"date\""))).contains("id=\"date-error\"", "Giá trị '2027-02-30' không hợp lệ cho tham số 'date'.");
    }

    @Test
    void removingAnAdjustmentDeletesItAndARefusalIsShownPlainly() throws Exception {
        services.answer("DELETE", "/api/calendar-adjustments/2027-09-03", 204, "");
        mvc.perform(post("/admin/calendar/adjustments/2027-09-03/remove").with(signedIn.administrator()).with(csrf()))
                .andExpect(redirectedUrl("/admin/calendar?year=2027"));
        assertThat(services.received("DELETE", "/api/calendar-adjustments/2027-09-03")).hasSize(1);

        services.answer("DELETE", "/api/calendar-adjustments/2027-09-03", 403, """
                {"status": 403, "code": "outside-subtree", "title": "Không có quyền",
                 "detail": "Chỉ quản trị cấp cao nhất mới được xóa ngày nghỉ bù, ngày làm việc bù đã ghi nhận vì thay đổi này áp dụng cho cả nước; tài khoản của bạn thuộc đơn vị 70."}""");
        assertThat(page(post("/admin/calendar/adjustments/2027-09-03/remove").with(signedIn.provinceAdministrator()).with(csrf())))
                .contains("Không có quyền", "tài khoản của bạn thuộc đơn vị 70.");
    }

    @Test
    void aNonAdministratorIsRefusedTheCalendarPage() throws Exception {
        assertThat(page(get("/admin/calendar").with(signedIn.districtLeader()), 403)).contains("Trang quản trị chỉ dành cho tài khoản có quyền Quản trị")
                .doesNotContain("id=\"adjustment-form\"");
        page(post("/admin/calendar/adjustments").param("date", "2027-09-04").param("dayOff", "true").with(signedIn.districtLeader()).with(csrf()), 403);
        assertThat(services.received("PUT", "/api/calendar-adjustments/2027-09-04")).isEmpty();
    }
}
