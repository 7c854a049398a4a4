package vn.gov.par.notification.mail;

import java.time.LocalDate;
import java.util.List;

/** Everything one recipient is reminded of on one day, in one email. */
public record Digest(Recipient recipient, LocalDate date, List<DigestItem> items) {
}
