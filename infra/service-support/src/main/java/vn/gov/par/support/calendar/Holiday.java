package vn.gov.par.support.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day off on a weekday or weekend: a statutory holiday, or one the government announced (a compensatory day
 * off), as operators recorded it.
 *
 * @param date the day, in Vietnam's calendar (Asia/Ho_Chi_Minh)
 * @param name its Vietnamese name, e.g. "Tết Nguyên đán", "Giỗ Tổ Hùng Vương", "Ngày nghỉ bù"
 */
public record Holiday(LocalDate date, String name) {

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A holiday needs a name: " + date);
        }
    }
}
