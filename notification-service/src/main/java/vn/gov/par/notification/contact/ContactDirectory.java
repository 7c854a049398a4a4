package vn.gov.par.notification.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import vn.gov.par.contracts.unit.UnitRetired;
import vn.gov.par.notification.mail.Recipient;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.access.HistoryEntry;
import vn.gov.par.support.access.Role;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.domain.NotFoundException;
import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.persistence.Documents;

/** Who to write to for each unit: imported or edited, validated whole, and resolved to recipients at send time. */
@Service
public class ContactDirectory {

    private static final String COLLECTION = "contacts";
    private static final String UNDELIVERABLE = "undeliverable_addresses";
    /** The {@link HistoryEntry#action} of a merge: the successor's contacts took over the merged unit's, which it handed over. */
    private static final String TAKEN_OVER = "TAKEN_OVER";
    private static final String HANDED_OVER = "HANDED_OVER";

    private final MongoTemplate mongo;
    private final UnitDirectoryView units;
    private final Clock clock;

    public ContactDirectory(MongoTemplate mongo, UnitDirectoryView units, Clock clock) {
        this.mongo = mongo;
        this.units = units;
        this.clock = clock;
    }

    public record ImportError(int row, String field, String message) {
    }

    /**
     * Replaces the contacts of every unit the rows name, or, if any row is bad, changes nothing. Only an administrator
     * may import, and only for its own unit and those below it: one row naming a unit outside them and nothing is stored.
     */
    public int importRows(List<ContactRow> rows, Access access) {
        Map<String, UnitContacts> byUnit = validated(rows);
        access.requireAdministersAll(byUnit.keySet().stream().collect(Collectors.toMap(Function.identity(),
                code -> units.ancestorsOf(code).orElse(List.of()))), "nhập danh bạ đầu mối liên hệ");
        byUnit.values().forEach(contacts -> store(contacts, "IMPORTED", access));
        return byUnit.size();
    }

    /**
     * Replaces one unit's contacts whole: for the unit's own officers (a leader included), or an administrator of the
     * unit or of one above it.
     */
    public UnitContacts replace(UnitContacts contacts, Access access) {
        // In an import a row without a name is the unit's mailbox; here a person without one would silently become it.
        for (int i = 0; i < contacts.people().size(); i++) {
            if (blank(contacts.people().get(i).name())) {
                throw RuleViolationException.invalid("contact-name-missing", "Người liên hệ thứ " + (i + 1) + " thiếu họ tên (name).");
            }
        }
        List<ContactRow> rows = new ArrayList<>();
        if (contacts.mailbox() != null) {
            rows.add(new ContactRow(1, contacts.unitCode(), null, null, contacts.mailbox()));
        }
        contacts.people().forEach(p -> rows.add(new ContactRow(rows.size() + 1, contacts.unitCode(), p.name(), p.position(), p.email())));
        UnitContacts replacement = rows.isEmpty() ? new UnitContacts(contacts.unitCode(), null, List.of())
                : validated(rows).get(contacts.unitCode());
        requireMayEdit(contacts.unitCode(), access);
        store(replacement, "REPLACED", access);
        return get(contacts.unitCode());
    }

    /**
     * A unit merged into another: its successor takes over every contact of it that the successor does not have yet
     * ({@link UnitContacts#takingOver}), so the people who did the merged unit's work are written to with the successor's.
     * The merged unit's own contacts stay, as they were, marked as handed over, and so are taken over once: a contact the
     * successor's officials remove afterwards does not come back with the event redelivered. A dissolved unit hands over
     * nothing; neither is written to again, since no deadline of theirs stays open and no escalation goes to them.
     */
    public void handOver(UnitRetired retirement) {
        UnitContacts retired = get(retirement.code());
        if (!retirement.hasSuccessor() || !retired.isReachable() || handedOver(retired)) {
            return;
        }
        Instant now = clock.instant();
        UnitContacts successor = get(retirement.successorCode());
        UnitContacts merged = successor.takingOver(retired);
        if (!merged.sameAddressesAs(successor)) {
            save(merged.changedBy(new HistoryEntry(TAKEN_OVER, now, null)));
        }
        save(retired.changedBy(new HistoryEntry(HANDED_OVER, now, null)));
    }

    private static boolean handedOver(UnitContacts contacts) {
        return contacts.lastChange() != null && HANDED_OVER.equals(contacts.lastChange().action());
    }

    /** The unit's contacts, if the official sees the unit (its own or one below it); empty when it has none yet. */
    public UnitContacts get(String unitCode, Access access) {
        if (!access.sees(unitCode)) {
            throw new NotFoundException("Không tìm thấy đơn vị có mã '" + unitCode + "'.");
        }
        return get(unitCode);
    }

    public UnitContacts get(String unitCode) {
        return Optional.ofNullable(mongo.findById(unitCode, UnitContacts.class, COLLECTION)).orElse(new UnitContacts(unitCode, null, List.of()));
    }

    /** The people of the unit whose address still takes mail, or else its mailbox; empty when the unit is unreachable. */
    public List<Recipient> recipientsOf(String unitCode) {
        if (unitCode == null) {
            return List.of();
        }
        UnitContacts contacts = deliverable(get(unitCode), undeliverableEmails());
        String unitName = units.find(unitCode).map(KnownUnit::name).orElse(unitCode);
        if (!contacts.people().isEmpty()) {
            return contacts.people().stream().map(p -> new Recipient(p.email(), p.name(), unitCode, unitName)).toList();
        }
        return contacts.mailbox() == null ? List.of() : List.of(new Recipient(contacts.mailbox(), unitName, unitCode, unitName));
    }

    /**
     * Who hears of a unit's overdue work: the supervising unit's named people and its own mailbox too (an escalation is
     * official correspondence, kept where the unit's records are), or, when it has none (an office named by "qua ..."
     * with no contact yet), its parent's.
     */
    public List<Recipient> supervisorRecipientsOf(String unitCode) {
        if (unitCode == null) {
            return List.of();
        }
        List<Recipient> own = peopleAndMailbox(unitCode);
        if (!own.isEmpty()) {
            return own;
        }
        return units.find(unitCode).map(KnownUnit::parentCode).map(this::peopleAndMailbox).orElse(List.of());
    }

    private List<Recipient> peopleAndMailbox(String unitCode) {
        List<Recipient> recipients = new ArrayList<>(recipientsOf(unitCode));
        UnitContacts contacts = deliverable(get(unitCode), undeliverableEmails());
        boolean mailboxListed = contacts.mailbox() == null
                || recipients.stream().anyMatch(r -> r.email().equalsIgnoreCase(contacts.mailbox()));
        if (!mailboxListed) {
            String unitName = units.find(unitCode).map(KnownUnit::name).orElse(unitCode);
            recipients.add(new Recipient(contacts.mailbox(), unitName, unitCode, unitName));
        }
        return recipients;
    }

    /**
     * Every known unit in service nobody can be written to (no person and no mailbox, or only addresses that refuse mail),
     * of those the official sees: its own unit and those below it. A retired unit is written to no more, so it is not
     * missing anyone.
     */
    public List<KnownUnit> unreachable(Access access) {
        Set<String> bad = undeliverableEmails();
        Set<String> reachable = mongo.findAll(UnitContacts.class, COLLECTION).stream().map(c -> deliverable(c, bad))
                .filter(UnitContacts::isReachable).map(UnitContacts::unitCode).collect(Collectors.toSet());
        Query seen = access.seesEverything() ? new Query() : Query.query(Criteria.where("_id").in(access.subtree()));
        return mongo.find(seen, KnownUnit.class, "units").stream().filter(u -> !u.isRetired() && !reachable.contains(u.code()))
                .sorted(Comparator.comparing(KnownUnit::code)).toList();
    }

    /** Remembers that the mail server refused this address for good; answers whether that is news. */
    public boolean markUndeliverable(String email, String reason, Instant at) {
        String key = email.toLowerCase(Locale.ROOT);
        return Documents.insertIfAbsent(mongo, UNDELIVERABLE, new UndeliverableAddress(key, reason, at), key);
    }

    /** The addresses reminders no longer try, for operators to correct. */
    public List<UndeliverableAddress> undeliverable() {
        return mongo.find(new Query().with(Sort.by("since")), UndeliverableAddress.class, UNDELIVERABLE);
    }

    /**
     * The addresses reminders no longer try that the official sees: those the contacts of its own unit, or of one below
     * it, still name. One no unit's contacts name any more only the head of the directory sees.
     */
    public List<UndeliverableAddress> undeliverable(Access access) {
        List<UndeliverableAddress> all = undeliverable();
        if (access.seesEverything()) {
            return all;
        }
        Map<String, Set<String>> users = unitsByAddress();
        Set<String> subtree = access.subtree();
        return all.stream().filter(address -> users.getOrDefault(address.email(), Set.of()).stream().anyMatch(subtree::contains)).toList();
    }

    /**
     * The operator has corrected the address (or the mailbox works again): reminders use it again. It matters to every
     * unit whose contacts name it, so only an administrator over all of them may clear it; an address no unit's contacts
     * name any more, only an administrator of the head of the directory.
     */
    public void clearUndeliverable(String email, Access access) {
        String key = email.toLowerCase(Locale.ROOT);
        Set<String> users = unitsByAddress().getOrDefault(key, Set.of());
        if (users.isEmpty()) {
            access.requireAdministersEverything("gỡ khỏi danh sách bị từ chối một địa chỉ thư không đơn vị nào còn dùng");
        } else {
            access.requireAdministersAll(users.stream().collect(Collectors.toMap(Function.identity(),
                    code -> units.ancestorsOf(code).orElse(List.of()))), "gỡ địa chỉ thư khỏi danh sách bị từ chối");
        }
        mongo.remove(Query.query(Criteria.where("_id").is(key)), UNDELIVERABLE);
    }

    private Set<String> undeliverableEmails() {
        return undeliverable().stream().map(UndeliverableAddress::email).collect(Collectors.toSet());
    }

    /** Each address the contacts name (lower-cased, as undeliverable addresses are kept), with the units that name it. */
    private Map<String, Set<String>> unitsByAddress() {
        Map<String, Set<String>> users = new HashMap<>();
        for (UnitContacts contacts : mongo.findAll(UnitContacts.class, COLLECTION)) {
            List<String> addresses = new ArrayList<>();
            if (contacts.mailbox() != null) {
                addresses.add(contacts.mailbox());
            }
            contacts.people().forEach(person -> addresses.add(person.email()));
            addresses.stream().filter(address -> address != null).forEach(address -> users
                    .computeIfAbsent(address.toLowerCase(Locale.ROOT), unused -> new HashSet<>()).add(contacts.unitCode()));
        }
        return users;
    }

    /** Its own officers (a leader is one too), else an administrator of the unit or of one above it; refused with the reason otherwise. */
    private static void requireMayEdit(String unitCode, Access access) {
        String action = "cập nhật đầu mối liên hệ của đơn vị " + unitCode;
        if (unitCode.equals(access.unitCode()) && access.official().has(Role.CAN_BO)) {
            return;
        }
        if (access.official().has(Role.QUAN_TRI)) {
            access.requireAdministers(unitCode, action);
        } else {
            access.requireActsFor(unitCode, Role.CAN_BO, action);
        }
    }

    /** Stores the unit's new contacts with who changed them, unless they name exactly what it has now. */
    private void store(UnitContacts contacts, String action, Access access) {
        UnitContacts current = mongo.findById(contacts.unitCode(), UnitContacts.class, COLLECTION);
        if (current != null && current.sameAddressesAs(contacts)) {
            return;
        }
        save(contacts.changedBy(new HistoryEntry(action, clock.instant(), access.official().actor())));
    }

    /** The contacts of each unit the rows name, checked whole: one bad row and none is. */
    private Map<String, UnitContacts> validated(List<ContactRow> rows) {
        List<ImportError> errors = new ArrayList<>();
        Map<String, UnitContacts> byUnit = new LinkedHashMap<>();
        for (ContactRow row : rows) {
            validate(row, errors);
            UnitContacts current = byUnit.getOrDefault(row.unitCode(), new UnitContacts(row.unitCode(), null, List.of()));
            if (blank(row.name())) {
                byUnit.put(row.unitCode(), new UnitContacts(row.unitCode(), strip(row.email()), current.people()));
            } else {
                List<Contact> people = new ArrayList<>(current.people());
                people.add(new Contact(row.name().strip(), strip(row.position()), strip(row.email())));
                byUnit.put(row.unitCode(), new UnitContacts(row.unitCode(), current.mailbox(), people));
            }
        }
        if (rows.isEmpty()) {
            throw RuleViolationException.invalid("empty-import", "Tệp nhập không có dòng dữ liệu nào.");
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException(RuleViolationException.Kind.INVALID, "invalid-contacts",
                    "Tệp danh bạ có " + errors.size() + " lỗi; không liên hệ nào được lưu.", errors);
        }
        return byUnit;
    }

    private static UnitContacts deliverable(UnitContacts contacts, Set<String> bad) {
        String mailbox = contacts.mailbox() == null || bad.contains(contacts.mailbox().toLowerCase(Locale.ROOT)) ? null : contacts.mailbox();
        return new UnitContacts(contacts.unitCode(), mailbox,
                contacts.people().stream().filter(p -> !bad.contains(p.email().toLowerCase(Locale.ROOT))).toList(), contacts.lastChange());
    }

    private void validate(ContactRow row, List<ImportError> errors) {
        if (blank(row.unitCode())) {
            errors.add(new ImportError(row.row(), "unitCode", "Thiếu mã đơn vị (unitCode)."));
        } else if (units.find(row.unitCode()).isEmpty()) {
            errors.add(new ImportError(row.row(), "unitCode", "Đơn vị '" + row.unitCode() + "' không có trong danh mục đơn vị."));
        }
        if (blank(row.email())) {
            errors.add(new ImportError(row.row(), "email", "Thiếu địa chỉ thư điện tử (email)."));
        } else if (!validEmail(row.email().strip())) {
            errors.add(new ImportError(row.row(), "email", "Địa chỉ thư điện tử '" + row.email() + "' không hợp lệ."));
        }
    }

    private void save(UnitContacts contacts) {
        Documents.upsert(mongo, COLLECTION, contacts, contacts.unitCode());
    }

    static boolean validEmail(String email) {
        try {
            new InternetAddress(email, true).validate();
            return email.contains("@") && email.indexOf('.', email.indexOf('@')) > 0;
        } catch (AddressException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
