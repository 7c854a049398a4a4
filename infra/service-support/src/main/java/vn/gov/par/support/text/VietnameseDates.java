package vn.gov.par.support.text;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as people read them here: dd/MM/yyyy. */
public final class VietnameseDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private VietnameseDates() {
    }

    public static String format(LocalDate date) {
        return DAY.format(date);
    }
}
