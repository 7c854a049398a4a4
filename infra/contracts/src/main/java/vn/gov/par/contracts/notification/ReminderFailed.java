package vn.gov.par.contracts.notification;

import java.time.Instant;

/** A reminder could not be delivered to a recipient after the retries (a bad address, say); it will not be retried. */
public record ReminderFailed(ReminderFacts reminder, Instant failedAt, String reason) {
}
