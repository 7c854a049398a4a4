package vn.gov.par.console.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;

class MailLogPageTest extends AdminPageTest {

    private static final String FAILED_REMINDER = """
            {"id": "m1", "at": "2027-03-31T01:00:00Z", "recipientEmail": "lan+cchc@honquan.gov.vn", "recipientUnitCode": "694",
             "deadlineId": "REPORT:r1", "planId": "p1", "unitCode": "694", "kind": "REPORT", "stage": "OVERDUE", "offsetDays": 1,
             "outcome": "FAILED", "detail": "550 5.1.1 User unknown"}""";

    @Test
    void theFiltersReachTheServiceAsItNamesThemAndEachMailReadsPlainly() throws Exception {
        services.answer("GET", "/api/mail-log", "{\"content\": [" + FAILED_REMINDER + "], \"page\": 1, \"size\": 50, \"totalElements\": 1234}");

        String page = page(get("/admin/mail-log").param("unitCode", "694").param("recipient", "lan+cchc@honquan.gov.vn")
                .param("planId", "p1").param("outcome", "FAILED").param("page", "1").with(signedIn.administrator()));

        assertThat(page).contains("08:00 31/03/2027", "lan+cchc@honquan.gov.vn", "Báo cáo", "Quá hạn", "Không gửi được", "550 5.1.1 User unknown",
                "Tổng cộng 1.234 lần gửi", "Trang 2 / 25", "Trang trước", "Trang sau", "<option value=\"FAILED\" selected=\"selected\">");
        assertThat(services.received("GET", "/api/mail-log")).singleElement().satisfies(call -> {
            assertThat(call.query().split("&")).containsExactlyInAnyOrder("unitCode=694", "recipient=lan+cchc@honquan.gov.vn", "planId=p1",
                    "outcome=FAILED", "page=1", "size=50");
            assertThat(call.authorization()).isEqualTo("Bearer token-of-quantri");
        });
    }

    @Test
    void withoutFiltersTheFirstPageIsAskedAndAnEmptyLogSaysSo() throws Exception {
        services.answer("GET", "/api/mail-log", "{\"content\": [], \"page\": 0, \"size\": 50, \"totalElements\": 0}");

        assertThat(page(get("/admin/mail-log").param("outcome", "").with(signedIn.administrator())))
                .contains("Không có thư nào theo bộ lọc này.").doesNotContain("Trang sau");
        assertThat(services.received("GET", "/api/mail-log")).singleElement()
                .satisfies(call -> assertThat(call.query()).isEqualTo("page=0&size=50"));
    }

    @Test
    void aNonAdministratorIsRefusedTheMailLog() throws Exception {
        assertThat(page(get("/admin/mail-log").with(signedIn.communeOfficer()), 403)).contains("Trang quản trị chỉ dành cho tài khoản có quyền Quản trị");
        assertThat(services.received("GET", "/api/mail-log")).isEmpty();
    }
}
