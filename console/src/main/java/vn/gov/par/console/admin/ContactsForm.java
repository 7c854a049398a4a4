package vn.gov.par.console.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A unit's contacts as the edit form shows them: its mailbox and one row per responsible person. */
public class ContactsForm {

    private String mailbox;
    private List<PersonRow> people = new ArrayList<>();

    public static class PersonRow {
        private String name;
        private String position;
        private String email;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getPosition() { return position; }
        public void setPosition(String position) { this.position = position; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }

        boolean isBlank() {
            return blank(name) && blank(position) && blank(email);
        }
    }

    /** The form of the unit's contacts, with an empty row to add a person in. */
    static ContactsForm of(UnitContacts contacts) {
        ContactsForm form = new ContactsForm();
        form.mailbox = contacts.mailbox();
        for (UnitContacts.Person person : contacts.people()) {
            PersonRow row = new PersonRow();
            row.name = person.name();
            row.position = person.position();
            row.email = person.email();
            form.people.add(row);
        }
        form.addPerson();
        return form;
    }

    void addPerson() {
        people.add(new PersonRow());
    }

    /**
     * Drops the rows left empty, so that the rows shown again after a refusal are those sent, in the same order: the
     * service names a bad address by its place among them.
     */
    void dropEmptyRows() {
        people.removeIf(PersonRow::isBlank);
    }

    /** The body of {@code PUT /api/contacts/{unitCode}}: no mailbox is null, as an empty one would be refused as a bad address. */
    Map<String, Object> request() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("mailbox", blank(mailbox) ? null : mailbox.strip());
        request.put("people", people.stream().filter(row -> !row.isBlank()).map(row -> {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("name", blank(row.name) ? null : row.name.strip());
            person.put("position", blank(row.position) ? null : row.position.strip());
            person.put("email", blank(row.email) ? null : row.email.strip());
            return person;
        }).toList());
        return request;
    }

    /**
     * The form field a row of the service's refusal is about: the service checks the mailbox as its first row when
     * there is one, then each person in turn.
     */
    String fieldOfRow(int row, String field) {
        int person = blank(mailbox) ? row - 1 : row - 2;
        if (person < 0) {
            return "mailbox";
        }
        return "people[" + person + "]." + (field == null ? "email" : field);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getMailbox() { return mailbox; }
    public void setMailbox(String mailbox) { this.mailbox = mailbox; }
    public List<PersonRow> getPeople() { return people; }
    public void setPeople(List<PersonRow> people) { this.people = people == null ? new ArrayList<>() : people; }
}
