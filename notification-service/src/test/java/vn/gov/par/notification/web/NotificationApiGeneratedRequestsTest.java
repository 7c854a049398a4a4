package vn.gov.par.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.par.notification.UnitEvents.unit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.util.UriUtils;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.contracts.Topics;
import vn.gov.par.notification.UnitEvents;
import vn.gov.par.testsupport.BodyMutations;
import vn.gov.par.testsupport.BodyMutations.Mutated;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.RawHttp;
import vn.gov.par.testsupport.RefusalProbe;
import vn.gov.par.testsupport.SpringBackedProperties;
import vn.gov.par.testsupport.StoredWhole;

/**
 * Generated bad requests to every write endpoint of notification-service (contacts imported and replaced, calendar
 * adjustments set and removed, an undeliverable address cleared), from a valid request broken one way at a time: each is refused with a 4xx problem and
 * leaves no trace in the store or on notification.events, or, when the break left it valid, is stored whole. Seeds are
 * fixed, so a failure reproduces.
 */
@PlatformIntegrationTest
class NotificationApiGeneratedRequestsTest extends SpringBackedProperties {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TRIES = 60;
    /** Valid dates and dates that are not: a path variable is input too. */
    private static final List<String> DATES = List.of("2027-09-03", "2027-04-26", "2027-02-30", "30/02/2027", "2027-13-01", "hôm-nay", "0");

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    private static HttpJson api;
    private static RefusalProbe probe;

    @Property(tries = TRIES, seed = "6401")
    void importContactsAsJson(@ForAll("contactRows") Mutated request) {
        given();
        probe.send(request).ifPresent(imported -> assertEveryRowStored(JSON.readTree(request.request().bodyText()), request));
    }

    @Provide
    Arbitrary<Mutated> contactRows() {
        return BodyMutations.of("POST", "/api/contacts/import", JSON.valueToTree(List.of(
                Map.of("unitCode", "694", "name", "Nguyễn Thị Hoa", "position", "Chuyên viên Phòng Văn hóa - Thông tin", "email", "hoa.hq@binhphuoc.gov.vn"),
                Map.of("unitCode", "691", "name", "", "position", "", "email", "ubnd.locninh@binhphuoc.gov.vn"))));
    }

    @Property(tries = TRIES, seed = "6402")
    void importContactsAsCsv(@ForAll("contactCsv") Mutated request) {
        given();
        probe.send(request).ifPresent(imported -> assertEveryRowStored(StoredWhole.csvRows(request.request().bodyText()), request));
    }

    /** Each row's address is now the unit's mailbox (a row without a name) or one of its people's. */
    private static void assertEveryRowStored(Iterable<JsonNode> rows, Mutated request) {
        for (JsonNode row : rows) {
            JsonNode stored = api.ok(api.get("/api/contacts/" + row.get("unitCode").asString().strip()));
            String email = row.path("email").asString("").strip();
            assertThat(stored.toString()).as(request.toString()).contains(email);
        }
    }

    @Provide
    Arbitrary<Mutated> contactCsv() {
        return BodyMutations.ofCsv("/api/contacts/import", """
                unitCode,name,position,email
                694,Nguyễn Thị Hoa,Chuyên viên Phòng Văn hóa - Thông tin,hoa.hq@binhphuoc.gov.vn
                691,,,ubnd.locninh@binhphuoc.gov.vn
                """);
    }

    @Property(tries = TRIES, seed = "6403")
    void replaceAUnitsContacts(@ForAll("unitContacts") Mutated request) {
        given();
        probe.send(request).ifPresent(replaced -> StoredWhole.assertStoredAsSent(api.ok(api.get("/api/contacts/694")),
                JSON.readTree(request.request().bodyText()), request));
    }

    @Provide
    Arbitrary<Mutated> unitContacts() {
        return BodyMutations.of("PUT", "/api/contacts/694", JSON.valueToTree(Map.of("mailbox", "ubnd.honquan@binhphuoc.gov.vn",
                "people", List.of(Map.of("name", "Lê Văn Nam", "position", "Trưởng Phòng Văn hóa - Thông tin", "email", "nam.hq@binhphuoc.gov.vn")))));
    }

    @Property(tries = TRIES, seed = "6404")
    void adjustTheCalendar(@ForAll("adjustments") Mutated request) {
        given();
        probe.send(request).ifPresent(adjusted -> {
            String date = request.request().path().substring(request.request().path().lastIndexOf('/') + 1);
            JsonNode stored = api.ok(api.get("/api/calendar-adjustments")).valueStream()
                    .filter(a -> a.get("date").asString().equals(date)).findFirst().orElseThrow();
            StoredWhole.assertStoredAsSent(stored, JSON.readTree(request.request().bodyText()), request);
        });
    }

    @Provide
    Arbitrary<Mutated> adjustments() {
        return Combinators.combine(BodyMutations.of("PUT", "/api/calendar-adjustments/{date}",
                JSON.valueToTree(Map.of("name", "Nghỉ bù Quốc khánh", "dayOff", true))), Arbitraries.of(DATES))
                .as((mutated, date) -> new Mutated(mutated.mutation() + " on " + date,
                        mutated.request().withPath("/api/calendar-adjustments/" + date)));
    }

    @Property(tries = 20, seed = "6405")
    void removeAnAdjustment(@ForAll("dates") String date) {
        given();
        probe.send("DELETE " + date, new RawHttp.Request("DELETE", "/api/calendar-adjustments/" + date, null, new byte[0]))
                .ifPresent(removed -> assertThat(api.ok(api.get("/api/calendar-adjustments")).valueStream()
                        .map(a -> a.get("date").asString())).doesNotContain(date));
    }

    @Provide
    Arbitrary<String> dates() {
        return Arbitraries.of(DATES);
    }

    @Property(tries = 20, seed = "6406")
    void clearAnUndeliverableAddress(@ForAll("addresses") String address) {
        given();
        String path = "/api/contacts/undeliverable/" + UriUtils.encodePathSegment(address, StandardCharsets.UTF_8);
        probe.send("DELETE " + address, new RawHttp.Request("DELETE", path, null, new byte[0]))
                .ifPresent(cleared -> assertThat(api.ok(api.get("/api/contacts/undeliverable")).valueStream().map(u -> u.get("email").asString()))
                        .doesNotContain(address.strip()));
    }

    @Provide
    Arbitrary<String> addresses() {
        return Arbitraries.oneOf(Arbitraries.of("hoa.hq@binhphuoc.gov.vn", "không-phải-địa-chỉ", " ", "a@b", "%", ".."),
                BodyMutations.vietnameseText(1, 300), Arbitraries.strings().ofMinLength(1).ofMaxLength(60));
    }

    private void given() {
        if (api != null) {
            return;
        }
        api = HttpJson.onPort(port);
        // Sent as the administrator of "TW", at the head of the directory: every write here is one it may make.
        UnitEvents.place(mongo, UnitEvents.TW, unit("70", "UBND tỉnh Bình Phước", "PROVINCE", "TW"),
                unit("694", "UBND huyện Hớn Quản", "DISTRICT", "TW", "70"), unit("691", "UBND huyện Lộc Ninh", "DISTRICT", "TW", "70"));
        probe = new RefusalProbe(RawHttp.onPort(port), mongo, List.of(Topics.NOTIFICATION_EVENTS, Topics.CALENDAR_EVENTS), List.of()).countingOutcomes();
    }
}
