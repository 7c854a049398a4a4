package vn.gov.par.contracts.notification;

import java.time.Instant;

/** The supervising unit was told that work under it is overdue. */
public record EscalationSent(ReminderFacts reminder, Instant sentAt, boolean resentAfterCrash) {
}
