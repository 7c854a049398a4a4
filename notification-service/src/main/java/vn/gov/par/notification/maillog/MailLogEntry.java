package vn.gov.par.notification.maillog;

import java.time.Instant;

/**
 * One attempt to mail a reminder to a recipient, and how it ended: SENT, RESENT (after a crash), FAILED
 * (for good), DEFERRED (mail server unavailable, will retry) or UNREACHABLE (the unit has no contact).
 */
public record MailLogEntry(String id, Instant at, String recipientEmail, String recipientUnitCode, String deadlineId, String planId,
        String unitCode, String kind, String stage, int offsetDays, String outcome, String detail) {
}
