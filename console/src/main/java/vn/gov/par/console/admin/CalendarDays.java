package vn.gov.par.console.admin;

import java.time.LocalDate;

/** The working calendar as notification-service answers it. */
final class CalendarDays {

    private CalendarDays() {
    }

    /** A day off of the year: a statutory holiday, or a day off an administrator recorded. */
    record Holiday(LocalDate date, String name) {

        public String weekday() {
            return weekdayOf(date);
        }
    }

    /** A date an administrator recorded as a day off ({@code dayOff}) or a working day, and who did it when. */
    record Adjustment(LocalDate date, String name, boolean dayOff, LastChange lastChange) {

        public String weekday() {
            return weekdayOf(date);
        }
    }

    /** "Thứ Hai" … "Chủ nhật", as Vietnamese calendars name the days. */
    static String weekdayOf(LocalDate date) {
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
}
