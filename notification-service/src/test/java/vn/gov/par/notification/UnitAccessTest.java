package vn.gov.par.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.par.notification.UnitEvents.unit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import vn.gov.par.notification.contact.ContactDirectory;
import vn.gov.par.notification.maillog.MailLog;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.RawHttp;
import vn.gov.par.testsupport.TestTokens;

/**
 * What the officials of two provinces and their communes notice of the access rules: a province's administrator keeps
 * its communes' contacts but not another province's, a commune's officer its own contacts but not its neighbour's, the
 * working calendar belongs to the head of the directory, and every list shows the caller's unit and those below it.
 */
@PlatformIntegrationTest
class UnitAccessTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ContactDirectory contacts;

    @Autowired
    MailLog mailLog;

    private HttpJson api;

    @BeforeEach
    void placeTwoProvinces() {
        api = HttpJson.onPort(port);
        UnitEvents.place(mongo, UnitEvents.TW, unit("82", "UBND tỉnh Tiền Giang", "PROVINCE", "TW"),
                unit("82001", "UBND xã Mỹ Phước", "COMMUNE", "TW", "82"), unit("82002", "UBND xã Tân Hòa", "COMMUNE", "TW", "82"),
                unit("83", "UBND tỉnh Bến Tre", "PROVINCE", "TW"), unit("83001", "UBND xã Phú Túc", "COMMUNE", "TW", "83"));
    }

    @Test
    void aProvinceAdministratorImportsItsCommunesContactsButAnImportNamingAnotherProvincesUnitIsRefusedWhole() {
        HttpJson province = api.as(TestTokens.administratorOf("82"));
        JsonNode imported = province.ok(province.send("/api/contacts/import", MediaType.parseMediaType("text/csv"), """
                unitCode,name,position,email
                82001,Nguyễn Văn Phước,Công chức Văn hóa - Xã hội,phuoc.myphuoc@tiengiang.gov.vn
                82002,,,ubnd.tanhoa@tiengiang.gov.vn
                """));
        assertThat(imported.get("units").asInt()).isEqualTo(2);
        JsonNode myPhuoc = province.ok(province.get("/api/contacts/82001"));
        assertThat(myPhuoc.at("/people/0/email").asString()).isEqualTo("phuoc.myphuoc@tiengiang.gov.vn");
        assertThat(myPhuoc.at("/lastChange/action").asString()).isEqualTo("IMPORTED");
        assertThat(myPhuoc.at("/lastChange/by/unitCode").asString()).as("who imported them").isEqualTo("82");
        assertThat(myPhuoc.at("/lastChange/by/name").asString()).isEqualTo("quan-tri-82");

        HttpJson.Response refused = province.post("/api/contacts/import", List.of(
                Map.of("unitCode", "82001", "name", "Trần Văn Thay", "position", "Chuyên viên", "email", "thay.myphuoc@tiengiang.gov.vn"),
                Map.of("unitCode", "83001", "name", "Lê Thị Khác", "position", "Chuyên viên", "email", "khac.phutuc@bentre.gov.vn")));

        assertThat(refused.status().value()).isEqualTo(403);
        assertThat(refused.body().get("code").asString()).isEqualTo("outside-subtree");
        assertThat(refused.body().get("detail").asString()).as("names the unit outside the province").contains("83001").doesNotContain("82001");
        assertThat(province.ok(province.get("/api/contacts/82001")).at("/people/0/email").asString()).as("nothing of the file stored")
                .isEqualTo("phuoc.myphuoc@tiengiang.gov.vn");
        assertThat(api.ok(api.get("/api/contacts/83001")).toString()).doesNotContain("khac.phutuc@bentre.gov.vn");
    }

    @Test
    void aCommuneOfficerEditsItsOwnContactsButNotItsNeighbours() {
        HttpJson province = api.as(TestTokens.administratorOf("82"));
        province.ok(province.put("/api/contacts/82002", Map.of("mailbox", "ubnd.tanhoa@tiengiang.gov.vn")));
        HttpJson commune = api.as(TestTokens.officerOf("82001"));

        JsonNode own = commune.ok(commune.put("/api/contacts/82001", Map.of("mailbox", "ubnd.myphuoc@tiengiang.gov.vn", "people",
                List.of(Map.of("name", "Lê Thị Hạnh", "position", "Công chức Văn phòng - Thống kê", "email", "hanh.myphuoc@tiengiang.gov.vn")))));
        assertThat(own.at("/people/0/name").asString()).isEqualTo("Lê Thị Hạnh");
        assertThat(own.at("/lastChange/action").asString()).isEqualTo("REPLACED");
        assertThat(own.at("/lastChange/by/unitCode").asString()).isEqualTo("82001");

        HttpJson.Response neighbours = commune.put("/api/contacts/82002", Map.of("mailbox", "nham.tanhoa@tiengiang.gov.vn"));
        assertThat(neighbours.status().value()).isEqualTo(403);
        assertThat(neighbours.body().get("code").asString()).isEqualTo("not-own-unit");
        assertThat(neighbours.body().get("detail").asString()).contains("82002", "82001");
        JsonNode tanHoa = province.ok(province.get("/api/contacts/82002"));
        assertThat(tanHoa.get("mailbox").asString()).as("the neighbour's contacts as they were").isEqualTo("ubnd.tanhoa@tiengiang.gov.vn");
        assertThat(tanHoa.at("/lastChange/by/unitCode").asString()).isEqualTo("82");
        assertThat(commune.get("/api/contacts/82002").status().value()).as("nor may it read them").isEqualTo(404);
        assertThat(commune.get("/api/contacts/82").status().value()).as("nor the province's").isEqualTo(404);
    }

    @Test
    void aProvinceAdministratorCannotSetANationwideDayOff() {
        HttpJson province = api.as(TestTokens.administratorOf("82"));

        HttpJson.Response refused = province.put("/api/calendar-adjustments/2197-05-04", Map.of("name", "Nghỉ bù riêng của tỉnh", "dayOff", true));

        assertThat(refused.status().value()).isEqualTo(403);
        assertThat(refused.body().get("code").asString()).isEqualTo("outside-subtree");
        assertThat(refused.body().get("detail").asString()).contains("cả nước");
        assertThat(province.ok(province.get("/api/calendar-adjustments")).valueStream().map(a -> a.get("date").asString()))
                .as("every official reads the calendar; nothing was added to it").doesNotContain("2197-05-04");
        assertThat(province.ok(province.get("/api/holidays?year=2197")).valueStream().map(h -> h.get("date").asString()))
                .doesNotContain("2197-05-04");
    }

    @Test
    void theListsShowTheCallersUnitAndThoseBelowIt() {
        HttpJson province = api.as(TestTokens.administratorOf("82"));
        assertThat(province.ok(province.get("/api/contacts/unreachable")).valueStream().map(u -> u.get("code").asString()))
                .contains("82").allMatch(code -> code.startsWith("82"));
        assertThat(api.ok(api.get("/api/contacts/unreachable")).valueStream().map(u -> u.get("code").asString()))
                .as("the head of the directory sees every unit").contains("82", "83");

        String address = "tu-choi-" + UUID.randomUUID().toString().substring(0, 8) + "@bentre.gov.vn";
        HttpJson phuTuc = api.as(TestTokens.officerOf("83001"));
        phuTuc.ok(phuTuc.put("/api/contacts/83001", Map.of("people", List.of(Map.of("name", "Phạm Văn Túc", "email", address)))));
        contacts.markUndeliverable(address, "550 5.1.1 Mailbox unavailable", Instant.now());
        HttpJson benTre = api.as(TestTokens.administratorOf("83"));
        assertThat(province.ok(province.get("/api/contacts/undeliverable")).valueStream().map(a -> a.get("email").asString()))
                .doesNotContain(address);
        assertThat(benTre.ok(benTre.get("/api/contacts/undeliverable")).valueStream().map(a -> a.get("email").asString()))
                .contains(address);
        RawHttp.Request clear = new RawHttp.Request("DELETE", "/api/contacts/undeliverable/" + address, null, new byte[0]);
        assertThat(RawHttp.onPort(port).as(TestTokens.administratorOf("82")).send(clear).status()).as("another province's address")
                .isEqualTo(403);
        assertThat(RawHttp.onPort(port).as(TestTokens.administratorOf("83")).send(clear).status()).isEqualTo(204);
        assertThat(benTre.ok(benTre.get("/api/contacts/undeliverable")).valueStream().map(a -> a.get("email").asString()))
                .doesNotContain(address);

        String plan = "plan-" + UUID.randomUUID();
        mailLog.record(new MailLog.Line("hanh.myphuoc@tiengiang.gov.vn", "82001", "d1", plan, "82001", "TASK", "BEFORE", -7), Instant.now(),
                "SENT", null);
        mailLog.record(new MailLog.Line(address, "83001", "d2", plan, "83001", "TASK", "BEFORE", -7), Instant.now(), "FAILED", "550");
        assertThat(province.ok(province.get("/api/mail-log?planId=" + plan)).get("content").valueStream()
                .map(e -> e.get("unitCode").asString())).containsExactly("82001");
        assertThat(api.ok(api.get("/api/mail-log?planId=" + plan)).get("totalElements").asInt()).isEqualTo(2);
    }
}
