package vn.gov.par.console.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.gov.par.console.ConsoleProperties;

/**
 * How the console writes dates and numbers for officials (templates call it as {@code @formats}): dates dd/MM/yyyy,
 * times in the platform's zone (Asia/Ho_Chi_Minh), numbers with Vietnamese separators (1.234,5).
 */
@Component("formats")
public class Formats {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final ZoneId zone;

    public Formats(ConsoleProperties properties) {
        this.zone = properties.timeZone();
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /**
     * A deadline as it is judged, with the day written in the document beside it when that was a day off and the deadline
     * runs to the next working day: "31/03/2025 (văn bản ghi 29/03/2025, ngày nghỉ)", as the reminders write it.
     *
     * @param effective null when the service did not say; the written day is shown alone then
     */
    public String deadline(LocalDate written, LocalDate effective) {
        if (effective == null || effective.equals(written)) {
            return date(written);
        }
        return date(effective) + " (văn bản ghi " + date(written) + ", ngày nghỉ)";
    }

    /** "31/03/2027, 30/06/2027". */
    public String dates(List<LocalDate> dates) {
        return dates.stream().map(this::date).collect(Collectors.joining(", "));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    public String number(Number value) {
        return value == null ? "" : NumberFormat.getNumberInstance(VIETNAMESE).format(value);
    }

    /** A share from 0 to 1 as a percentage with at most one decimal: 0,875 → "87,5 %". */
    public String percent(Number share) {
        if (share == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(VIETNAMESE);
        format.setMaximumFractionDigits(1);
        return format.format(share.doubleValue() * 100) + " %";
    }
}
