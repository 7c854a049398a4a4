package vn.gov.par.notification.contact;

import java.util.List;
import java.util.Objects;

import vn.gov.par.support.access.HistoryEntry;

/**
 * Who receives a unit's mail: its responsible people, or, when it names none, the unit's own mailbox.
 *
 * @param mailbox    the unit's own address, or null
 * @param lastChange who last changed them and when ({@code IMPORTED} by an import, {@code REPLACED} by an edit); null
 *                   for a unit whose contacts no signed-in official has changed
 */
public record UnitContacts(String unitCode, String mailbox, List<Contact> people, HistoryEntry lastChange) {

    public UnitContacts {
        people = people == null ? List.of() : List.copyOf(people);
    }

    public UnitContacts(String unitCode, String mailbox, List<Contact> people) {
        this(unitCode, mailbox, people, null);
    }

    public boolean isReachable() {
        return !people.isEmpty() || mailbox != null;
    }

    /** Whether both name the same mailbox and the same people, in the same order, whoever changed them. */
    boolean sameAddressesAs(UnitContacts other) {
        return Objects.equals(mailbox, other.mailbox) && people.equals(other.people);
    }

    UnitContacts changedBy(HistoryEntry change) {
        return new UnitContacts(unitCode, mailbox, people, change);
    }
}
