package vn.gov.par.notification.contact;

import java.time.Instant;

/**
 * An address the mail server refused for good, which reminders no longer try: the unit's other contacts,
 * or its mailbox, are written to instead until an operator clears it.
 *
 * @param email  lower-cased, as the store's key
 * @param reason the mail server's answer
 */
public record UndeliverableAddress(String email, String reason, Instant since) {
}
