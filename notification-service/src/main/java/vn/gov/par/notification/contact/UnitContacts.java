package vn.gov.par.notification.contact;

import java.util.List;

/**
 * Who receives a unit's mail: its responsible people, or, when it names none, the unit's own mailbox.
 *
 * @param mailbox the unit's own address, or null
 */
public record UnitContacts(String unitCode, String mailbox, List<Contact> people) {

    public UnitContacts {
        people = people == null ? List.of() : List.copyOf(people);
    }

    public boolean isReachable() {
        return !people.isEmpty() || mailbox != null;
    }
}
