package vn.gov.par.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.thymeleaf.exceptions.TemplateInputException;

import com.mongodb.client.model.ReplaceOptions;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.mail.internet.MimeMessage;
import vn.gov.par.notification.mail.Digest;

/**
 * What happens when mail cannot reach someone: a refused address is remembered and skipped, an email that cannot
 * be written fails once without blaming the mail server, an office without contacts escalates through its parent,
 * and a unit without contacts is reached as soon as it has some.
 */
class DeliveryFailuresTest extends ReminderIntegrationTest {

    private static final String BAD_ADDRESS = "khong hop le@@binhphuoc";

    @AfterEach
    void forgetBuDangsContacts() {
        mongo.remove(Query.query(Criteria.where("_id").is("697")), "contacts");
    }

    @Test
    void aRefusedAddressIsMarkedUndeliverableShownToOperatorsAndLaterRemindersGoToTheUnitsMailbox() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        buDangContacts("ubnd.budang@binhphuoc.gov.vn");
        at(2025, 11, 3, 9, 0);
        String deadline = oblige(run, "697", "UBND huyện Bù Đăng", LocalDate.of(2025, 11, 14));
        awaitReminders(deadline, 5);

        at(2025, 11, 7, 7, 31);
        assertThat(dispatchAndCollect()).as("the person's address is refused").isEmpty();
        assertThat(dispatchAndCollect()).as("the same reminder reaches the unit's mailbox").containsOnlyKeys("ubnd.budang@binhphuoc.gov.vn");
        assertThat(api.ok(api.get("/api/contacts/undeliverable"))).extracting(a -> a.get("email").asString()).containsExactly(BAD_ADDRESS);
        assertThat(api.text("/actuator/prometheus")).contains("par_contacts_undeliverable_total");
        assertThat(api.ok(api.get("/api/contacts/unreachable"))).extracting(u -> u.get("code").asString()).doesNotContain("697");

        at(2025, 11, 13, 7, 31);
        assertThat(dispatchAndCollect()).containsOnlyKeys("ubnd.budang@binhphuoc.gov.vn");
        assertThat(logged("plan-" + run, "FAILED", null)).as("the refused address is not tried again").isEqualTo(1);

        buDangContacts(null);
        assertThat(api.ok(api.get("/api/contacts/unreachable"))).as("no address left that takes mail")
                .extracting(u -> u.get("code").asString()).contains("697");
    }

    @Test
    void anEmailThatCannotBeWrittenFailsOnceWithoutRetriesAndWithoutOpeningTheBreakerForOthers() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 12, 1, 9, 0);
        String broken = oblige(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2025, 12, 15));
        oblige(run, "694", "UBND huyện Hớn Quản", LocalDate.of(2025, 12, 15));
        awaitReminders(broken, 5);
        doThrow(new TemplateInputException("Lỗi mẫu thư")).when(composer).compose(argThat(toLocNinh()), any(), any());

        at(2025, 12, 8, 7, 31);
        assertThat(dispatchAndCollect()).containsOnlyKeys("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn");
        at(2025, 12, 8, 9, 0);
        assertThat(dispatchAndCollect()).isEmpty();

        verify(composer, times(1)).compose(argThat(toLocNinh()), any(), any());
        CircuitBreaker breaker = circuitBreakers.circuitBreaker("smtp");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).as("not the mail server's failure").isZero();
        assertThat(logged("plan-" + run, "FAILED", "ubnd.locninh@binhphuoc.gov.vn")).isEqualTo(1);
        assertThat(mongo.findOne(Query.query(Criteria.where("deadlineId").is(broken).and("offsetDays").is(-7)), Document.class, "reminders")
                .getString("state")).isEqualTo("FAILED");
        assertThat(api.text("/actuator/prometheus")).containsPattern("par_reminders_mailed_total\\{.*outcome=\"FAILED\"");
    }

    @Test
    void anEscalationThroughAnOfficeWithoutContactsReachesTheOfficesParentUnit() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        unit("69401", "UBND xã Thanh An", "COMMUNE", "GOVERNMENT", "TW", "70", "694");
        awaitUnitsKnown("69401");
        api.ok(api.send("/api/contacts/import", MediaType.parseMediaType("text/csv"), """
                unitCode,name,position,email
                69401,Võ Văn An,Công chức Văn hóa - Xã hội,an.thanhan@binhphuoc.gov.vn
                """));
        api.ok(api.put("/api/contacts/694-PNV", Map.of("people", List.of())));
        at(2025, 12, 1, 9, 0);
        String deadline = reportDue(reportFacts(run, "69401", "UBND xã Thanh An", LocalDate.of(2025, 12, 10), "Phòng Nội vụ"));
        awaitReminders(deadline, 5);

        at(2025, 12, 15, 7, 31); // 3 working days after Wednesday 10/12
        Map<String, MimeMessage> mails = dispatchAndCollect();
        assertThat(mails).containsOnlyKeys("an.thanhan@binhphuoc.gov.vn", "hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn");
        assertThat(text(mails.get("hoa.hq@binhphuoc.gov.vn"))).contains("Đơn vị chưa thực hiện: UBND xã Thanh An");
    }

    @Test
    void aUnitWithoutContactsIsLoggedUnreachableAndReachedByTheNextStageOnceContactsAreAdded() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2026, 1, 5, 9, 0);
        String deadline = oblige(run, "697", "UBND huyện Bù Đăng", LocalDate.of(2026, 1, 20));
        awaitReminders(deadline, 5);

        at(2026, 1, 13, 7, 31);
        assertThat(dispatchAndCollect()).isEmpty();
        assertThat(logged("plan-" + run, "UNREACHABLE", null)).isEqualTo(1);

        api.ok(api.send("/api/contacts/import", MediaType.parseMediaType("text/csv"), """
                unitCode,name,position,email
                697,Đỗ Thị Lan,Chuyên viên Văn phòng HĐND và UBND,lan.budang@binhphuoc.gov.vn
                """));
        at(2026, 1, 19, 7, 31);
        assertThat(text(dispatchAndCollect().get("lan.budang@binhphuoc.gov.vn"))).contains("Còn 1 ngày");
    }

    private static org.mockito.ArgumentMatcher<Digest> toLocNinh() {
        return digest -> digest != null && digest.recipient().email().equals("ubnd.locninh@binhphuoc.gov.vn");
    }

    /** Bù Đăng's contact with an address no mail server takes (written directly: the import refuses it), and maybe a mailbox. */
    private void buDangContacts(String mailbox) {
        mongo.getCollection("contacts").replaceOne(new Document("_id", "697"), new Document("_id", "697").append("unitCode", "697")
                .append("mailbox", mailbox).append("people", List.of(new Document("name", "Địa chỉ sai").append("email", BAD_ADDRESS))),
                new ReplaceOptions().upsert(true));
    }
}
