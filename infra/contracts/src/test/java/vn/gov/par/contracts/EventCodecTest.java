package vn.gov.par.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.gov.par.contracts.UndecodableEventException.Reason;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    private final PlanIssued issued = new PlanIssued("p1", "96/KH-UBND", "Thông tin, tuyên truyền cải cách hành chính năm 2024",
            2024, "70", "UBND tỉnh Bình Phước", "70", LocalDate.of(2024, 3, 19), "Trần Tuệ Hiền", null, "p1", null,
            List.of(new PlanActivity("a", "Đăng tin, bài", "Mỗi tháng 01 bản tin", List.of("Sở Thông tin và Truyền thông"),
                    List.of("UBND các huyện"), "hàng quý")),
            "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm", LocalDate.of(2024, 4, 30));

    @Test
    void roundTripKeepsEveryAttributeTheActorAndVietnameseText() {
        EventEnvelope<PlanIssued> event = EventEnvelope.of(EventCatalog.PLAN_ISSUED, "e1", "/plan-service",
                Instant.parse("2024-03-19T02:00:00Z"), "plans/p1", new Actor("f3a1", "Trần Tuệ Hiền", "70"), issued);

        String wire = codec.encode(event);
        EventEnvelope<?> decoded = codec.decode(wire.getBytes(StandardCharsets.UTF_8));

        assertThat(wire).contains("\"specversion\":\"1.0\"", "\"type\":\"vn.gov.par.plan.issued\"", "\"schemaversion\":1",
                "\"issuedOn\":\"2024-03-19\"", "tuyên truyền cải cách hành chính",
                "\"actorid\":\"f3a1\"", "\"actorname\":\"Trần Tuệ Hiền\"", "\"actorunit\":\"70\"");
        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.dataAs(EventCatalog.PLAN_ISSUED).activities().get(0).product()).isEqualTo("Mỗi tháng 01 bản tin");
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() {
        String wire = codec.encode(EventEnvelope.of(EventCatalog.PLAN_ISSUED, "e1", "/plan-service", Instant.now(), "plans/p1", null, issued))
                .replace("\"planId\":\"p1\"", "\"planId\":\"p1\",\"aFieldFromTheFuture\":42");

        assertThat(codec.decode(wire.getBytes(StandardCharsets.UTF_8)).dataAs(EventCatalog.PLAN_ISSUED)).isEqualTo(issued);
    }

    @Test
    void anEventNoPersonCausedCarriesNoActor() {
        String wire = codec.encode(EventEnvelope.of(EventCatalog.PLAN_ISSUED, "e1", "/plan-service", Instant.now(), "plans/p1", null, issued));

        assertThat(wire).doesNotContain("actor");
        assertThat(codec.decode(wire.getBytes(StandardCharsets.UTF_8)).actor()).isNull();
    }

    @Test
    void refusesWhatCanNeverBeProcessed() {
        String good = codec.encode(EventEnvelope.of(EventCatalog.PLAN_ISSUED, "e1", "/plan-service", Instant.now(), "plans/p1", null, issued));

        assertReason("{not json", Reason.MALFORMED);
        assertReason("[1,2]", Reason.MALFORMED);
        assertReason(good.replace("vn.gov.par.plan.issued", "vn.gov.par.plan.teleported"), Reason.UNKNOWN_TYPE);
        assertReason(good.replace("\"schemaversion\":1", "\"schemaversion\":2"), Reason.UNSUPPORTED_VERSION);
        assertReason(good.replace("\"year\":2024", "\"year\":\"next year\""), Reason.INVALID_PAYLOAD);
        assertReason(good.replace("\"id\":\"e1\",", ""), Reason.MALFORMED);
    }

    private void assertReason(String wire, Reason reason) {
        assertThatThrownBy(() -> codec.decode(wire.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UndecodableEventException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
