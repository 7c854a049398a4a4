package vn.gov.par.plan.unit.web;

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
