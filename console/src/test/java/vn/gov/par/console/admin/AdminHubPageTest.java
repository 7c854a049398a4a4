package vn.gov.par.console.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;

class AdminHubPageTest extends AdminPageTest {

    @Test
    void anAdministratorIsLedToEverySection() throws Exception {
        assertThat(page(get("/admin").with(signedIn.administrator()))).contains("href=\"/admin/units\"", "href=\"/admin/units/import\"",
                "href=\"/admin/contacts\"", "href=\"/admin/contacts/import\"", "href=\"/admin/calendar\"", "href=\"/admin/mail-log\"");
    }

    @Test
    void onlyAnAdministratorsMenuLeadsToAdministration() throws Exception {
        assertThat(page(get("/admin").with(signedIn.administrator()))).contains("<a href=\"/admin\">Quản trị</a>");
        assertThat(page(get("/admin").with(signedIn.districtLeader()), 403)).contains("Báo cáo</a>").doesNotContain("href=\"/admin\"");
    }

    @Test
    void aLeaderIsRefusedPlainlyWithTheHeaderStillShowingTheirUnit() throws Exception {
        assertThat(page(get("/admin").with(signedIn.districtLeader()), 403)).contains("Không có quyền", "(403)",
                "Trang quản trị chỉ dành cho tài khoản có quyền Quản trị (QUAN_TRI)", "Huyện Hớn Quản").doesNotContain("href=\"/admin/units\"");
    }
}
