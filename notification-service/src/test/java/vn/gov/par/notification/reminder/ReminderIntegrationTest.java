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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.plan.SubPlanObligationCreated;
import vn.gov.par.contracts.report.ReportDue;
import vn.gov.par.contracts.report.ReportObligationFacts;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.notification.mail.DigestMailComposer;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.KafkaTopicProbe;
import vn.gov.par.testsupport.MetricsScrape;
import vn.gov.par.testsupport.MutableClock;
import vn.gov.par.testsupport.PlatformIntegrationTest;

/**
 * The service on the embedded broker and store, with a real SMTP server (GreenMail) and a clock the tests move:
 * what every reminder test class shares, so that they share one application context too. Each test starts
 * with no reminder pending, an empty mailbox, a closed circuit breaker and the same units and contacts.
 */
@PlatformIntegrationTest
abstract class ReminderIntegrationTest {

    static final KafkaTopicProbe KAFKA = KafkaTopicProbe.embedded();
    private static final int SMTP_PORT = freePort();
    private static final ServerSetup SMTP = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    static GreenMail smtp;

    @Value("${local.server.port}")
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ReminderDispatcher dispatcher;

    @Autowired
    Deadlines deadlines;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    /** The real composer, which a test may make fail as a broken template would. */
    @MockitoSpyBean
    DigestMailComposer composer;

    HttpJson api;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    static void startMailServer() {
        smtp = started();
    }

    @AfterAll
    static void stopMailServer() {
        smtp.stop();
    }

    @BeforeEach
    void setUpUnitsAndContacts() {
        api = HttpJson.onPort(port);
        // What earlier tests left planned or due stays out of this one's mail.
        mongo.updateMulti(Query.query(Criteria.where("state").is("PENDING")), new Update().set("state", "CANCELLED"), "reminders");
        mongo.updateMulti(new Query(), new Update().unset("nextReminderAt"), "deadlines");
        mongo.remove(new Query(), "undeliverable_addresses");
        mongo.remove(new Query(), "daily_digests");
        purgeMailboxes();
        circuitBreakers.circuitBreaker("smtp").reset();
        clock.reset();
        // "TW" heads the directory, as in the real one: the tests act as its administrator, who sees and administers it all.
        unit("TW", "Chính phủ", "CENTRAL", "GOVERNMENT");
        unit("70", "UBND tỉnh Bình Phước", "PROVINCE", "GOVERNMENT", "TW");
        unit("694", "UBND huyện Hớn Quản", "DISTRICT", "GOVERNMENT", "TW", "70");
        unit("694-PNV", "Phòng Nội vụ huyện Hớn Quản", "DISTRICT", "AGENCY", "TW", "70", "694");
        unit("691", "UBND huyện Lộc Ninh", "DISTRICT", "GOVERNMENT", "TW", "70");
        unit("697", "UBND huyện Bù Đăng", "DISTRICT", "GOVERNMENT", "TW", "70");
        awaitUnitsKnown("TW", "70", "694", "694-PNV", "691", "697");
        api.ok(api.send("/api/contacts/import", MediaType.parseMediaType("text/csv"), """
                unitCode,name,position,email
                70,Trần Văn Tỉnh,Phó Giám đốc Sở Nội vụ,tinh@binhphuoc.gov.vn
                694,Nguyễn Thị Hoa,Chuyên viên Phòng VH-TT,hoa.hq@binhphuoc.gov.vn
                694,Lê Văn Nam,Trưởng Phòng VH-TT,nam.hq@binhphuoc.gov.vn
                694-PNV,Phạm Thị Thu,Chuyên viên Phòng Nội vụ,thu.pnv@binhphuoc.gov.vn
                691,,,ubnd.locninh@binhphuoc.gov.vn
                """));
    }

    /** Dispatches once and answers what arrived, by recipient; fails if anyone got two emails. */
    Map<String, MimeMessage> dispatchAndCollect() {
        purgeMailboxes();
        dispatcher.dispatch();
        return received();
    }

    /** Dispatches at 07:31 each day of the span, pass after pass (a pass takes three recipients here); answers each recipient's email text by day. */
    Map<String, Map<LocalDate, String>> dispatchDaily(LocalDate from, LocalDate to) throws Exception {
        Map<String, Map<LocalDate, String>> byRecipient = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            at(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), 7, 31);
            purgeMailboxes();
            while (dispatcher.dispatch() > 0) {
                // the next pass takes the next recipients
            }
            for (Map.Entry<String, MimeMessage> mail : received().entrySet()) {
                byRecipient.computeIfAbsent(mail.getKey(), k -> new TreeMap<>()).put(day, text(mail.getValue()));
            }
        }
        return byRecipient;
    }

    Map<String, MimeMessage> received() {
        Map<String, MimeMessage> byRecipient = new TreeMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            MimeMessage previous = byRecipient.put(recipient(message), message);
            assertThat(previous).as("one email per recipient per dispatch").isNull();
        }
        return byRecipient;
    }

    void at(int year, int month, int day, int hour, int minute) {
        clock.setInstant(LocalDateTime.of(year, month, day, hour, minute).atZone(MutableClock.VIETNAM).toInstant());
    }

    /** The reminders the deadline still has to send: written and pending, or planned and not yet due. */
    long pending(String deadline) {
        return deadlines.pendingOf(deadline).size();
    }

    /** Until the service has learnt of the deadline and planned at least that many reminders for it. */
    void awaitReminders(String deadline, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(deadline) >= atLeast);
    }

    /** Contacts are refused for a unit the service has not yet learnt of from the unit events. */
    void awaitUnitsKnown(String... codes) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("_id").in((Object[]) codes)), "units")
                == codes.length);
    }

    void awaitNoPending(String deadline) {
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(deadline) == 0);
    }

    /** How much a metric grew since the scrape taken before. */
    double added(MetricsScrape before, String metric, String... labels) {
        return MetricsScrape.of(api).value(metric, labels) - before.value(metric, labels);
    }

    /** The mail-log entries of a plan with that outcome (and recipient, if given). */
    int logged(String planId, String outcome, String recipient) {
        String query = "/api/mail-log?size=500&planId=" + planId + "&outcome=" + outcome + (recipient == null ? "" : "&recipient=" + recipient);
        return api.ok(api.get(query)).get("totalElements").asInt();
    }

    /** Sends a run's own records of a topic again, in order: what a consumer sees when the broker redelivers them. */
    static void redeliver(String topic, String run) {
        List<ConsumerRecord<String, byte[]>> ofThisRun = KAFKA.readAll(topic).stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(run)).toList();
        assertThat(ofThisRun).isNotEmpty();
        KAFKA.replay(topic, ofThisRun);
        await().atMost(Duration.ofSeconds(30)).until(() -> KAFKA.lag("notification-service", topic) == 0);
    }

    static String oblige(String run, String unit, String unitName, LocalDate due) {
        String obligation = "obligation-" + run + "-" + unit;
        KAFKA.publish(EventCatalog.SUB_PLAN_OBLIGATION_CREATED, "plan-" + run, new SubPlanObligationCreated(obligation, "plan-" + run,
                "plan-" + run, "96/KH-UBND", "Thông tin, tuyên truyền cải cách hành chính năm 2025 trên địa bàn tỉnh Bình Phước", "70", unit,
                unitName, "70", due, "draft-" + run + "-" + unit, List.of("70"), null, null));
        return Deadlines.idOf(DeadlineKind.SUB_PLAN, obligation);
    }

    static String reportDue(String run, String unit, String unitName, LocalDate due) {
        return reportDue(reportFacts(run, unit, unitName, due, "Phòng Văn hóa và Thông tin"));
    }

    static String reportDue(ReportObligationFacts report) {
        KAFKA.publish(EventCatalog.REPORT_DUE, "70", new ReportDue(report));
        return Deadlines.idOf(DeadlineKind.REPORT, report.obligationId());
    }

    static ReportObligationFacts reportFacts(String run, String unit, String unitName, LocalDate due, String via) {
        return new ReportObligationFacts("report-" + run + "-" + unit, "plan-" + run, "35/KH-UBND", "Kế hoạch huyện Hớn Quản", unit, unitName,
                "70", "694", via, "HALF_YEAR", "6 tháng đầu năm 2025", LocalDate.of(2024, 12, 15), LocalDate.of(2025, 6, 14), due);
    }

    /** A unit below those named, from the top down ("TW", "70", "694"); its province is the first below "TW" (itself for a province). */
    static void unit(String code, String name, String level, String kind, String... ancestors) {
        List<String> path = List.of(ancestors);
        KAFKA.publish(EventCatalog.UNIT_REGISTERED, "70", new UnitRecorded(code, name, level, kind, path.isEmpty() ? null : path.get(path.size() - 1),
                path.size() < 2 ? code : path.get(1), path, null));
    }

    static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString().replaceAll("^.*<|>$", "");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text body, decoded. */
    static String text(MimeMessage message) throws Exception {
        assertThat(message).as("an email").isNotNull();
        return findPart(message.getContent(), "text/plain").getContent().toString();
    }

    static Calendar calendarOf(MimeMessage message) throws Exception {
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

    static void purgeMailboxes() {
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    static GreenMail started() {
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
