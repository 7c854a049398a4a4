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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import vn.gov.par.support.access.Access;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.web.apidocs.NeverNotFound;
import vn.gov.par.support.web.apidocs.ProblemResponse;

@Tag(name = "Đầu mối liên hệ · Contacts", description = "Người phụ trách và hộp thư đơn vị nhận thư nhắc việc, đơn vị chưa liên hệ được, địa chỉ thư bị từ chối. · The people and unit mailboxes reminders go to, the unreachable units, the refused addresses.")
@RestController
class ContactController {

    private static final List<String> HEADER = List.of("unitCode", "name", "position", "email");

    /** The two imports are one operation in the API documentation: both handlers say it all, in the same words. */
    private static final String IMPORT = """
            Nhập danh bạ từ tệp CSV (dòng tiêu đề `unitCode,name,position,email`) hoặc từ danh sách JSON. Mỗi dòng là một người \
            phụ trách của đơn vị; dòng không có họ tên (`name`) là hộp thư của đơn vị. Danh bạ của mỗi đơn vị có trong tệp được \
            thay toàn bộ bằng các dòng của đơn vị đó; đơn vị không có trong tệp giữ nguyên. Cả tệp được kiểm tra trước: một dòng \
            sai (đơn vị không có trong danh mục đơn vị, thiếu hoặc sai địa chỉ thư) thì không dòng nào được lưu. Trả về số đơn vị \
            có trong tệp (`units`). Nhập lại cùng tệp không thay đổi gì. Không phát sự kiện. Chỉ quản trị (QUAN_TRI) được nhập, \
            và chỉ cho đơn vị mình và các đơn vị cấp dưới: một dòng nêu đơn vị ngoài phạm vi đó thì cả tệp bị từ chối (403).

            Imports contacts from CSV (header `unitCode,name,position,email`) or a JSON list. Each row is a person responsible \
            at the unit; a row without a `name` is the unit's own mailbox. Each unit the file names has its contacts replaced \
            by its rows; units it does not name are left as they are. The whole file is checked first: one bad row (a unit not \
            in the units directory, a missing or malformed address) and no row is stored. Answers how many units the file \
            names (`units`). Importing the same file again changes nothing. Publishes no event. Only an administrator \
            (QUAN_TRI) may import, and only for its own unit and the units below it: one row naming a unit outside them and \
            the whole file is refused (403).""";
    private static final String IMPORT_REFUSED = "Tệp hoặc danh sách không hợp lệ (`invalid-contacts`, `empty-import`; với tệp CSV còn `bad-csv-header`, `unreadable-csv`): đơn vị không có trong danh mục, thiếu hoặc sai địa chỉ thư, không có dòng nào, sai dòng tiêu đề hoặc tệp không đọc được; với `invalid-contacts`, `errors` nêu từng dòng. · The file or list is invalid: a unit not in the directory, a missing or malformed address, no row at all, a wrong CSV header or an unreadable CSV; with `invalid-contacts`, `errors` names each row.";

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
    @Operation(summary = "Nhập danh bạ đầu mối liên hệ · Import contacts", description = IMPORT)
    @ProblemResponse(status = 422, description = IMPORT_REFUSED)
    @PostMapping(path = "/api/contacts/import", consumes = "text/csv")
    ImportOutcome importCsv(@RequestBody String text, Access access) {
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
        return new ImportOutcome(contacts.importRows(rows, access));
    }

    @Operation(summary = "Nhập danh bạ đầu mối liên hệ · Import contacts", description = IMPORT)
    @ProblemResponse(status = 422, description = IMPORT_REFUSED)
    @PostMapping(path = "/api/contacts/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    ImportOutcome importJson(@RequestBody List<@NotNull(message = "Dòng nhập không được để trống.") ContactRowRequest> requests,
            Access access) {
        List<ContactRow> rows = new ArrayList<>();
        requests.forEach(r -> rows.add(new ContactRow(rows.size() + 1, r.unitCode(), r.name(), r.position(), r.email())));
        return new ImportOutcome(contacts.importRows(rows, access));
    }

    @Operation(summary = "Xem đầu mối liên hệ của một đơn vị · Read a unit's contacts", description = """
            Những người phụ trách của đơn vị (họ tên, chức vụ, địa chỉ thư), hộp thư đơn vị và lần thay đổi gần nhất \
            (`lastChange`: nhập `IMPORTED` hay sửa `REPLACED`, lúc nào, ai làm; khi sáp nhập, hệ thống ghi `TAKEN_OVER` ở đơn \
            vị nhận sáp nhập và `HANDED_OVER` ở đơn vị bị sáp nhập, không ghi người làm). Đơn vị nhận sáp nhập được thêm mọi \
            đầu mối của đơn vị bị sáp nhập mà mình chưa có (cùng địa chỉ thư, không phân biệt chữ hoa, chữ thường), và hộp thư \
            của đơn vị đó nếu mình chưa có hộp thư; danh bạ của đơn vị đã giải thể, sáp nhập vẫn giữ để tra cứu nhưng không \
            nhận thư nữa. Đơn vị chưa có gì trong danh bạ trả về danh sách rỗng, không báo lỗi. Chỉ xem được đơn vị của mình \
            và các đơn vị cấp dưới; mã khác (kể cả mã không có trong danh mục đơn vị) trả về 404. · The unit's responsible \
            people (name, position, address), its mailbox and the last change (`lastChange`: `IMPORTED` or `REPLACED`, when, \
            by whom; on a merger the platform writes `TAKEN_OVER` on the successor and `HANDED_OVER` on the merged unit, by \
            no one). The successor gets every contact of the merged unit it does not have yet (same address, whatever the \
            case), and its mailbox if it has none; a dissolved or merged unit's contacts stay for reference but receive \
            nothing more. A unit with nothing in the contacts answers empty, not an error. Only the caller's own unit and the \
            units below it; any other code (one not in the units directory included) answers 404.""")
    @GetMapping("/api/contacts/{unitCode}")
    UnitContacts get(@PathVariable String unitCode, Access access) {
        return contacts.get(unitCode, access);
    }

    record UnitContactsRequest(String mailbox, List<@NotNull(message = "Người liên hệ không được để trống.") Contact> people) {
    }

    @Operation(summary = "Cập nhật đầu mối liên hệ của một đơn vị · Replace a unit's contacts", description = """
            Thay toàn bộ danh bạ của đơn vị: hộp thư đơn vị (`mailbox`, có thể để trống) và những người phụ trách (`people`), \
            mỗi người có họ tên và địa chỉ thư hợp lệ. Để trống cả hai thì đơn vị không còn ai nhận thư và có tên trong danh \
            sách đơn vị chưa liên hệ được. Thư nhắc việc từ đó gửi theo danh bạ mới; người sửa được ghi lại (`lastChange`). Không \
            phát sự kiện. Cán bộ của chính đơn vị (kể cả lãnh đạo), hoặc quản trị của đơn vị hay của đơn vị cấp trên, được sửa.

            Replaces the unit's whole contacts: its mailbox (`mailbox`, may be empty) and its responsible people (`people`), \
            each with a name and a valid address. With both empty nobody is mailed and the unit shows among the unreachable. \
            Reminders go by the new contacts from then on; who changed them is kept (`lastChange`). Publishes no event. The \
            unit's own officers (leaders included), or an administrator of the unit or of one above it, may do it.""")
    @ProblemResponse(status = 422, description = "Người liên hệ thiếu họ tên (`contact-name-missing`), hoặc đơn vị không có trong danh mục đơn vị, địa chỉ thư thiếu hoặc sai (`invalid-contacts`; `errors` nêu từng điểm). · A person without a name, or the unit is not in the units directory, an address is missing or malformed; `errors` lists each point.")
    @NeverNotFound
    @PutMapping("/api/contacts/{unitCode}")
    UnitContacts replace(@PathVariable String unitCode, @Valid @RequestBody UnitContactsRequest request, Access access) {
        return contacts.replace(new UnitContacts(unitCode, request.mailbox(), request.people()), access);
    }

    /** Units nobody can be mailed at: no responsible person and no unit mailbox. */
    @Operation(summary = "Đơn vị chưa liên hệ được · Units nobody can be reached at", description = """
            Các đơn vị đang hoạt động trong danh mục (không kể đơn vị đã giải thể, sáp nhập) không có người phụ trách và không \
            có hộp thư, hoặc chỉ có những địa chỉ đã bị máy chủ thư từ chối: thư nhắc việc gửi các đơn vị này không đến được ai \
            (nhật ký thư ghi `UNREACHABLE`). Sắp theo mã đơn vị. Chỉ gồm đơn vị của người gọi và các đơn vị cấp dưới. · Every \
            unit in service in the directory (not those dissolved or merged) with no responsible person and no mailbox, or \
            only addresses the mail server refuses: reminders to them reach nobody (logged `UNREACHABLE`). By unit code. Only \
            the caller's own unit and the units below it.""")
    @GetMapping("/api/contacts/unreachable")
    List<KnownUnit> unreachable(Access access) {
        return contacts.unreachable(access);
    }

    /** Addresses the mail server refused for good: reminders skip them (to the unit's other contacts) until cleared. */
    @Operation(summary = "Địa chỉ thư bị từ chối · Undeliverable addresses", description = """
            Các địa chỉ máy chủ thư đã từ chối hẳn, kèm lý do và thời điểm, cũ nhất trước. Thư nhắc việc bỏ qua các địa chỉ \
            này và gửi cho những đầu mối khác của đơn vị (hoặc hộp thư đơn vị) cho đến khi địa chỉ được gỡ khỏi danh sách. \
            Chỉ gồm những địa chỉ mà danh bạ của đơn vị người gọi hoặc của đơn vị cấp dưới còn dùng (địa chỉ không đơn vị nào \
            còn dùng chỉ quản trị cấp cao nhất thấy). · The addresses the mail server refused for good, with its answer and \
            since when, oldest first. Reminders skip them, writing to the unit's other contacts (or its mailbox), until they \
            are cleared. Only those the contacts of the caller's own unit or of a unit below it still name (one no unit names \
            any more, only the administrators at the head of the directory see).""")
    @GetMapping("/api/contacts/undeliverable")
    List<UndeliverableAddress> undeliverable(Access access) {
        return contacts.undeliverable(access);
    }

    /** The address was corrected at its end: reminders may use it again. */
    @Operation(summary = "Gỡ địa chỉ khỏi danh sách bị từ chối · Clear an undeliverable address", description = """
            Khi địa chỉ đã được sửa ở phía đơn vị (hoặc hộp thư hoạt động trở lại), gỡ địa chỉ khỏi danh sách bị từ chối để \
            thư nhắc việc dùng lại. Không phân biệt chữ hoa, chữ thường. Địa chỉ không có trong danh sách thì không có gì thay \
            đổi, vẫn trả về 204. Chỉ quản trị có phạm vi bao gồm mọi đơn vị mà danh bạ đang dùng địa chỉ này được gỡ (địa chỉ \
            không đơn vị nào dùng: quản trị cấp cao nhất). · Once the address is corrected at its end (or the mailbox works \
            again), clears it so reminders use it again. Case does not matter. An address not on the list changes nothing and \
            still answers 204. Only an administrator over every unit whose contacts name the address may clear it (one no unit \
            names: an administrator at the head of the directory).""")
    @NeverNotFound
    @DeleteMapping("/api/contacts/undeliverable/{email}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clearUndeliverable(@PathVariable String email, Access access) {
        contacts.clearUndeliverable(email, access);
    }
}
