package vn.gov.par.contracts.notification;

import java.time.Instant;

/** A reminder reached the mail server for a recipient; {@code resentAfterCrash} marks the one tolerated duplicate. */
public record ReminderSent(ReminderFacts reminder, Instant sentAt, boolean resentAfterCrash) {
}
