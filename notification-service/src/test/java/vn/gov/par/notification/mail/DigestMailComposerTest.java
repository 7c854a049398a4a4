package vn.gov.par.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import vn.gov.par.notification.reminder.DeadlineKind;
import vn.gov.par.notification.reminder.Stage;

class DigestMailComposerTest {

    private static final String CONSOLE = "https://console.par.gov.vn/";
    private static final String FROM = "Hệ thống nhắc việc CCHC <no-reply@par.gov.vn>";
    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 18);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-18T00:30:00Z"), HCM);

    private static final String PLAN_NO = "96/KH-UBND";
    private static final String PLAN_TITLE = "Thông tin, tuyên truyền cải cách hành chính năm 2025";
    private static final String OWN_UNIT = "Văn phòng HĐND&UBND huyện Hớn Quản";
    private static final Recipient RECIPIENT = new Recipient("nguyenvana@honquan.binhphuoc.gov.vn", "Nguyễn Văn A", "70.HQ", OWN_UNIT);

    private static final DigestItem UPCOMING_SUB_PLAN = new DigestItem("dl-sub-0001", DeadlineKind.SUB_PLAN, Stage.BEFORE,
            "Ban hành kế hoạch thực hiện Kế hoạch số 96/KH-UBND", PLAN_NO, PLAN_TITLE, OWN_UNIT,
            TODAY.plusDays(7), 0, "/plans/96-KH-UBND/sub-plans/70.HQ", null, false);
    private static final DigestItem OVERDUE_TASK = new DigestItem("dl-task-0002", DeadlineKind.TASK, Stage.OVERDUE,
            "Đăng tải tin bài tuyên truyền CCHC quý II trên Cổng thông tin điện tử", PLAN_NO, PLAN_TITLE, OWN_UNIT,
            TODAY.minusDays(3), 3, "https://console.par.gov.vn/tasks/0002?tab=evidence&period=Q2", null, false);
    private static final DigestItem REPORT_TODAY = new DigestItem("dl-report-0003", DeadlineKind.REPORT, Stage.ON_DAY,
            "Báo cáo 6 tháng đầu năm 2025", PLAN_NO, PLAN_TITLE, OWN_UNIT,
            TODAY, 0, "reports/0003", null, false);
    private static final DigestItem ESCALATION = new DigestItem("dl-sub-0004", DeadlineKind.SUB_PLAN, Stage.ESCALATION,
            "Ban hành kế hoạch thông tin, tuyên truyền CCHC năm 2025 của xã", PLAN_NO, PLAN_TITLE, "UBND xã Thanh Bình",
            TODAY.minusDays(8), 8, "/units/70.HQ.TB/deadlines/dl-sub-0004", null, false);

    /** Unordered on purpose; the digest's order is the recipient's own work by kind (sub-plan, task, report), then escalations. */
    private static final Digest DIGEST = new Digest(RECIPIENT, TODAY, List.of(UPCOMING_SUB_PLAN, OVERDUE_TASK, REPORT_TODAY, ESCALATION));
    private static final List<DigestItem> URGENCY_ORDER = List.of(UPCOMING_SUB_PLAN, OVERDUE_TASK, REPORT_TODAY, ESCALATION);

    private final DigestMailComposer composer = new DigestMailComposer(DigestMailComposer.standaloneEngine(), CONSOLE, CLOCK);
    private final Session session = Session.getInstance(new Properties());

    @Test
    void composesMultipartMessageThatSurvivesSerialisation() throws Exception {
        MimeMessage parsed = composeAndReparse(DIGEST);

        assertThat(new ContentType(parsed.getContentType()).getBaseType()).isEqualTo("multipart/mixed");
        MimeMultipart mixed = (MimeMultipart) parsed.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);

        BodyPart alternativePart = mixed.getBodyPart(0);
        assertThat(new ContentType(alternativePart.getContentType()).getBaseType()).isEqualTo("multipart/alternative");
        MimeMultipart alternative = (MimeMultipart) alternativePart.getContent();
        assertThat(alternative.getCount()).isEqualTo(2);
        ContentType plainType = new ContentType(alternative.getBodyPart(0).getContentType());
        ContentType htmlType = new ContentType(alternative.getBodyPart(1).getContentType());
        assertThat(plainType.getBaseType()).isEqualTo("text/plain");
        assertThat(plainType.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
        assertThat(htmlType.getBaseType()).isEqualTo("text/html");
        assertThat(htmlType.getParameter("charset")).isEqualToIgnoringCase("UTF-8");

        BodyPart icsPart = mixed.getBodyPart(1);
        ContentType icsType = new ContentType(icsPart.getContentType());
        assertThat(icsType.getBaseType()).isEqualTo("text/calendar");
        assertThat(icsType.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
        assertThat(icsType.getParameter("method")).isEqualTo("PUBLISH");
        assertThat(icsPart.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
        assertThat(icsPart.getFileName()).isEqualTo(DigestMailComposer.ICS_FILENAME);
    }

    @Test
    void headersCarryVietnameseEncoded() throws Exception {
        MimeMessage parsed = composeAndReparse(DIGEST);

        String expectedSubject = "[Quá hạn] [Nhắc việc CCHC] " + DIGEST.items().size() + " việc cần chú ý, 2 việc quá hạn — ngày "
                + DMY.format(TODAY);
        assertThat(composer.subject(DIGEST)).isEqualTo(expectedSubject);
        assertThat(parsed.getSubject()).isEqualTo(expectedSubject);
        assertThat(parsed.getHeader("Subject", null)).as("raw header is RFC 2047 encoded").startsWith("=?UTF-8?").isASCII();

        InternetAddress to = (InternetAddress) parsed.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertThat(to.getAddress()).isEqualTo(RECIPIENT.email());
        assertThat(to.getPersonal()).isEqualTo(RECIPIENT.name());
        InternetAddress from = (InternetAddress) parsed.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@par.gov.vn");
        assertThat(from.getPersonal()).isEqualTo("Hệ thống nhắc việc CCHC");
        assertThat(parsed.getSentDate()).isEqualTo(java.util.Date.from(CLOCK.instant()));
    }

    @Test
    void subjectWithoutLateItemsIsPlainReminder() {
        Digest calm = new Digest(RECIPIENT, TODAY, List.of(UPCOMING_SUB_PLAN, REPORT_TODAY, UPCOMING_SUB_PLAN));
        assertThat(composer.subject(calm)).isEqualTo("[Nhắc việc CCHC] 3 việc cần chú ý — ngày 18/06/2025");
    }

    @Test
    void bothBodiesCarryTheItemsInUrgencyOrderWithDiacritics() throws Exception {
        MimeMessage parsed = composeAndReparse(DIGEST);
        String plain = plainBody(parsed);
        String html = htmlBody(parsed);

        for (String body : List.of(plain, html)) {
            assertThat(body).contains("Nguyễn Văn A", "Kế hoạch số " + PLAN_NO + ": " + PLAN_TITLE,
                    "Đơn vị chưa thực hiện: " + ESCALATION.unitName(),
                    "Đã quá hạn " + ESCALATION.daysLate() + " ngày",
                    "Đã quá hạn " + OVERDUE_TASK.daysLate() + " ngày",
                    "Hạn chót là hôm nay",
                    "Còn " + ChronoUnit.DAYS.between(TODAY, UPCOMING_SUB_PLAN.dueDate()) + " ngày",
                    "Thư này được gửi tự động", "Vui lòng không trả lời thư này");
            for (DigestItem item : URGENCY_ORDER) {
                assertThat(body).contains(DMY.format(item.dueDate()));
            }
            assertThat(body).contains("https://console.par.gov.vn/plans/96-KH-UBND/sub-plans/70.HQ",
                    "https://console.par.gov.vn/reports/0003",
                    "https://console.par.gov.vn/units/70.HQ.TB/deadlines/dl-sub-0004");
            assertThat(body).doesNotContain("console.par.gov.vn//");
            assertThat(positions(body)).as("items in urgency order").isSorted();
        }
        assertThat(plain).contains("Kính gửi: Ông/Bà " + RECIPIENT.name() + " – " + OWN_UNIT)
                .contains(OVERDUE_TASK.actionUrl())
                .doesNotContain("[#", "[(", "&amp;", "<");
        assertThat(plain.lines().filter(line -> line.startsWith("Kính gửi")).count()).isEqualTo(1);
        for (int n = 2; n <= URGENCY_ORDER.size(); n++) {
            assertThat(plain.replace("\r\n", "\n")).as("items separated by a blank line").contains("\n\n" + n + ". ");
        }
    }

    @Test
    void htmlIsEscaped() throws Exception {
        String html = htmlBody(composeAndReparse(DIGEST));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"vi\"");
        assertThat(html).contains("Kính gửi: Ông/Bà Nguyễn Văn A – Văn phòng HĐND&amp;UBND huyện Hớn Quản")
                .doesNotContain("HĐND&UBND");
        assertThat(html).contains("href=\"https://console.par.gov.vn/tasks/0002?tab=evidence&amp;period=Q2\"");
        assertThat(html).doesNotContain("th:text", "th:each", "th:if", "${");

        Digest hostile = new Digest(new Recipient("a@b.vn", "<script>alert(1)</script>", "X", "A & B"), TODAY,
                List.of(new DigestItem("x", DeadlineKind.TASK, Stage.BEFORE, "<b>Việc</b>", "1/KH", "Tiêu đề \"trích dẫn\"",
                        "Đơn vị <i>", TODAY.plusDays(1), 0, "javascript-free/path?a=1&b=2", null, false)));
        String hostileHtml = htmlBody(composeAndReparse(hostile));
        assertThat(hostileHtml).doesNotContain("<script>", "<b>Việc", "<i>")
                .contains("&lt;script&gt;", "&lt;b&gt;Việc&lt;/b&gt;", "A &amp; B");
    }

    @Test
    void calendarAttachmentParsesWithOneEventPerOwnDeadline() throws Exception {
        MimeMessage parsed = composeAndReparse(DIGEST);
        byte[] icsBytes = attachment(parsed).getInputStream().readAllBytes();
        String icsText = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(icsBytes)).toString(); // throws unless the bytes are valid UTF-8
        assertThat(icsText).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n").contains("DTSTART;VALUE=DATE:");
        assertThat(icsText.split("\r\n")).as("content lines are folded at 75 octets (RFC 5545 3.1)")
                .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));

        Calendar calendar = new CalendarBuilder().build(new StringReader(icsText));
        assertThat(calendar.getProductId().getValue()).isEqualTo(DigestMailComposer.PROD_ID);
        assertThat(calendar.getVersion().getValue()).isEqualTo("2.0");
        assertThat(calendar.getMethod().getValue()).isEqualTo("PUBLISH");

        List<DigestItem> own = URGENCY_ORDER.stream().filter(item -> item.stage() != Stage.ESCALATION).toList();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(own.size());
        assertThat(events).extracting(event -> event.getUid().orElseThrow().getValue())
                .containsExactlyInAnyOrderElementsOf(own.stream().map(item -> item.deadlineId() + "@par.gov.vn").toList());
        for (DigestItem item : own) {
            VEvent event = events.stream().filter(e -> e.getUid().orElseThrow().getValue().equals(item.deadlineId() + "@par.gov.vn"))
                    .findFirst().orElseThrow();
            assertThat(event.getDateTimeStart().getDate()).isEqualTo(item.dueDate());
            assertThat(event.getDateTimeStart().getParameter(Parameter.VALUE).orElseThrow().getValue()).isEqualTo("DATE");
            assertThat(event.getDateTimeEnd().getDate()).isEqualTo(item.dueDate().plusDays(1));
            assertThat(event.getSummary().getValue()).isEqualTo("Hạn chót: " + item.whatIsDue());
            assertThat(event.getDescription().getValue())
                    .contains("Kế hoạch số " + PLAN_NO + ": " + PLAN_TITLE, DMY.format(item.dueDate()), composer.actionUrl(item))
                    .contains("\n");
            assertThat(event.getDateTimeStamp().getDate()).isEqualTo(CLOCK.instant());
            assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue()).isEqualTo("mailto:no-reply@par.gov.vn");
        }
        assertThat(events).extracting(e -> e.getUid().orElseThrow().getValue())
                .doesNotContain(ESCALATION.deadlineId() + "@par.gov.vn");

        // the same deadline in tomorrow's digest keeps its UID, so calendar clients update instead of duplicating
        DigestItem stillOverdue = new DigestItem(OVERDUE_TASK.deadlineId(), OVERDUE_TASK.kind(), Stage.OVERDUE, OVERDUE_TASK.whatIsDue(),
                PLAN_NO, PLAN_TITLE, OWN_UNIT, OVERDUE_TASK.dueDate(), OVERDUE_TASK.daysLate() + 1, OVERDUE_TASK.actionUrl(), null, false);
        MimeMessage tomorrowMail = composeAndReparse(new Digest(RECIPIENT, TODAY.plusDays(1), List.of(stillOverdue)));
        Calendar tomorrow = new CalendarBuilder().build(attachment(tomorrowMail).getInputStream()); // ical4j reads UTF-8 by default
        assertThat(((VEvent) tomorrow.getComponents(Component.VEVENT).get(0)).getUid().orElseThrow().getValue())
                .isEqualTo(OVERDUE_TASK.deadlineId() + "@par.gov.vn");
        assertThat(events).extracting(e -> e.getUid().orElseThrow().getValue()).contains(OVERDUE_TASK.deadlineId() + "@par.gov.vn");
    }

    @Test
    void calendarAttachmentPassesIcal4jsValidatorIncludingPublishRules() throws Exception {
        Calendar calendar = new CalendarBuilder().build(attachment(composeAndReparse(DIGEST)).getInputStream());

        assertThat(calendar.validate(true).getEntries()).as("RFC 5545 errors and warnings").isEmpty();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).isNotEmpty().allSatisfy(event ->
                assertThat(event.validate(ImmutableMethod.PUBLISH).getEntries()).as("RFC 5546 PUBLISH rules").isEmpty());
    }

    /** An on-the-day reminder that goes out before the day (e.g. the day became a day off after it was planned) must not say "today". */
    @Test
    void anOnTheDayReminderSentEarlyNamesTheDeadlinesWeekdayAndDate() throws Exception {
        LocalDate friday = LocalDate.of(2025, 3, 28);
        DigestItem dueSunday = item("sunday", Stage.ON_DAY, LocalDate.of(2025, 3, 30), 0);
        MimeMessage parsed = composeAndReparse(new Digest(RECIPIENT, friday, List.of(dueSunday)));

        for (String body : List.of(plainBody(parsed), htmlBody(parsed))) {
            assertThat(body).contains("Hạn chót là Chủ nhật, 30/03/2025").doesNotContain("hôm nay");
        }
        assertThat(plainBody(composeAndReparse(new Digest(RECIPIENT, TODAY, List.of(REPORT_TODAY))))).contains("Hạn chót là hôm nay");
        assertThat(plainBody(composeAndReparse(new Digest(RECIPIENT, TODAY.plusDays(2), List.of(REPORT_TODAY)))))
                .as("sent late, after the mail server was down").contains("Đã quá hạn 2 ngày").doesNotContain("hôm nay");
    }

    @Test
    void onlyEscalationsMeansNoCalendarAttachment() throws Exception {
        MimeMessage parsed = composeAndReparse(new Digest(RECIPIENT, TODAY, List.of(ESCALATION)));
        MimeMultipart mixed = (MimeMultipart) parsed.getContent();
        assertThat(mixed.getCount()).isEqualTo(1);
        assertThat(new ContentType(mixed.getBodyPart(0).getContentType()).getBaseType()).isEqualTo("multipart/alternative");
        assertThat(plainBody(parsed)).doesNotContain(DigestMailComposer.ICS_FILENAME);
        assertThat(htmlBody(composeAndReparse(DIGEST))).contains(DigestMailComposer.ICS_FILENAME);
    }

    @Test
    void ownWorkComesByKindLateFirstThenEscalationsPerUnitAndTheOrderIsStable() {
        DigestItem taskLate1 = item("taskLate1", DeadlineKind.TASK, Stage.OVERDUE, OWN_UNIT, TODAY.minusDays(1), 1);
        DigestItem taskLate10 = item("taskLate10", DeadlineKind.TASK, Stage.OVERDUE, OWN_UNIT, TODAY.minusDays(10), 10);
        DigestItem taskToday = item("taskToday", DeadlineKind.TASK, Stage.ON_DAY, OWN_UNIT, TODAY, 0);
        DigestItem taskIn3 = item("taskIn3", DeadlineKind.TASK, Stage.BEFORE, OWN_UNIT, TODAY.plusDays(3), 0);
        DigestItem reportLate = item("reportLate", DeadlineKind.REPORT, Stage.OVERDUE, OWN_UNIT, TODAY.minusDays(2), 2);
        DigestItem subPlanIn14 = item("subPlanIn14", DeadlineKind.SUB_PLAN, Stage.BEFORE, OWN_UNIT, TODAY.plusDays(14), 0);
        DigestItem thanhAnReport = item("thanhAnReport", DeadlineKind.REPORT, Stage.ESCALATION, "UBND xã Thanh An", TODAY.minusDays(4), 4);
        DigestItem thanhAnTask = item("thanhAnTask", DeadlineKind.TASK, Stage.ESCALATION, "UBND xã Thanh An", TODAY.minusDays(9), 9);
        DigestItem anLocSubPlan = item("anLocSubPlan", DeadlineKind.SUB_PLAN, Stage.ESCALATION, "UBND phường An Lộc", TODAY.minusDays(5), 5);
        List<DigestItem> input = List.of(thanhAnReport, taskIn3, taskLate1, anLocSubPlan, reportLate, taskToday, subPlanIn14, thanhAnTask,
                taskLate10);

        List<String> ids = DigestMailComposer.ordered(new Digest(RECIPIENT, TODAY, input)).stream().map(DigestItem::deadlineId).toList();

        assertThat(ids).containsExactly("subPlanIn14", "taskLate10", "taskLate1", "taskToday", "taskIn3", "reportLate",
                "anLocSubPlan", "thanhAnTask", "thanhAnReport");
    }

    @Test
    void aDeadlineWrittenOnADayOffShowsTheDayItEndsAndTheDayWritten() throws Exception {
        DigestItem movedToMonday = new DigestItem("dl-sat", DeadlineKind.REPORT, Stage.BEFORE, "Báo cáo kết quả Quý I/2025", PLAN_NO,
                PLAN_TITLE, OWN_UNIT, LocalDate.of(2025, 3, 31), 0, "/reports/dl-sat", LocalDate.of(2025, 3, 29), false);
        DigestItem cooperating = new DigestItem("dl-coop", DeadlineKind.TASK, Stage.BEFORE, "Tổ chức hội nghị tuyên truyền", PLAN_NO,
                PLAN_TITLE, OWN_UNIT, LocalDate.of(2025, 3, 31), 0, "/tasks/occurrences/x", LocalDate.of(2025, 3, 31), true);
        String plain = plainBody(composeAndReparse(new Digest(RECIPIENT, LocalDate.of(2025, 3, 24), List.of(movedToMonday, cooperating))));

        assertThat(plain).contains("Hạn chót: 31/03/2025 (văn bản ghi 29/03/2025, ngày nghỉ)")
                .contains("Đơn vị phối hợp (để biết, đơn vị chủ trì chịu trách nhiệm): " + OWN_UNIT);
        assertThat(plain.lines().filter(line -> line.contains("Hạn chót: 31/03/2025")).count()).isEqualTo(2);
    }

    @Test
    void refoldingCountsOctetsAndNeverSplitsACharacter() {
        String summary = "SUMMARY:Hạn chót: Ban hành kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2025 của xã 𝔸";
        String folded = DigestMailComposer.refoldToOctets("BEGIN:VEVENT\r\n" + summary.substring(0, 40) + "\r\n " + summary.substring(40)
                + "\r\nEND:VEVENT\r\n", 75);

        assertThat(folded.replace("\r\n ", "")).isEqualTo("BEGIN:VEVENT\r\n" + summary + "\r\nEND:VEVENT\r\n");
        assertThat(folded.split("\r\n")).allSatisfy(line -> {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(line); // no lone surrogate
        });
        assertThat(folded.split("\r\n").length).isGreaterThan(3);
    }

    @Test
    void greetingForAUnitMailboxHasNoOngBa() {
        assertThat(DigestMailComposer.greeting(new Recipient("vp@xa.vn", "", "X", "UBND xã Thanh An")))
                .isEqualTo("Kính gửi: UBND xã Thanh An");
        assertThat(DigestMailComposer.greeting(new Recipient("vp@xa.vn", "UBND xã Thanh An", "X", "UBND xã Thanh An")))
                .isEqualTo("Kính gửi: UBND xã Thanh An");
        assertThat(DigestMailComposer.greeting(new Recipient("a@xa.vn", "Nguyễn Văn A", "X", "UBND xã Thanh An")))
                .isEqualTo("Kính gửi: Ông/Bà Nguyễn Văn A – UBND xã Thanh An");
    }

    @Test
    void worksWithABootStyleTemplateEngine() throws Exception {
        // like Spring Boot's auto-configuration: prefix templates/, suffix .html, HTML mode
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine bootLike = new SpringTemplateEngine();
        bootLike.setTemplateResolver(resolver);
        DigestMailComposer withBootEngine = new DigestMailComposer(bootLike, CONSOLE, CLOCK);

        MimeMessage message = new MimeMessage(session);
        withBootEngine.compose(DIGEST, message, FROM);
        MimeMessage parsed = reparse(message);

        assertThat(plainBody(parsed)).contains("Đã quá hạn 3 ngày").doesNotContain("[#", "th:each");
        assertThat(htmlBody(parsed)).contains("Đã quá hạn 3 ngày", "HĐND&amp;UBND");
    }

    // --- helpers ---

    private MimeMessage composeAndReparse(Digest digest) throws Exception {
        MimeMessage message = new MimeMessage(session);
        composer.compose(digest, message, FROM);
        return reparse(message);
    }

    private MimeMessage reparse(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        try (InputStream in = new ByteArrayInputStream(out.toByteArray())) {
            return new MimeMessage(session, in);
        }
    }

    private static MimeMultipart alternative(MimeMessage parsed) throws Exception {
        return (MimeMultipart) ((MimeMultipart) parsed.getContent()).getBodyPart(0).getContent();
    }

    private static String plainBody(MimeMessage parsed) throws Exception {
        return (String) alternative(parsed).getBodyPart(0).getContent();
    }

    private static String htmlBody(MimeMessage parsed) throws Exception {
        return (String) alternative(parsed).getBodyPart(1).getContent();
    }

    private static BodyPart attachment(MimeMessage parsed) throws Exception {
        return ((MimeMultipart) parsed.getContent()).getBodyPart(1);
    }

    private static List<Integer> positions(String body) {
        List<Integer> positions = new ArrayList<>();
        for (DigestItem item : URGENCY_ORDER) {
            int at = body.indexOf(item.whatIsDue());
            assertThat(at).as(item.whatIsDue()).isNotNegative();
            positions.add(at);
        }
        return positions;
    }

    private static DigestItem item(String id, Stage stage, LocalDate due, long daysLate) {
        return item(id, DeadlineKind.TASK, stage, "UBND xã Thanh An", due, daysLate);
    }

    private static DigestItem item(String id, DeadlineKind kind, Stage stage, String unitName, LocalDate due, long daysLate) {
        return new DigestItem(id, kind, stage, "Việc " + id, PLAN_NO, PLAN_TITLE, unitName, due, daysLate, "/d/" + id, null, false);
    }
}
