package vn.gov.par.notification.reminder;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.gov.par.notification.contact.ContactDirectory;
import vn.gov.par.notification.mail.Recipient;

/** Who a reminder is written to: the same answer for the mail that goes out and for the preview of what will. */
@Component
public class Addressees {

    private final ContactDirectory contacts;
    private final Supervisors supervisors;

    public Addressees(ContactDirectory contacts, Supervisors supervisors) {
        this.contacts = contacts;
        this.supervisors = supervisors;
    }

    /** The unit a reminder is for; null for an escalation of work nobody supervises ({@link Supervisors}). */
    /** Whether the recipient's unit is above the deadline's unit, so that its officials can open that unit's page. */
    public boolean followsFromAbove(Recipient recipient, Deadline deadline) {
        return supervisors.isAbove(recipient.unitCode(), deadline.unitCode());
    }

    public String unitOf(Reminder reminder, Deadline deadline) {
        return reminder.audience() == Audience.SUPERVISOR ? supervisors.of(deadline).orElse(null) : deadline.unitCode();
    }

    /**
     * The people of the deadline's unit (its mailbox when nobody is named); for an escalation, the supervising unit's
     * people and its mailbox ({@link ContactDirectory#supervisorRecipientsOf}).
     */
    public List<Recipient> of(Reminder reminder, Deadline deadline) {
        return at(reminder.audience(), unitOf(reminder, deadline));
    }

    /** The same, for the unit {@link #unitOf} answered, when the caller has it already. */
    public List<Recipient> at(Audience audience, String unit) {
        return audience == Audience.SUPERVISOR ? contacts.supervisorRecipientsOf(unit) : contacts.recipientsOf(unit);
    }
}
