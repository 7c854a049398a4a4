package vn.gov.par.notification.mail;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import vn.gov.par.notification.reminder.Stage;

/**
 * Turns one {@link Digest} into the daily reminder email: Vietnamese subject, a multipart/alternative body (plain
 * text + HTML, both rendered by Thymeleaf from {@code templates/mail/digest.txt} and {@code templates/mail/digest.html})
 * and a {@code han-chot.ics} iCalendar attachment with one all-day event per deadline the recipient's unit owes.
 *
 * <p>Works with Spring Boot's auto-configured template engine (prefix {@code classpath:/templates/}, suffix
 * {@code .html}: the names used here end in {@code .html}/{@code .txt}, which Thymeleaf recognises, so no suffix is
 * appended) and with its own {@link #standaloneEngine()}.
 */
public final class DigestMailComposer {

    /** Template names, relative to {@code templates/}. */
    public static final String HTML_TEMPLATE = "mail/digest.html";
    public static final String TEXT_TEMPLATE = "mail/digest.txt";

    public static final String ICS_FILENAME = "han-chot.ics";
    public static final String ICS_CONTENT_TYPE = "text/calendar; charset=UTF-8; method=PUBLISH";
    public static final String PROD_ID = "-//PAR//Nhac viec CCHC//VI";
    public static final String UID_DOMAIN = "par.gov.vn";
    static final int MAX_LINE_OCTETS = 75;

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", VIETNAMESE);

    /**
     * The recipient's own work first, by kind (sub-plans, tasks, reports), within a kind what is late before what is due
     * today before what is coming, each by due date; then the escalations, per subordinate unit, each unit's late work
     * by kind and due date (the earliest, latest since longest). Stable.
     */
    static final Comparator<DigestItem> URGENCY = Comparator
            .comparing((DigestItem item) -> item.stage() == Stage.ESCALATION)
            .thenComparing(item -> item.stage() == Stage.ESCALATION && item.unitName() != null ? item.unitName() : "")
            .thenComparing(item -> item.kind() == null ? Integer.MAX_VALUE : item.kind().ordinal())
            .thenComparingInt(item -> urgencyGroup(item.stage()))
            .thenComparing(item -> item.dueDate() != null ? item.dueDate() : LocalDate.MAX);

    private final ITemplateEngine engine;
    private final String consoleBaseUrl;
    private final Clock clock;

    public DigestMailComposer(ITemplateEngine engine, String consoleBaseUrl, Clock clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.consoleBaseUrl = Objects.requireNonNull(consoleBaseUrl, "consoleBaseUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A template engine configured like Spring Boot's: {@code templates/} prefix, HTML mode for {@code .html}, TEXT mode
     * for {@code .txt}, UTF-8. It is a {@link SpringTemplateEngine} (SpEL expressions) because OGNL, which the plain
     * {@code TemplateEngine} needs, is not on the class path (the Boot starter leaves it out).
     */
    public static ITemplateEngine standaloneEngine() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(DigestMailComposer.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setForceTemplateMode(true);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    /**
     * Fills the given (empty) message: From, To ({@code recipient.name() <email>}), Subject, multipart/mixed with a
     * multipart/alternative (text/plain + text/html, UTF-8) and a text/calendar attachment {@value #ICS_FILENAME}
     * (left out only when no item has a deadline of the recipient's own, i.e. every item is an escalation, since an
     * iCalendar object without any component is invalid).
     */
    public void compose(Digest digest, MimeMessage message, String from) throws MessagingException {
        Objects.requireNonNull(digest, "digest");
        List<DigestItem> items = ordered(digest);
        List<ItemView> views = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            views.add(view(i + 1, items.get(i), digest.date()));
        }
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        InternetAddress sender = (InternetAddress) message.getFrom()[0];
        byte[] ics = calendarEvents(items).isEmpty() ? null : icsBytes(items, sender);

        Context context = new Context(VIETNAMESE);
        context.setVariable("subject", subject(digest));
        context.setVariable("greeting", greeting(digest.recipient()));
        context.setVariable("date", format(digest.date()));
        context.setVariable("count", items.size());
        context.setVariable("items", views);
        context.setVariable("icsAttached", ics != null);
        context.setVariable("icsFilename", ICS_FILENAME);
        String html = engine.process(new TemplateSpec(HTML_TEMPLATE, TemplateMode.HTML), context);
        String text = engine.process(new TemplateSpec(TEXT_TEMPLATE, TemplateMode.TEXT), context);

        Recipient recipient = digest.recipient();
        try {
            helper.setTo(new InternetAddress(recipient.email(), blankToNull(recipient.name()), StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e); // UTF-8 is always supported
        }
        helper.setSubject(subject(digest));
        helper.setSentDate(Date.from(clock.instant()));
        helper.setText(text, html);
        if (ics != null) {
            helper.addAttachment(ICS_FILENAME, new ByteArrayDataSource(ics, ICS_CONTENT_TYPE));
        }
    }

    /**
     * E.g. "[Nhắc việc CCHC] 3 việc cần chú ý — ngày 18/06/2025", or, when something is late,
     * "[Quá hạn] [Nhắc việc CCHC] 4 việc cần chú ý, 2 việc quá hạn — ngày 18/06/2025".
     */
    public String subject(Digest digest) {
        List<DigestItem> items = digest.items() == null ? List.of() : digest.items();
        long late = items.stream().filter(item -> isLate(item.stage())).count();
        StringBuilder subject = new StringBuilder();
        if (late > 0) {
            subject.append("[Quá hạn] ");
        }
        subject.append("[Nhắc việc CCHC] ");
        if (items.isEmpty()) {
            subject.append("Không có việc cần chú ý");
        } else {
            subject.append(items.size()).append(" việc cần chú ý");
            if (late > 0) {
                subject.append(", ").append(late).append(" việc quá hạn");
            }
        }
        return subject.append(" — ngày ").append(format(digest.date())).toString();
    }

    /** The digest's items in urgency order (a new list; the digest is not changed). */
    static List<DigestItem> ordered(Digest digest) {
        List<DigestItem> items = new ArrayList<>(digest.items() == null ? List.of() : digest.items());
        items.sort(URGENCY); // List.sort is stable
        return items;
    }

    /**
     * The .ics for the items that are not escalations, UTF-8. ORGANIZER is the sender: RFC 5546 requires it in a
     * METHOD:PUBLISH VEVENT (ical4j's validator warns without it).
     */
    byte[] icsBytes(List<DigestItem> items, InternetAddress sender) {
        Calendar calendar = new Calendar()
                .withProdId(PROD_ID)
                .withProperty(ImmutableVersion.VERSION_2_0)
                .withProperty(ImmutableCalScale.GREGORIAN)
                .withProperty(ImmutableMethod.PUBLISH)
                .getFluentTarget();
        DtStamp stamp = new DtStamp(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        for (DigestItem item : calendarEvents(items)) {
            // all-day: DTSTART;VALUE=DATE and DTEND the next day (exclusive), as most clients expect
            VEvent event = new VEvent(item.dueDate(), item.dueDate().plusDays(1), "Hạn chót: " + item.whatIsDue());
            event.replace(stamp);
            event.add(new Uid(uid(item)));
            event.add(organizer(sender));
            event.add(new Description(eventDescription(item)));
            event.add(ImmutableTransp.TRANSPARENT);
            URI url = toUri(actionUrl(item));
            if (url != null) {
                event.add(new Url(url));
            }
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return refoldToOctets(out.toString(), MAX_LINE_OCTETS).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * ical4j folds content lines at 75 <em>characters</em>; RFC 5545 (3.1) says 75 <em>octets</em>, and a Vietnamese
     * character is 2–3 octets in UTF-8. So unfold ical4j's output (a fold is CRLF + one space; CR/LF inside values are
     * already escaped as {@code \n}) and fold again by octets, never splitting a character.
     */
    static String refoldToOctets(String ics, int maxOctets) {
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
        StringBuilder out = new StringBuilder(ics.length() + ics.length() / 20);
        for (String line : unfolded.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = utf8Length(codePoint);
                if (octets + size > maxOctets) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    private static Organizer organizer(InternetAddress sender) {
        Organizer organizer = new Organizer(URI.create("mailto:" + sender.getAddress()));
        if (!isBlank(sender.getPersonal())) {
            organizer.add(new Cn(sender.getPersonal()));
        }
        return organizer;
    }

    /** Stable per deadline, so re-sent digests update the calendar entry instead of adding another. */
    static String uid(DigestItem item) {
        return item.deadlineId() + "@" + UID_DOMAIN;
    }

    private static List<DigestItem> calendarEvents(List<DigestItem> items) {
        return items.stream().filter(item -> item.stage() != Stage.ESCALATION && item.dueDate() != null).toList();
    }

    private String eventDescription(DigestItem item) {
        StringBuilder text = new StringBuilder();
        text.append(item.kind() == null ? "" : item.kind().vietnamese() + ": ").append(item.whatIsDue()).append('\n');
        text.append(planLine(item)).append('\n');
        if (!isBlank(item.unitName())) {
            text.append("Đơn vị thực hiện: ").append(item.unitName()).append('\n');
        }
        text.append("Hạn chót: ").append(dueDateLine(item)).append('\n');
        text.append("Xem và xử lý: ").append(actionUrl(item));
        return text.toString();
    }

    private ItemView view(int number, DigestItem item, LocalDate today) {
        boolean escalation = item.stage() == Stage.ESCALATION;
        String unitLabel = escalation ? "Đơn vị chưa thực hiện" : item.cooperating() ? "Đơn vị phối hợp (để biết, đơn vị chủ trì chịu trách nhiệm)"
                : "Đơn vị thực hiện";
        return new ItemView(number, stageLabel(item.stage(), item.dueDate() != null && item.dueDate().equals(today)), severity(item.stage()),
                item.kind() == null ? "" : item.kind().vietnamese(), item.whatIsDue(), planLine(item),
                isBlank(item.unitName()) ? null : unitLabel + ": " + item.unitName(),
                dueDateLine(item), situation(item, today), actionUrl(item));
    }

    /** "31/03/2025 (văn bản ghi 29/03/2025, ngày nghỉ)": the effective deadline, and the written one when it was a day off. */
    static String dueDateLine(DigestItem item) {
        boolean moved = item.dueDateAsWritten() != null && !item.dueDateAsWritten().equals(item.dueDate());
        return format(item.dueDate()) + (moved ? " (văn bản ghi " + format(item.dueDateAsWritten()) + ", ngày nghỉ)" : "");
    }

    /**
     * "Còn 7 ngày", "Hạn chót là hôm nay", "Đã quá hạn 3 ngày". An on-the-day reminder says what is true on the day it
     * is read: sent early (its day made a day off after it was planned), it names that day ("Hạn chót là Thứ Hai,
     * 31/03/2025"); sent late, after the mail server was down, it says how late.
     */
    static String situation(DigestItem item, LocalDate today) {
        long untilDue = item.dueDate() == null || today == null ? 0 : ChronoUnit.DAYS.between(today, item.dueDate());
        return switch (item.stage()) {
            case BEFORE -> untilDue > 0 ? "Còn " + untilDue + " ngày" : "Sắp đến hạn";
            case ON_DAY -> untilDue > 0 ? "Hạn chót là " + weekday(item.dueDate()) + ", " + format(item.dueDate())
                    : untilDue == 0 ? "Hạn chót là hôm nay" : late(item, untilDue);
            case OVERDUE, ESCALATION -> late(item, untilDue);
        };
    }

    private static String late(DigestItem item, long untilDue) {
        long late = item.daysLate() > 0 ? item.daysLate() : Math.max(0, -untilDue);
        return late > 0 ? "Đã quá hạn " + late + " ngày" : "Đã quá hạn";
    }

    private static String stageLabel(Stage stage, boolean dueToday) {
        return switch (stage) {
            case ESCALATION -> "Đơn vị cấp dưới quá hạn";
            case OVERDUE -> "Quá hạn";
            case ON_DAY -> dueToday ? "Đến hạn hôm nay" : "Đến hạn";
            case BEFORE -> "Sắp đến hạn";
        };
    }

    /** "Thứ Hai" ... "Thứ Bảy", "Chủ nhật", as official letters write them. */
    static String weekday(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case MONDAY -> "Thứ Hai";
            case TUESDAY -> "Thứ Ba";
            case WEDNESDAY -> "Thứ Tư";
            case THURSDAY -> "Thứ Năm";
            case FRIDAY -> "Thứ Sáu";
            case SATURDAY -> "Thứ Bảy";
            case SUNDAY -> "Chủ nhật";
        };
    }

    private static String severity(Stage stage) {
        return switch (stage) {
            case ESCALATION, OVERDUE -> "late";
            case ON_DAY -> "today";
            case BEFORE -> "upcoming";
        };
    }

    static String planLine(DigestItem item) {
        boolean hasNumber = !isBlank(item.planNumber());
        boolean hasTitle = !isBlank(item.planTitle());
        if (hasNumber && hasTitle) {
            return "Kế hoạch số " + item.planNumber() + ": " + item.planTitle();
        }
        if (hasNumber) {
            return "Kế hoạch số " + item.planNumber();
        }
        return "Kế hoạch: " + (hasTitle ? item.planTitle() : "(không rõ)");
    }

    static String greeting(Recipient recipient) {
        String name = recipient.name() == null ? "" : recipient.name().strip();
        String unit = recipient.unitName() == null ? "" : recipient.unitName().strip();
        // a unit's own mailbox: no "Ông/Bà", no repeated unit name
        if (name.isEmpty() || name.equalsIgnoreCase(unit)) {
            return "Kính gửi: " + (unit.isEmpty() ? recipient.email() : unit);
        }
        return "Kính gửi: Ông/Bà " + name + (unit.isEmpty() ? "" : " – " + unit);
    }

    /** The item's link, made absolute against the console base URL when relative. */
    String actionUrl(DigestItem item) {
        String url = item.actionUrl() == null ? "" : item.actionUrl().strip();
        if (url.isEmpty()) {
            return consoleBaseUrl;
        }
        URI uri = toUri(url);
        if (uri != null && uri.isAbsolute()) {
            return url;
        }
        String base = consoleBaseUrl.endsWith("/") ? consoleBaseUrl.substring(0, consoleBaseUrl.length() - 1) : consoleBaseUrl;
        return base + (url.startsWith("/") ? url : "/" + url);
    }

    private static URI toUri(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static int urgencyGroup(Stage stage) {
        return switch (stage) {
            case ESCALATION, OVERDUE -> 0;
            case ON_DAY -> 1;
            case BEFORE -> 2;
        };
    }

    private static boolean isLate(Stage stage) {
        return stage == Stage.OVERDUE || stage == Stage.ESCALATION;
    }

    static String format(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }

    /**
     * What the templates see for one item; all text is ready to print (the templates only escape it). A JavaBean with
     * getters so that both SpEL and OGNL can read it.
     */
    public static final class ItemView {
        private final int number;
        private final String stageLabel;
        private final String severity;
        private final String kind;
        private final String whatIsDue;
        private final String plan;
        private final String unit;
        private final String dueDate;
        private final String situation;
        private final String url;

        ItemView(int number, String stageLabel, String severity, String kind, String whatIsDue, String plan, String unit,
                String dueDate, String situation, String url) {
            this.number = number;
            this.stageLabel = stageLabel;
            this.severity = severity;
            this.kind = kind;
            this.whatIsDue = whatIsDue;
            this.plan = plan;
            this.unit = unit;
            this.dueDate = dueDate;
            this.situation = situation;
            this.url = url;
        }

        public int getNumber() { return number; }
        public String getStageLabel() { return stageLabel; }
        /** "late", "today" or "upcoming". */
        public String getSeverity() { return severity; }
        public String getKind() { return kind; }
        public String getWhatIsDue() { return whatIsDue; }
        public String getPlan() { return plan; }
        /** "Đơn vị thực hiện: …" / "Đơn vị chưa thực hiện: …", or null. */
        public String getUnit() { return unit; }
        public String getDueDate() { return dueDate; }
        public String getSituation() { return situation; }
        public String getUrl() { return url; }
    }
}
