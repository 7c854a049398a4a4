package vn.gov.par.console.admin;

import java.time.Instant;
import java.util.List;

/** A unit's contacts as notification-service answers them ({@code GET /api/contacts/{unitCode}}). */
record UnitContacts(String unitCode, String mailbox, List<Person> people, LastChange lastChange, boolean reachable) {

    UnitContacts {
        people = people == null ? List.of() : List.copyOf(people);
    }

    record Person(String name, String position, String email) {
    }

    /** Who last changed them: {@code IMPORTED} by an import, {@code REPLACED} by an edit. */
    record LastChange(String action, Instant at, Actor by) {

        public String actionLabel() {
            return "IMPORTED".equals(action) ? "Nhập từ tệp" : "Sửa trực tiếp";
        }
    }

    record Actor(String subject, String name, String unitCode) {
    }
}
