package vn.gov.par.notification.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import tools.jackson.databind.JsonNode;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.plan.PlanCancelled;
import vn.gov.par.contracts.plan.SubPlanObligationCreated;
import vn.gov.par.contracts.plan.SubPlanObligationFulfilled;
import vn.gov.par.contracts.report.ReportDue;
import vn.gov.par.contracts.report.ReportObligationFacts;
import vn.gov.par.contracts.unit.UnitRegistered;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.MutableClock;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.ServiceHealth;

/**
 * Deadlines announced by the other services' events become reminder emails on a real SMTP server
 * (GreenMail) at 07:30 on working days, with the clock moved instead of waited for: the stages, the
 * escalation, cancellation by fulfilment, redelivery, concurrent dispatchers, an SMTP outage, a bad
 * address and a crash between sending and recording.
 */
@PlatformIntegrationTest
class RemindersEndToEndTest {

    private static final KafkaTopicProbe KAFKA = KafkaTopicProbe.embedded();
    private static final int SMTP_PORT = freePort();
    private static final ServerSetup SMTP = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private static GreenMail smtp = started();

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ReminderDispatcher dispatcher;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    HttpJson api;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @AfterAll
    static void stopMailServer() {
        smtp.stop();
    }

    @BeforeEach
    void setUp() {
        api = HttpJson.onPort(port);
        mongo.updateMulti(Query.query(Criteria.where("state").is("PENDING")), new Update().set("state", "CANCELLED"), "reminders");
        purgeMailboxes();
        circuitBreakers.circuitBreaker("smtp").reset();
        clock.reset();
        unit("70", "UBND tỉnh Bình Phước", "PROVINCE", "GOVERNMENT");
        unit("694", "UBND huyện Hớn Quản", "DISTRICT", "GOVERNMENT", "70");
        unit("694-PNV", "Phòng Nội vụ huyện Hớn Quản", "DISTRICT", "AGENCY", "70", "694");
        unit("691", "UBND huyện Lộc Ninh", "DISTRICT", "GOVERNMENT", "70");
        unit("697", "UBND huyện Bù Đăng", "DISTRICT", "GOVERNMENT", "70");
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(new Query(), "units") >= 5);
        api.ok(api.send("/api/contacts/import", MediaType.parseMediaType("text/csv"), """
                unitCode,name,position,email
                70,Trần Văn Tỉnh,Phó Giám đốc Sở Nội vụ,tinh@binhphuoc.gov.vn
                694,Nguyễn Thị Hoa,Chuyên viên Phòng VH-TT,hoa.hq@binhphuoc.gov.vn
                694,Lê Văn Nam,Trưởng Phòng VH-TT,nam.hq@binhphuoc.gov.vn
                694-PNV,Phạm Thị Thu,Chuyên viên Phòng Nội vụ,thu.pnv@binhphuoc.gov.vn
                691,,,ubnd.locninh@binhphuoc.gov.vn
                """));
    }

    @Test
    void aSubPlanObligationGetsEveryStageAtHalfPastSevenOnWorkingDaysAndFulfilmentCancelsTheRest() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 3, 1, 10, 0);
        String honQuan = oblige(run, "694", "UBND huyện Hớn Quản", LocalDate.of(2025, 3, 31));
        String locNinh = oblige(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2025, 3, 31));
        awaitReminders(honQuan, 5);
        awaitReminders(locNinh, 5);

        at(2025, 3, 24, 7, 29);
        assertThat(dispatchAndCollect()).as("not before half past seven").isEmpty();
        at(2025, 3, 24, 7, 31);
        Map<String, MimeMessage> sevenDays = dispatchAndCollect();
        assertThat(sevenDays).containsOnlyKeys("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn", "ubnd.locninh@binhphuoc.gov.vn");
        assertThat(text(sevenDays.get("hoa.hq@binhphuoc.gov.vn"))).contains("31/03/2025", "96/KH-UBND", "Còn 7 ngày");

        KAFKA.replay(Topics.PLAN_EVENTS, KAFKA.readAll(Topics.PLAN_EVENTS));
        await().atMost(Duration.ofSeconds(30)).until(() -> KAFKA.lag("notification-service", Topics.PLAN_EVENTS) == 0);
        assertThat(dispatchAndCollect()).as("redelivered events send nothing again").isEmpty();

        KAFKA.publish(EventCatalog.SUB_PLAN_OBLIGATION_FULFILLED, "plan-" + run, new SubPlanObligationFulfilled("obligation-" + run + "-694", "plan-" + run, "694",
                "70", "sub-" + run, "35/KH-UBND", LocalDate.of(2025, 3, 26), LocalDate.of(2025, 3, 31), true));
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(honQuan) == 0);

        at(2025, 3, 28, 7, 31);
        assertThat(dispatchAndCollect()).as("30/03 is a Sunday: the 1-day reminder goes out on Friday, to Lộc Ninh only")
                .containsOnlyKeys("ubnd.locninh@binhphuoc.gov.vn");
        at(2025, 3, 31, 7, 31);
        assertThat(text(dispatchAndCollect().get("ubnd.locninh@binhphuoc.gov.vn"))).contains("Hạn chót là hôm nay");
        at(2025, 4, 3, 7, 31);
        Map<String, MimeMessage> overdue = dispatchAndCollect();
        assertThat(overdue).containsOnlyKeys("ubnd.locninh@binhphuoc.gov.vn", "tinh@binhphuoc.gov.vn");
        assertThat(text(overdue.get("ubnd.locninh@binhphuoc.gov.vn"))).contains("Đã quá hạn 3 ngày");
        assertThat(text(overdue.get("tinh@binhphuoc.gov.vn"))).as("escalated to the supervising province").contains("UBND huyện Lộc Ninh");

        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        String events = String.join("\n", KAFKA.readAll(Topics.NOTIFICATION_EVENTS).stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).filter(json -> json.contains(locNinh)).toList());
        assertThat(events).contains(EventCatalog.REMINDER_SENT.name(), EventCatalog.ESCALATION_SENT.name());
        assertThat(api.ok(api.get("/api/mail-log?recipient=ubnd.locninh@binhphuoc.gov.vn&planId=plan-" + run + "&size=100")).get("totalElements").asInt())
                .as("-7, -1, on the day, +3").isEqualTo(4);
    }

    @Test
    void aCancelledPlanAsksNothingMoreOfAnyone() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2026, 1, 5, 9, 0);
        String deadline = oblige(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2026, 1, 30));
        awaitReminders(deadline, 5);

        KAFKA.publish(EventCatalog.PLAN_CANCELLED, "plan-" + run, new PlanCancelled("plan-" + run, "70", "70", LocalDate.of(2026, 1, 6),
                "Thay thế bằng kế hoạch mới"));
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(deadline) == 0);

        at(2026, 1, 23, 7, 31);
        assertThat(dispatchAndCollect()).isEmpty();
    }

    @Test
    void oneDigestPerRecipientListsEveryDeadlineOfTheDayMostUrgentFirstWithACalendarPart() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 6, 10, 9, 0);
        String subPlan = oblige(run, "694-PNV", "Phòng Nội vụ huyện Hớn Quản", LocalDate.of(2025, 6, 17));
        String report = reportDue(run, "694-PNV", "Phòng Nội vụ huyện Hớn Quản", LocalDate.of(2025, 6, 20));
        awaitReminders(subPlan, 4);
        awaitReminders(report, 5);

        at(2025, 6, 16, 7, 31);
        Map<String, MimeMessage> mails = dispatchAndCollect();

        assertThat(mails).containsOnlyKeys("thu.pnv@binhphuoc.gov.vn");
        String body = text(mails.get("thu.pnv@binhphuoc.gov.vn"));
        assertThat(body).contains("Ban hành kế hoạch", "Báo cáo kết quả 6 tháng đầu năm 2025");
        assertThat(body.indexOf("17/06/2025")).as("the sub-plan due tomorrow comes before the report due in 4 days")
                .isLessThan(body.indexOf("20/06/2025"));
        Calendar ics = calendarOf(mails.get("thu.pnv@binhphuoc.gov.vn"));
        assertThat(ics.getComponents(VEvent.VEVENT)).hasSize(2);
        assertThat(ics.toString()).contains("Hạn chót");
    }

    @Test
    void twoDispatchersAtOnceSendEachReminderOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 9, 1, 9, 0);
        String deadline = oblige(run, "694", "UBND huyện Hớn Quản", LocalDate.of(2025, 9, 15));
        awaitReminders(deadline, 5);
        at(2025, 9, 8, 7, 31);

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(dispatcher::dispatch);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(dispatcher::dispatch);
        first.get();
        second.get();

        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(RemindersEndToEndTest::recipient))
                .containsExactlyInAnyOrder("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn");
    }

    @Test
    void whileSmtpIsDownNothingIsLostAndEachReminderArrivesOnceItIsBack() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 10, 1, 9, 0);
        String deadline = oblige(run, "694", "UBND huyện Hớn Quản", LocalDate.of(2025, 10, 15));
        awaitReminders(deadline, 5);
        at(2025, 10, 8, 7, 31);
        smtp.stop();
        try {
            assertThat(dispatcher.dispatch()).isZero();
            assertThat(api.ok(api.get("/api/mail-log?outcome=DEFERRED&planId=plan-" + run)).get("totalElements").asInt()).isPositive();
        } finally {
            smtp = started();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            clock.advance(Duration.ofMinutes(6));
            dispatcher.dispatch();
            return smtp.getReceivedMessages().length >= 2;
        });
        dispatcher.dispatch();
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(RemindersEndToEndTest::recipient))
                .containsExactlyInAnyOrder("hoa.hq@binhphuoc.gov.vn", "nam.hq@binhphuoc.gov.vn");
    }

    @Test
    void aBadAddressFailsForGoodWithoutHoldingUpTheOthers() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        mongo.getCollection("contacts").updateOne(new Document("_id", "697"), new Document("$set", new Document("people",
                List.of(new Document("name", "Địa chỉ sai").append("email", "khong hop le@@binhphuoc")))),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
        at(2025, 11, 3, 9, 0);
        String bad = oblige(run, "697", "UBND huyện Bù Đăng", LocalDate.of(2025, 11, 14));
        String good = oblige(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2025, 11, 14));
        awaitReminders(bad, 5);
        awaitReminders(good, 5);

        at(2025, 11, 7, 7, 31);
        assertThat(dispatchAndCollect()).containsOnlyKeys("ubnd.locninh@binhphuoc.gov.vn");

        JsonNode failed = api.ok(api.get("/api/mail-log?outcome=FAILED&unitCode=697&planId=plan-" + run));
        assertThat(failed.get("totalElements").asInt()).as(api.ok(api.get("/api/mail-log?unitCode=697")).toString()).isEqualTo(1);
        assertThat(dispatchAndCollect()).as("a failed address is not retried").isEmpty();
        mongo.getCollection("contacts").deleteOne(new Document("_id", "697"));
    }

    @Test
    void aCrashBetweenSendingAndRecordingResendsOnceAndCountsIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        at(2025, 12, 1, 9, 0);
        String deadline = oblige(run, "691", "UBND huyện Lộc Ninh", LocalDate.of(2025, 12, 15));
        awaitReminders(deadline, 5);
        at(2025, 12, 8, 7, 31);
        Document sevenDays = mongo.findOne(Query.query(Criteria.where("deadlineId").is(deadline).and("offsetDays").is(-7)), Document.class,
                "reminders");
        mongo.getCollection("deliveries").insertOne(new Document("_id", vn.gov.par.support.domain.DerivedId.of(sevenDays.get("_id"),
                "ubnd.locninh@binhphuoc.gov.vn")).append("reminderId", sevenDays.get("_id")).append("deadlineId", deadline)
                .append("recipientEmail", "ubnd.locninh@binhphuoc.gov.vn").append("state", "SENDING")
                .append("leaseUntil", java.util.Date.from(clock.instant().minusSeconds(60))).append("resentAfterCrash", false)
                .append("_revision", 0L).append("outbox", List.of()));

        assertThat(dispatchAndCollect()).containsOnlyKeys("ubnd.locninh@binhphuoc.gov.vn");

        assertThat(api.ok(api.get("/api/mail-log?outcome=RESENT&planId=plan-" + run)).get("totalElements").asInt()).isEqualTo(1);
        assertThat(api.text("/actuator/prometheus")).contains("outcome=\"RESENT\"");
        assertThat(dispatchAndCollect()).isEmpty();
    }

    @Test
    void contactsAreValidatedWholeAndUnitsWithoutAnyAreListed() {
        HttpJson.Response refused = api.send("/api/contacts/import", MediaType.parseMediaType("text/csv"), """
                unitCode,name,position,email
                694,Người Tốt,Chuyên viên,tot@binhphuoc.gov.vn
                KHONG-CO,Người Lạ,,la@binhphuoc.gov.vn
                691,Người Thiếu Thư,,khong-phai-email
                """);
        assertThat(refused.status().value()).isEqualTo(422);
        assertThat(refused.body().get("errors")).hasSize(2);
        assertThat(api.ok(api.get("/api/contacts/694")).get("people")).extracting(p -> p.get("email").asString())
                .doesNotContain("tot@binhphuoc.gov.vn");
        assertThat(api.ok(api.get("/api/contacts/unreachable"))).extracting(u -> u.get("code").asString()).contains("697")
                .doesNotContain("694", "691");
        ServiceHealth.assertHealthyAndScrapable(api, "notification-service");
    }

    private Map<String, MimeMessage> dispatchAndCollect() {
        purgeMailboxes();
        dispatcher.dispatch();
        Map<String, MimeMessage> byRecipient = new TreeMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            MimeMessage previous = byRecipient.put(recipient(message), message);
            assertThat(previous).as("one email per recipient per dispatch").isNull();
        }
        return byRecipient;
    }

    private void at(int year, int month, int day, int hour, int minute) {
        clock.setInstant(LocalDateTime.of(year, month, day, hour, minute).atZone(MutableClock.VIETNAM).toInstant());
    }

    private long pending(String deadline) {
        return mongo.count(Query.query(Criteria.where("deadlineId").is(deadline).and("state").is("PENDING")), "reminders");
    }

    private void awaitReminders(String deadline, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("deadlineId").is(deadline)), "reminders")
                >= atLeast);
    }

    private static String oblige(String run, String unit, String unitName, LocalDate due) {
        String obligation = "obligation-" + run + "-" + unit;
        KAFKA.publish(EventCatalog.SUB_PLAN_OBLIGATION_CREATED, "plan-" + run, new SubPlanObligationCreated(obligation, "plan-" + run,
                "plan-" + run, "96/KH-UBND", "Thông tin, tuyên truyền cải cách hành chính năm 2025 trên địa bàn tỉnh Bình Phước", "70", unit,
                unitName, "70", due, "draft-" + run + "-" + unit, List.of("70", "694")));
        return Deadlines.idOf(DeadlineKind.SUB_PLAN, obligation);
    }

    private static String reportDue(String run, String unit, String unitName, LocalDate due) {
        String obligation = "report-" + run + "-" + unit;
        KAFKA.publish(EventCatalog.REPORT_DUE, "70", new ReportDue(new ReportObligationFacts(obligation, "plan-" + run, "35/KH-UBND",
                "Kế hoạch huyện Hớn Quản", unit, unitName, "70", "694", "Phòng Văn hóa và Thông tin", "HALF_YEAR", "6 tháng đầu năm 2025",
                LocalDate.of(2024, 12, 15), LocalDate.of(2025, 6, 14), due)));
        return Deadlines.idOf(DeadlineKind.REPORT, obligation);
    }

    private static void unit(String code, String name, String level, String kind, String... ancestors) {
        List<String> path = List.of(ancestors);
        KAFKA.publish(EventCatalog.UNIT_REGISTERED, "70", new UnitRegistered(code, name, level, kind, path.isEmpty() ? null : path.get(path.size() - 1),
                "70", path));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString().replaceAll("^.*<|>$", "");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text body, decoded. */
    private static String text(MimeMessage message) throws Exception {
        return findPart(message.getContent(), "text/plain").getContent().toString();
    }

    private static Calendar calendarOf(MimeMessage message) throws Exception {
        BodyPart part = findPart(message.getContent(), "text/calendar");
        try (var in = part.getInputStream()) {
            return new CalendarBuilder().build(new ByteArrayInputStream(in.readAllBytes()));
        }
    }

    private static BodyPart findPart(Object content, String type) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return part;
                }
                if (part.getContent() instanceof Multipart) {
                    BodyPart inner = findPart(part.getContent(), type);
                    if (inner != null) {
                        return inner;
                    }
                }
            }
        }
        return null;
    }

    private static void purgeMailboxes() {
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail started() {
        GreenMail server = new GreenMail(SMTP);
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
