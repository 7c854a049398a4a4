package vn.gov.par.notification.contact.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;
import vn.gov.par.notification.contact.Contact;
import vn.gov.par.notification.contact.ContactDirectory;
import vn.gov.par.notification.contact.ContactRow;
import vn.gov.par.notification.contact.UndeliverableAddress;
import vn.gov.par.notification.contact.UnitContacts;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.domain.RuleViolationException;

@RestController
class ContactController {

    private static final List<String> HEADER = List.of("unitCode", "name", "position", "email");

    private final ContactDirectory contacts;
    private final CsvMapper csv = CsvMapper.builder().enable(CsvReadFeature.TRIM_SPACES).build();

    ContactController(ContactDirectory contacts) {
        this.contacts = contacts;
    }

    record ContactRowRequest(String unitCode, String name, String position, String email) {
    }

    record ImportOutcome(int units) {
    }

    /** CSV with header {@code unitCode,name,position,email}; a row without a name is the unit's own mailbox. */
    @PostMapping(path = "/api/contacts/import", consumes = "text/csv")
    ImportOutcome importCsv(@RequestBody String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<ContactRow> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> lines = csv.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(content)) {
            while (lines.hasNextValue()) {
                Map<String, String> line = lines.nextValue();
                if (rows.isEmpty() && !line.keySet().containsAll(HEADER)) {
                    throw RuleViolationException.invalid("bad-csv-header", "Dòng tiêu đề của tệp CSV phải là: " + String.join(",", HEADER) + ".");
                }
                rows.add(new ContactRow(rows.size() + 1, line.get("unitCode"), line.get("name"), line.get("position"), line.get("email")));
            }
        } catch (JacksonException e) {
            throw RuleViolationException.invalid("unreadable-csv", "Không đọc được tệp CSV: " + e.getOriginalMessage());
        }
        return new ImportOutcome(contacts.importRows(rows));
    }

    @PostMapping(path = "/api/contacts/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    ImportOutcome importJson(@RequestBody List<@NotNull(message = "Dòng nhập không được để trống.") ContactRowRequest> requests) {
        List<ContactRow> rows = new ArrayList<>();
        requests.forEach(r -> rows.add(new ContactRow(rows.size() + 1, r.unitCode(), r.name(), r.position(), r.email())));
        return new ImportOutcome(contacts.importRows(rows));
    }

    @GetMapping("/api/contacts/{unitCode}")
    UnitContacts get(@PathVariable String unitCode) {
        return contacts.get(unitCode);
    }

    record UnitContactsRequest(String mailbox, List<@NotNull(message = "Người liên hệ không được để trống.") Contact> people) {
    }

    @PutMapping("/api/contacts/{unitCode}")
    UnitContacts replace(@PathVariable String unitCode, @Valid @RequestBody UnitContactsRequest request) {
        return contacts.replace(new UnitContacts(unitCode, request.mailbox(), request.people()));
    }

    /** Units nobody can be mailed at: no responsible person and no unit mailbox. */
    @GetMapping("/api/contacts/unreachable")
    List<KnownUnit> unreachable() {
        return contacts.unreachable();
    }

    /** Addresses the mail server refused for good: reminders skip them (to the unit's other contacts) until cleared. */
    @GetMapping("/api/contacts/undeliverable")
    List<UndeliverableAddress> undeliverable() {
        return contacts.undeliverable();
    }

    /** The address was corrected at its end: reminders may use it again. */
    @DeleteMapping("/api/contacts/undeliverable/{email}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clearUndeliverable(@PathVariable String email) {
        contacts.clearUndeliverable(email);
    }
}
