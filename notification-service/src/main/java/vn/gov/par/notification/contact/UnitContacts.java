package vn.gov.par.notification.contact;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import vn.gov.par.support.access.HistoryEntry;

/**
 * Who receives a unit's mail: its responsible people, or, when it names none, the unit's own mailbox.
 *
 * @param mailbox    the unit's own address, or null
 * @param lastChange who last changed them and when ({@code IMPORTED} by an import, {@code REPLACED} by an edit; by the
 *                   platform, with no one named, {@code TAKEN_OVER} from a unit merged into this one and {@code HANDED_OVER}
 *                   on the merged unit's own); null for a unit whose contacts nobody has changed
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

    /**
     * These contacts and, after them, those of {@code retired} they do not have (the same address in any case): its
     * people as people, its mailbox as the mailbox if there is none yet (a unit has one).
     */
    UnitContacts takingOver(UnitContacts retired) {
        Set<String> addresses = new HashSet<>();
        people.forEach(person -> addresses.add(person.email().toLowerCase(Locale.ROOT)));
        if (mailbox != null) {
            addresses.add(mailbox.toLowerCase(Locale.ROOT));
        }
        List<Contact> all = new ArrayList<>(people);
        retired.people.stream().filter(person -> addresses.add(person.email().toLowerCase(Locale.ROOT))).forEach(all::add);
        boolean takesMailbox = mailbox == null && retired.mailbox != null && addresses.add(retired.mailbox.toLowerCase(Locale.ROOT));
        return new UnitContacts(unitCode, takesMailbox ? retired.mailbox : mailbox, all, lastChange);
    }

    UnitContacts changedBy(HistoryEntry change) {
        return new UnitContacts(unitCode, mailbox, people, change);
    }
}
