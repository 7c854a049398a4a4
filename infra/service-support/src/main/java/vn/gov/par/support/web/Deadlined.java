package vn.gov.par.support.web;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import vn.gov.par.support.calendar.WorkingCalendar;

/**
 * An item with a deadline as an API answers it: the item's own fields and, beside its due date as written, the day it is
 * judged by (a due date on a day off runs to the end of the next working day), for a screen to show both. Computed when
 * answering, so a day an administrator gives off shows at once.
 *
 * @param effectiveDueDate null when the item has no due date (work on demand)
 */
public record Deadlined<T>(@JsonUnwrapped T item, LocalDate effectiveDueDate) {

    public static <T> Deadlined<T> of(T item, LocalDate dueDate, WorkingCalendar calendar) {
        return new Deadlined<>(item, dueDate == null ? null : calendar.effectiveDeadline(dueDate));
    }
}
