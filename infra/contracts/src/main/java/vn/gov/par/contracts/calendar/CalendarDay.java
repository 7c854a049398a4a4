package vn.gov.par.contracts.calendar;

import java.time.LocalDate;

/**
 * A date an administrator decided on, over the statutory calendar and the government's decisions shipped with the
 * platform: a day off (a make-up day off, a local holiday) or a working day (a Saturday worked in exchange).
 */
public record CalendarDay(LocalDate date, String name, boolean dayOff) {
}
