package vn.gov.par.notification;

import static vn.gov.par.notification.UnitEvents.unit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.contracts.Topics;
import vn.gov.par.notification.contact.ContactDirectory;
import vn.gov.par.testsupport.GuardedWrite;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.RawHttp;
import vn.gov.par.testsupport.ServiceApiContract;
import vn.gov.par.testsupport.TestTokens;

class ApiContractTest extends ServiceApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A district's contacts, with its province above, its commune below and another district beside: units of their
     * own, so what the rules' test stores shows in no other test of this context.
     */
    private static final GuardedWrite.Placement DISTRICT = new GuardedWrite.Placement("800", "80", "80001", "801");
    /** The working calendar holds nationwide: it is the head of the directory's, and every other unit is below it. */
    private static final GuardedWrite.Placement NATIONWIDE = new GuardedWrite.Placement("TW", null, "80", null);
    /** Far enough ahead that no reminder of any test falls near them; removed after each test. */
    private static final LocalDate FIRST_DATE = LocalDate.of(2198, 3, 2);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final List<LocalDate> ADJUSTED = new CopyOnWriteArrayList<>();

    @Autowired
    ContactDirectory contacts;

    ApiContractTest() {
        super(List.of(Topics.NOTIFICATION_EVENTS, Topics.CALENDAR_EVENTS), "/api/contacts/import", "/api/contacts/{unitCode}", "/api/contacts/unreachable",
                "/api/contacts/undeliverable", "/api/contacts/undeliverable/{email}", "/api/holidays", "/api/calendar-adjustments",
                "/api/calendar-adjustments/{date}", "/api/mail-log");
    }

    @Override
    protected List<GuardedWrite> guardedWrites() {
        return List.of(
                GuardedWrite.needs("QUAN_TRI", "POST", "/api/contacts/import", DISTRICT, () -> {
                    placeUnits();
                    int n = SEQUENCE.incrementAndGet();
                    return RawHttp.Request.json("POST", "/api/contacts/import", JSON.writeValueAsString(List.of(Map.of("unitCode", "800",
                            "name", "Nguyễn Văn Thử " + n, "position", "Chuyên viên Văn phòng UBND huyện", "email", "thu" + n + "@thuthua.gov.vn"))));
                }),
                GuardedWrite.needs("QUAN_TRI", "POST", "/api/contacts/import", DISTRICT, () -> {
                    placeUnits();
                    int n = SEQUENCE.incrementAndGet();
                    return new RawHttp.Request("POST", "/api/contacts/import", "text/csv", ("unitCode,name,position,email\n800,,,ubnd" + n
                            + "@thuthua.gov.vn\n").getBytes(StandardCharsets.UTF_8));
                }),
                GuardedWrite.needs("CAN_BO", "PUT", "/api/contacts/{unitCode}", DISTRICT, () -> {
                    placeUnits();
                    int n = SEQUENCE.incrementAndGet();
                    return RawHttp.Request.json("PUT", "/api/contacts/800", JSON.writeValueAsString(Map.of("mailbox", "ubnd@thuthua.gov.vn",
                            "people", List.of(Map.of("name", "Trần Thị Sửa " + n, "position", "Chuyên viên", "email", "sua" + n + "@thuthua.gov.vn")))));
                }),
                GuardedWrite.needs("QUAN_TRI", "DELETE", "/api/contacts/undeliverable/{email}", DISTRICT, () -> {
                    String address = refusedAddressOfTheDistrict();
                    return new RawHttp.Request("DELETE", "/api/contacts/undeliverable/" + address, null, new byte[0]);
                }),
                GuardedWrite.needs("QUAN_TRI", "PUT", "/api/calendar-adjustments/{date}", NATIONWIDE, () -> {
                    placeUnits();
                    return RawHttp.Request.json("PUT", "/api/calendar-adjustments/" + nextDate(), "{\"name\":\"Nghỉ bù thử quyền\",\"dayOff\":true}");
                }),
                GuardedWrite.needs("QUAN_TRI", "DELETE", "/api/calendar-adjustments/{date}", NATIONWIDE, () -> {
                    placeUnits();
                    LocalDate date = nextDate();
                    api().ok(api().put("/api/calendar-adjustments/" + date, Map.of("dayOff", false)));
                    return new RawHttp.Request("DELETE", "/api/calendar-adjustments/" + date, null, new byte[0]);
                }));
    }

    /** What the rules' test left in the calendar goes, so that no other test of this context sees it. */
    @AfterEach
    void removeTheAdjustmentsMade() {
        for (LocalDate date : ADJUSTED) {
            RawHttp.Response removed = RawHttp.onPort(port).send(new RawHttp.Request("DELETE", "/api/calendar-adjustments/" + date, null,
                    new byte[0]));
            if (!removed.ok()) {
                throw new AssertionError("Could not remove an adjustment of the rules' test: " + removed);
            }
        }
        ADJUSTED.clear();
    }

    private HttpJson api() {
        return HttpJson.onPort(port);
    }

    private void placeUnits() {
        UnitEvents.place(mongo, UnitEvents.TW, unit("80", "UBND tỉnh Long An", "PROVINCE", "TW"),
                unit("800", "UBND huyện Thủ Thừa", "DISTRICT", "TW", "80"), unit("80001", "UBND xã Mỹ An", "COMMUNE", "TW", "80", "800"),
                unit("801", "UBND huyện Đức Hòa", "DISTRICT", "TW", "80"));
    }

    /** An address only the district's contacts name, which the mail server has refused for good. */
    private String refusedAddressOfTheDistrict() {
        placeUnits();
        String address = "tu-choi" + SEQUENCE.incrementAndGet() + "@thuthua.gov.vn";
        HttpJson district = api().as(TestTokens.officerOf("800"));
        district.ok(district.put("/api/contacts/800", Map.of("people", List.of(Map.of("name", "Địa chỉ bị từ chối", "email", address)))));
        contacts.markUndeliverable(address, "550 5.1.1 Mailbox unavailable", Instant.now());
        return address;
    }

    /** A date no other test adjusts, removed after the test. */
    private static LocalDate nextDate() {
        LocalDate date = FIRST_DATE.plusDays(SEQUENCE.incrementAndGet());
        ADJUSTED.add(date);
        return date;
    }
}
