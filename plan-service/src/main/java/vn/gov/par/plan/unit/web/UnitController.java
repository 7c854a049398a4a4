package vn.gov.par.plan.unit.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import vn.gov.par.plan.unit.Unit;
import vn.gov.par.plan.unit.UnitDirectory;
import vn.gov.par.plan.unit.UnitKind;
import vn.gov.par.plan.unit.UnitLevel;
import vn.gov.par.support.web.PageView;

@RestController
@RequestMapping("/api/units")
class UnitController {

    private final UnitDirectory directory;
    private final UnitRowsReader reader;

    UnitController(UnitDirectory directory, UnitRowsReader reader) {
        this.directory = directory;
        this.reader = reader;
    }

    @PostMapping(path = "/import", consumes = "text/csv")
    UnitDirectory.ImportOutcome importCsv(@RequestBody String csv) {
        return directory.importUnits(reader.fromCsv(csv));
    }

    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    UnitDirectory.ImportOutcome importJson(@RequestBody List<UnitRowsReader.@NotNull(message = "Dòng nhập không được để trống.") UnitRowRequest> rows) {
        return directory.importUnits(reader.fromJson(rows));
    }

    @GetMapping
    PageView<Unit> list(@RequestParam(required = false) String parentCode, @RequestParam(required = false) UnitLevel level,
            @RequestParam(required = false) UnitKind kind, @RequestParam(required = false) String provinceCode,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "page phải >= 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "size phải >= 1") @Max(value = 500, message = "size tối đa 500") int size) {
        return directory.list(new UnitDirectory.UnitFilter(parentCode, level, kind, provinceCode), page, size);
    }

    @GetMapping("/{code}")
    Unit get(@PathVariable String code) {
        return directory.get(code);
    }

    @GetMapping("/{code}/children")
    List<Unit> children(@PathVariable String code) {
        return directory.children(code);
    }

    @GetMapping("/{code}/subtree")
    UnitTreeNode subtree(@PathVariable String code) {
        return UnitTreeNode.of(directory.get(code), directory.descendants(code));
    }
}
