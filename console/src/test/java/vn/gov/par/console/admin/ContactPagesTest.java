package vn.gov.par.console.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactPagesTest extends AdminPageTest {

    /** notification-service's example answer (api-examples/api/contacts/{unitCode}/PUT.response.json). */
    private static final String HON_QUAN_CONTACTS = """
            {"unitCode": "694", "mailbox": "ubnd@honquan.gov.vn",
             "people": [{"name": "Nguyễn Văn Hạ", "position": "Phó Chủ tịch UBND huyện", "email": "ha@honquan.gov.vn"},
                        {"name": "Trần Thị Lan", "position": "Chuyên viên Phòng Nội vụ", "email": "lan.tt@honquan.gov.vn"}],
             "lastChange": {"action": "REPLACED", "at": "2026-11-25T03:20:41.118Z",
                            "by": {"subject": "3f8d2c61-7a4e-4b19-9c0d-5e2a7b8c1f40", "name": "Trần Thị Lan", "unitCode": "694"}},
             "reachable": true}""";

    @BeforeEach
    void contacts() {
        services.answer("GET", "/api/contacts/694", HON_QUAN_CONTACTS);
        services.answer("GET", "/api/contacts/unreachable", """
                [{"code": "25327", "name": "UBND xã Thanh An", "level": "COMMUNE", "kind": "GOVERNMENT", "parentCode": "694",
                  "provinceCode": "70", "ancestorCodes": ["TW", "70", "694"]}]""");
        services.answer("GET", "/api/contacts/undeliverable", """
                [{"email": "old@thanhan.gov.vn", "reason": "550 5.1.1 User unknown", "since": "2027-03-03T01:15:00Z"}]""");
    }

    @Test
    void aUnitsContactsAreShownWithWhoLastChangedThemAndReadyToEdit() throws Exception {
        String page = page(get("/admin/contacts/694").with(signedIn.administrator()));

        assertThat(page).contains("Đầu mối liên hệ của <span>Huyện Hớn Quản</span>", "Liên hệ được", "Sửa trực tiếp lúc 10:20 25/11/2026, bởi Trần Thị Lan",
                "value=\"ubnd@honquan.gov.vn\"", "value=\"Nguyễn Văn Hạ\"", "value=\"Chuyên viên Phòng Nội vụ\"", "value=\"lan.tt@honquan.gov.vn\"",
                "name=\"people[2].name\"", "Lưu đầu mối liên hệ");
        assertThat(services.received("GET", "/api/contacts/694")).singleElement()
                .satisfies(call -> assertThat(call.authorization()).isEqualTo("Bearer token-of-quantri"));
    }

    @Test
    void savingSendsTheMailboxAndTheFilledRowsOnly() throws Exception {
        services.answer("PUT", "/api/contacts/694", HON_QUAN_CONTACTS);

        mvc.perform(post("/admin/contacts/694").with(signedIn.administrator()).with(csrf()).param("mailbox", "")
                        .param("people[0].name", "Nguyễn Văn Hạ").param("people[0].position", "Phó Chủ tịch UBND huyện")
                        .param("people[0].email", " ha@honquan.gov.vn ").param("people[1].name", "").param("people[1].position", "")
                        .param("people[1].email", ""))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/contacts/694"))
                .andExpect(flash().attribute("notice", "Đã lưu đầu mối liên hệ: thư nhắc việc từ nay gửi theo danh bạ mới."));

        assertThat(services.received("PUT", "/api/contacts/694")).singleElement().satisfies(call -> {
            assertThat(call.body()).isEqualTo("{\"mailbox\":null,\"people\":[{\"name\":\"Nguyễn Văn Hạ\",\"position\":\"Phó Chủ tịch UBND huyện\","
                    + "\"email\":\"ha@honquan.gov.vn\"}]}");
            assertThat(call.contentType()).startsWith("application/json");
        });
    }

    @Test
    void aRefusedAddressIsShownBesideItsRowAndWhatWasTypedKept() throws Exception {
        // The service checks the mailbox as its row 1, then each person: row 3 is the second person.
        services.answer("PUT", "/api/contacts/694", 422, """
                {"status": 422, "code": "invalid-contacts", "title": "Yêu cầu không hợp lệ",
                 "detail": "Tệp danh bạ có 1 lỗi; không liên hệ nào được lưu.",
                 "errors": [{"row": 3, "field": "email", "message": "Địa chỉ thư điện tử 'lan.tt@' không hợp lệ."}]}""");

        String page = page(post("/admin/contacts/694").with(signedIn.administrator()).with(csrf()).param("mailbox", "ubnd@honquan.gov.vn")
                .param("people[0].name", "").param("people[0].email", "")
                .param("people[1].name", "Nguyễn Văn Hạ").param("people[1].email", "ha@honquan.gov.vn")
                .param("people[2].name", "Trần Thị Lan").param("people[2].email", "lan.tt@"));

        assertThat(page).contains("Tệp danh bạ có 1 lỗi; không liên hệ nào được lưu.", "value=\"lan.tt@\"", "value=\"Trần Thị Lan\"");
        assertThat(page.substring(page.indexOf("name=\"people[1].email\""))).contains("id=\"people[1].email-error\"")
                .contains("Địa chỉ thư điện tử 'lan.tt@' không hợp lệ.");
        assertThat(page.substring(page.indexOf("name=\"people[0].email\""), page.indexOf("name=\"people[1].email\"")))
                .doesNotContain("không hợp lệ");
    }

    @Test
    void theOverviewListsTheUnreachableUnitsAndTheRefusedAddresses() throws Exception {
        String page = page(get("/admin/contacts").with(signedIn.administrator()));

        assertThat(page).contains("UBND xã Thanh An", "href=\"/admin/contacts/25327\"", "old@thanhan.gov.vn", "550 5.1.1 User unknown",
                "08:15 03/03/2027", "Đã sửa, gỡ khỏi danh sách", "href=\"/admin/contacts/import\"");
    }

    @Test
    void clearingAnAddressDeletesItAtTheServiceAndARefusalIsShownPlainly() throws Exception {
        services.answer("DELETE", "/api/contacts/undeliverable/old@thanhan.gov.vn", 204, "");

        mvc.perform(post("/admin/contacts/undeliverable/clear").param("email", "old@thanhan.gov.vn").with(signedIn.administrator()).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/contacts"));
        assertThat(services.received("DELETE", "/api/contacts/undeliverable/old@thanhan.gov.vn")).singleElement()
                .satisfies(call -> assertThat(call.authorization()).isEqualTo("Bearer token-of-quantri"));

        services.answer("DELETE", "/api/contacts/undeliverable/old@thanhan.gov.vn", 403, """
                {"status": 403, "code": "outside-subtree", "title": "Không có quyền",
                 "detail": "Đơn vị 25327 không thuộc phạm vi quản trị của tài khoản này."}""");
        String refused = page(post("/admin/contacts/undeliverable/clear").param("email", "old@thanhan.gov.vn")
                .with(signedIn.provinceAdministrator()).with(csrf()));
        assertThat(refused).contains("Không có quyền", "Đơn vị 25327 không thuộc phạm vi quản trị của tài khoản này.", "old@thanhan.gov.vn");
    }

    @Test
    void aContactsFileIsSentAsCsvAndEveryBadRowShown() throws Exception {
        services.answer("POST", "/api/contacts/import", 422, """
                {"status": 422, "code": "invalid-contacts", "title": "Yêu cầu không hợp lệ",
                 "detail": "Tệp danh bạ có 2 lỗi; không liên hệ nào được lưu.",
                 "errors": [{"row": 1, "field": "unitCode", "message": "Đơn vị '999' không có trong danh mục đơn vị."},
                            {"row": 3, "field": "email", "message": "Thiếu địa chỉ thư điện tử (email)."}]}""");
        String csv = "unitCode,name,position,email\n999,Nguyễn An,,an@x.gov.vn\n694,Trần Thị Lan,,lan.tt@honquan.gov.vn\n693,,,\n";

        String page = page(post("/admin/contacts/import").param("csv", csv).with(signedIn.administrator()).with(csrf()));

        assertThat(page).contains("Tệp danh bạ có 2 lỗi", "Đơn vị '999' không có trong danh mục đơn vị.", "Thiếu địa chỉ thư điện tử (email).",
                "<td>1</td>", "<td>3</td>", "999,Nguyễn An,,an@x.gov.vn");
        assertThat(services.received("POST", "/api/contacts/import")).singleElement().satisfies(call -> {
            assertThat(call.body()).isEqualTo(csv);
            assertThat(call.contentType()).isEqualToIgnoringCase("text/csv;charset=UTF-8");
        });
    }

    @Test
    void anImportedFileSaysHowManyUnitsItNamed() throws Exception {
        services.answer("POST", "/api/contacts/import", "{\"units\": 2}");

        mvc.perform(post("/admin/contacts/import").param("csv", "unitCode,name,position,email\n694,,,ubnd@honquan.gov.vn\n")
                        .with(signedIn.administrator()).with(csrf()))
                .andExpect(redirectedUrl("/admin/contacts")).andExpect(flash().attribute("notice",
                        "Đã nhập danh bạ của 2 đơn vị; đầu mối liên hệ của mỗi đơn vị có trong tệp được thay bằng các dòng của đơn vị đó."));
    }

    @Test
    void anOfficerOfTheUnitIsRefusedThePageAndNothingIsChanged() throws Exception {
        String page = page(get("/admin/contacts/694").with(signedIn.districtOfficer()), 403);
        assertThat(page).contains("Trang quản trị chỉ dành cho tài khoản có quyền Quản trị (QUAN_TRI)").doesNotContain("Lưu đầu mối liên hệ");

        page(post("/admin/contacts/undeliverable/clear").param("email", "old@thanhan.gov.vn").with(signedIn.districtLeader()).with(csrf()), 403);
        assertThat(services.received("DELETE", "/api/contacts/undeliverable/old@thanhan.gov.vn")).isEmpty();
    }
}
