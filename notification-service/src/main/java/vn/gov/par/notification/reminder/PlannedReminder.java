package vn.gov.par.notification.reminder;

import java.time.Instant;

/**
 * One reminder a deadline calls for.
 *
 * @param offsetDays days from the deadline the stage is about (-7, -1, 0, +3, +6 ...), before shifting to a working day;
 *                   with {@code stage}, it names the reminder: a deadline gets each (stage, offset) once
 * @param sendAt     when it goes out: the set local hour on a working day
 */
public record PlannedReminder(Stage stage, int offsetDays, Audience audience, Instant sendAt) {
}
