package vn.gov.par.contracts.calendar;

import java.time.Instant;
import java.util.List;

/**
 * The working calendar changed: every date administrators have decided on, as it now stands (the whole list, so a
 * service applying it needs nothing earlier; the later {@code changedAt} wins).
 */
public record WorkingCalendarChanged(List<CalendarDay> days, Instant changedAt) {
}
