package vn.gov.par.plan.unit.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import vn.gov.par.plan.unit.Unit;
import vn.gov.par.plan.unit.UnitDirectory;
import vn.gov.par.plan.unit.UnitKind;
import vn.gov.par.plan.unit.UnitLevel;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.web.PageView;
import vn.gov.par.support.web.apidocs.ProblemResponse;

@Tag(name = "Đơn vị · Units", description = "Danh mục đơn vị hành chính và cơ quan, theo cây cấp bậc. · The directory of government units and agencies, as a tree.")
@RestController
@RequestMapping("/api/units")
class UnitController {

    /** The two imports are one operation in the API documentation: both handlers say it all, in the same words. */
    private static final String IMPORT = """
            Nhập hoặc cập nhật đơn vị từ tệp CSV (dòng tiêu đề `code,name,level,kind,parentCode`) hoặc từ danh sách JSON. \
            Cả tệp được kiểm tra trước: một dòng sai thì không dòng nào được lưu. Nhập lại cùng tệp không thay đổi gì. Mỗi đơn vị \
            mới hoặc đổi tên phát `UnitRecorded` trên `unit.events`.

            Imports or updates units from CSV (header `code,name,level,kind,parentCode`) or a JSON list. The whole file \
            is checked first: one bad row and no row is stored. Importing the same file again changes nothing. Each unit added \
            or changed publishes `UnitRecorded` on `unit.events`.

            Chỉ quản trị (QUAN_TRI), cho đơn vị mình và các đơn vị cấp dưới (xét theo vị trí sau khi nhập). · Only an             administrator, for its own unit and the units below it (as they will sit once imported).""";
    private static final String IMPORT_REFUSED = "Tệp không hợp lệ (`invalid-import`, `bad-csv-header`, `unreadable-csv`, `empty-import`, `unknown-agencies`): mã trùng, cấp bậc sai, đơn vị cha không có, hoặc đổi cấp trên qua nhập tệp; `errors` nêu từng dòng. · The file is invalid: duplicate codes, wrong levels, unknown parents, or a parent change by import; `errors` names each row.";

    private final UnitDirectory directory;
    private final UnitRowsReader reader;

    UnitController(UnitDirectory directory, UnitRowsReader reader) {
        this.directory = directory;
        this.reader = reader;
    }

    @Operation(summary = "Nhập danh mục đơn vị · Import units", description = IMPORT)
    @ProblemResponse(status = 422, description = IMPORT_REFUSED)
    @PostMapping(path = "/import", consumes = "text/csv")
    UnitDirectory.ImportOutcome importCsv(@RequestBody String csv, Access access) {
        return directory.importUnits(reader.fromCsv(csv), access);
    }

    @Operation(summary = "Nhập danh mục đơn vị · Import units", description = IMPORT)
    @ProblemResponse(status = 422, description = IMPORT_REFUSED)
    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    UnitDirectory.ImportOutcome importJson(@RequestBody List<UnitRowsReader.@NotNull(message = "Dòng nhập không được để trống.") UnitRowRequest> rows,
            Access access) {
        return directory.importUnits(reader.fromJson(rows), access);
    }

    record RenameRequest(@NotBlank(message = "Thiếu tên mới (name).") String name) {
    }

    record MoveRequest(@NotBlank(message = "Thiếu mã đơn vị cha mới (parentCode).") String parentCode) {
    }

    @Operation(summary = "Đổi tên đơn vị · Rename a unit", description = """
            Đổi tên đơn vị; phát `UnitRecorded` (vn.gov.par.unit.updated) để các dịch vụ khác dùng tên mới cho việc và báo cáo \
            còn mở. Chỉ quản trị (QUAN_TRI) của đơn vị hoặc cấp trên. · Renames the unit; publishes `UnitRecorded` \
            (vn.gov.par.unit.updated), so the other services use the new name for its open work and reports. Only an \
            administrator of the unit or of a unit above it.""")
    @ProblemResponse(status = 422, description = "Tên trống hoặc quá dài (`unit-name-invalid`). · The name is blank or too long.")
    @PostMapping("/{code}/rename")
    Unit rename(@PathVariable String code, @Valid @RequestBody RenameRequest request, Access access) {
        return directory.rename(code, request.name(), access);
    }

    @Operation(summary = "Chuyển đơn vị sang đơn vị cha khác · Move a unit", description = """
            Chuyển đơn vị, cùng mọi đơn vị cấp dưới của nó, sang trực thuộc `parentCode` (sắp xếp đơn vị hành chính); mỗi đơn vị \
            thay đổi phát `UnitRecorded` (vn.gov.par.unit.updated), để việc và báo cáo còn mở theo về chỗ mới. Từ chối, và không \
            thay đổi gì, khi đơn vị cha mới nằm trong chính đơn vị được chuyển, là cơ quan, hoặc không ở cấp trên của đơn vị. \
            Chỉ quản trị (QUAN_TRI) của cả nơi cũ và nơi mới. Gọi lại cùng yêu cầu không thay đổi gì thêm.

            Moves the unit, with every unit below it, under `parentCode`; each unit changed publishes `UnitRecorded` \
            (vn.gov.par.unit.updated), so open work and reports follow it. Refused, changing nothing, when the new parent lies \
            within the unit moved, is an agency, or is not at a level above it. Only an administrator of both the old place and \
            the new one. Asking again changes nothing more.""")
    @ProblemResponse(status = 422, description = "Không chuyển được (`move-into-own-subtree`, `parent-is-agency`, `level-not-below`, `parent-not-found`). · The move is refused.")
    @PostMapping("/{code}/move")
    Unit move(@PathVariable String code, @Valid @RequestBody MoveRequest request, Access access) {
        return directory.move(code, request.parentCode(), access);
    }

    record RetireRequest(@NotNull(message = "Thiếu ngày giải thể (retiredOn).") LocalDate retiredOn, String successorCode) {
    }

    record MergeRequest(@NotEmpty(message = "Thiếu các đơn vị được sáp nhập (unitCodes).") List<@NotBlank String> unitCodes,
            @NotNull(message = "Thiếu ngày sáp nhập (mergedOn).") LocalDate mergedOn) {
    }

    @Operation(summary = "Giải thể đơn vị · Retire a unit", description = """
            Ghi nhận đơn vị giải thể từ ngày `retiredOn` (không sau hôm nay); nếu có `successorCode`, đơn vị đó kế thừa việc còn \
            mở: kế hoạch con còn phải ban hành, nhiệm vụ, báo cáo và người nhận thư. Đơn vị giải thể vẫn ở trong danh mục với \
            tên của mình, để kế hoạch, nhiệm vụ và báo cáo đã có đọc được như cũ; không còn được giao việc, nhắc hạn hay đôn \
            đốc. Phát `UnitRetired` (vn.gov.par.unit.retired). Từ chối, không thay đổi gì, khi còn đơn vị trực thuộc đang hoạt \
            động (chuyển hoặc giải thể chúng trước), khi ngày chưa đến, hoặc khi đơn vị kế thừa là chính nó, đã giải thể hay \
            khác loại. Chỉ quản trị (QUAN_TRI) của đơn vị (và của đơn vị kế thừa). Gọi lại cùng yêu cầu không thay đổi gì thêm.

            Records the unit dissolved from `retiredOn` (not after today); with `successorCode`, that unit takes over its open \
            work: sub-plans still owed, tasks, reports and mail recipients. The retired unit stays in the directory under its \
            own name, so its plans, tasks and reports read as they were; it gets no more work, reminders or escalations. \
            Publishes `UnitRetired`. Refused, changing nothing, while units in service sit below it, for a day to come, or for \
            a successor that is itself, retired or of the other kind. Only an administrator of the unit (and of the successor).""")
    @ProblemResponse(status = 409, description = "Đã giải thể, hoặc còn đơn vị trực thuộc đang hoạt động (`unit-retired`, `units-below-in-service`). · Already retired, or units in service below it.")
    @ProblemResponse(status = 422, description = "Ngày hoặc đơn vị kế thừa không hợp lệ (`retired-on-future`, `successor-not-found`, `successor-is-self`, `successor-retired`, `successor-kind`). · The day or the successor is refused.")
    @PostMapping("/{code}/retire")
    Unit retire(@PathVariable String code, @Valid @RequestBody RetireRequest request, Access access) {
        return directory.retire(code, request.retiredOn(), blankToNull(request.successorCode()), access);
    }

    @Operation(summary = "Sáp nhập đơn vị · Merge units into this one", description = """
            Sáp nhập các đơn vị `unitCodes` vào đơn vị `code` từ ngày `mergedOn`: mỗi đơn vị được giải thể với `code` là đơn \
            vị kế thừa (xem `/retire`). Mọi đơn vị được kiểm tra trước khi ghi: một đơn vị bị từ chối thì không đơn vị nào \
            thay đổi. Đơn vị mới sau sáp nhập được nhập vào danh mục trước (`/import`).

            Merges the units `unitCodes` into the unit `code` from `mergedOn`: each is retired with `code` as its successor \
            (see `/retire`). Every unit is checked before any is written: one refused, none changes. A new unit formed by the \
            merger is imported first.""")
    @ProblemResponse(status = 409, description = "Như `/retire`. · As for `/retire`.")
    @ProblemResponse(status = 422, description = "Như `/retire`, hoặc danh sách trống. · As for `/retire`, or an empty list.")
    @PostMapping("/{code}/merge")
    List<Unit> merge(@PathVariable String code, @Valid @RequestBody MergeRequest request, Access access) {
        return directory.merge(code, request.unitCodes(), request.mergedOn(), access);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Operation(summary = "Xóa đơn vị nhập nhầm · Delete a unit imported by mistake", description = """
            Xóa đơn vị chưa có dữ liệu: không có đơn vị trực thuộc, chưa có kế hoạch của mình, chưa được giao ban hành kế hoạch, \
            và cấp trên chưa ban hành kế hoạch nào (từ đó các dịch vụ khác có thể đã giao việc hoặc chờ báo cáo của đơn vị). \
            Phát `UnitDeleted` (vn.gov.par.unit.deleted); các dịch vụ khác bỏ đơn vị khỏi danh mục của mình. Đơn vị đã có dữ \
            liệu thì chuyển (`/move`) hoặc đổi tên (`/rename`). Chỉ quản trị (QUAN_TRI) của đơn vị hoặc cấp trên.

            Deletes a unit with no history: no units below it, no plans of its own, no sub-plan owed, and no plan issued above \
            it yet (from then on the other services may have given it work or expect its reports). Publishes `UnitDeleted` \
            (vn.gov.par.unit.deleted); the other services forget it. A unit with a history is moved or renamed instead. Only an \
            administrator of the unit or of a unit above it.""")
    @ProblemResponse(status = 409, description = "Đơn vị đã có dữ liệu (`unit-has-history`); `errors` nêu từng lý do. · The unit has a history; `errors` says what.")
    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String code, Access access) {
        directory.delete(code, access);
    }

    @Operation(summary = "Danh sách đơn vị · List units", description = """
            Đơn vị theo đơn vị cha, cấp (PROVINCE, DISTRICT, COMMUNE ...), loại (GOVERNMENT, AGENCY) và tỉnh, từng trang \
            (`size` tối đa 500); chỉ gồm đơn vị mình, các đơn vị cấp dưới và cấp trên. · Units by parent, level, kind and             province, a page at a time (`size` at most 500): only one's own unit, those below it and those above it.""")
    @GetMapping
    PageView<Unit> list(@RequestParam(required = false) String parentCode, @RequestParam(required = false) UnitLevel level,
            @RequestParam(required = false) UnitKind kind, @RequestParam(required = false) String provinceCode,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "page phải >= 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "size phải >= 1") @Max(value = 500, message = "size tối đa 500") int size,
            Access access) {
        return directory.list(new UnitDirectory.UnitFilter(parentCode, level, kind, provinceCode), page, size, access);
    }

    @Operation(summary = "Xem một đơn vị · Read one unit", description = "Đơn vị theo mã chính thức, với cấp, loại, đơn vị cha và tỉnh. · A unit by its official code, with level, kind, parent and province.")
    @GetMapping("/{code}")
    Unit get(@PathVariable String code, Access access) {
        return directory.get(code, access);
    }

    @Operation(summary = "Các đơn vị trực thuộc · A unit's children", description = "Các đơn vị ngay dưới đơn vị này. · The units directly below this one.")
    @GetMapping("/{code}/children")
    List<Unit> children(@PathVariable String code, Access access) {
        return directory.children(code, access);
    }

    @Operation(summary = "Cây đơn vị · A unit's subtree", description = "Đơn vị và toàn bộ các đơn vị dưới nó, thành cây, trong một lần gọi. · The unit and every unit below it, as a tree, in one call.")
    @GetMapping("/{code}/subtree")
    UnitTreeNode subtree(@PathVariable String code, Access access) {
        return UnitTreeNode.of(directory.get(code, access), directory.descendants(code, access));
    }
}
