package vn.gov.par.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import vn.gov.par.console.testing.ConsolePageTest;

/** The services' APIs through the console's origin: a browser's session token relayed, a script's own token passed on. */
class ApiThroughTheConsoleTest extends ConsolePageTest {

    @Test
    void aSignedInBrowsersCallCarriesTheOfficialsToken() throws Exception {
        services.answer("GET", "/api/plans", "{\"content\": [], \"page\": 0, \"size\": 20, \"totalElements\": 0}", "year=2027");

        mvc.perform(get("/api/plans").param("year", "2027").with(signedIn.districtLeader()))
                .andExpect(status().isOk()).andExpect(content().json("{\"totalElements\": 0}"));

        assertThat(services.received("GET", "/api/plans")).singleElement().satisfies(call -> {
            assertThat(call.authorization()).isEqualTo("Bearer token-of-honquan.lanhdao");
            assertThat(call.query()).isEqualTo("year=2027");
        });
    }

    @Test
    void aScriptsTokenIsPassedOnAsItCameAndNeedsNoFormToken() throws Exception {
        services.answer("POST", "/api/plans", 201, "{\"id\": \"p9\", \"status\": \"DRAFT\"}");

        mvc.perform(post("/api/plans").header("Authorization", "Bearer token-from-a-script").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"issuerCode\": \"70\", \"content\": {\"title\": \"Kế hoạch năm 2027\", \"year\": 2027}}"))
                .andExpect(status().isCreated()).andExpect(content().json("{\"id\": \"p9\"}"));

        assertThat(services.received("POST", "/api/plans")).singleElement().satisfies(call -> {
            assertThat(call.authorization()).isEqualTo("Bearer token-from-a-script");
            assertThat(call.body()).contains("Kế hoạch năm 2027");
        });
    }

    @Test
    void aScriptsPlanDocumentReachesPlanServiceWhole() throws Exception {
        services.answer("POST", "/api/plan-imports", 201, "{\"planId\": \"p10\", \"findings\": []}");
        String form = """
                --ranh-gioi\r
                Content-Disposition: form-data; name="file"; filename="ke-hoach.md"\r
                Content-Type: text/markdown\r
                \r
                KẾ HOẠCH
                Thông tin, tuyên truyền cải cách hành chính năm 2027\r
                --ranh-gioi--\r
                """;

        mvc.perform(post("/api/plan-imports").param("issuerCode", "694").header("Authorization", "Bearer token-from-a-script")
                        .contentType("multipart/form-data; boundary=ranh-gioi").content(form.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .andExpect(status().isCreated()).andExpect(content().json("{\"planId\": \"p10\"}"));

        assertThat(services.received("POST", "/api/plan-imports")).singleElement().satisfies(call -> {
            assertThat(call.contentType()).startsWith("multipart/form-data; boundary=ranh-gioi");
            assertThat(call.body()).as("the form as the script sent it").isEqualTo(form);
        });
    }

    @Test
    void theServicesRefusalReachesTheCallerUnchanged() throws Exception {
        services.answer("POST", "/api/plans/p1/issue", 403, """
                {"status": 403, "code": "role-required", "title": "Không có quyền", "detail": "Cần quyền lãnh đạo (LANH_DAO) để ban hành kế hoạch."}""");

        mvc.perform(post("/api/plans/p1/issue").with(signedIn.districtOfficer()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\": \"36/KH-UBND\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json("{\"code\": \"role-required\"}"));
    }

    @Test
    void aChangeFromABrowserSessionWithoutItsFormTokenIsRefusedAndNeverReachesAService() throws Exception {
        mvc.perform(post("/api/plans/p1/cancel").with(signedIn.districtLeader()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Trang khác gửi thay\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json("{\"code\": \"csrf-token-missing\"}"));

        assertThat(services.received()).noneMatch(call -> call.path().startsWith("/api/plans/p1"));
    }
}
