package vn.gov.par.console.admin;

import java.util.List;

/**
 * A unit's contacts as notification-service answers them ({@code GET /api/contacts/{unitCode}}).
 *
 * @param lastChange null for contacts no signed-in official has changed
 */
record UnitContacts(String unitCode, String mailbox, List<Person> people, LastChange lastChange, boolean reachable) {

    UnitContacts {
        people = people == null ? List.of() : List.copyOf(people);
    }

    record Person(String name, String position, String email) {
    }
}
