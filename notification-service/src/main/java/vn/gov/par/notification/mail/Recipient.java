package vn.gov.par.notification.mail;

/** A person (or a unit's own mailbox) an email goes to. */
public record Recipient(String email, String name, String unitCode, String unitName) {
}
