package vn.gov.par.plan.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The import rules of the units directory, checked on rows shaped like the real hierarchies of Bình Phước (three-tier,
 * before 1 July 2025) and Khánh Hòa (two-tier).
 */
class HierarchyValidatorTest {

    private static final Map<String, Unit> NONE = Map.of();

    // ---------------------------------------------------------------------------------------------------------------
    // Valid imports

    @Test
    void threeTierImportResolvesAncestorsAndProvinceForEveryUnit() {
        List<UnitRow> rows = List.of(
                row(1, "70", "UBND tỉnh Bình Phước", "PROVINCE", "GOVERNMENT", ""),
                row(2, "70-SNV", "Sở Nội vụ tỉnh Bình Phước", "PROVINCE", "AGENCY", "70"),
                row(3, "694", "UBND huyện Hớn Quản", "DISTRICT", "GOVERNMENT", "70"),
                row(4, "694-PNV", "Phòng Nội vụ huyện Hớn Quản", "DISTRICT", "AGENCY", "694"),
                row(5, "25320", "UBND thị trấn Tân Khai", "COMMUNE", "GOVERNMENT", "694"),
                row(6, "25323", "UBND xã Thanh An", "COMMUNE", "GOVERNMENT", "694"),
                row(7, "691", "UBND huyện Lộc Ninh", "DISTRICT", "GOVERNMENT", "70"),
                row(8, "25219", "UBND xã Lộc Hòa", "COMMUNE", "GOVERNMENT", "691"));

        HierarchyValidator.Result result = HierarchyValidator.validate(rows, NONE);

        assertThat(result.errors()).isEmpty();
        assertThat(result.isValid()).isTrue();
        assertThat(result.units()).containsExactlyInAnyOrder(
                new Unit("70", "UBND tỉnh Bình Phước", UnitLevel.PROVINCE, UnitKind.GOVERNMENT, null, "70", List.of(), null, null),
                new Unit("70-SNV", "Sở Nội vụ tỉnh Bình Phước", UnitLevel.PROVINCE, UnitKind.AGENCY, "70", "70", List.of("70"), null, null),
                new Unit("694", "UBND huyện Hớn Quản", UnitLevel.DISTRICT, UnitKind.GOVERNMENT, "70", "70", List.of("70"), null, null),
                new Unit("694-PNV", "Phòng Nội vụ huyện Hớn Quản", UnitLevel.DISTRICT, UnitKind.AGENCY, "694", "70", List.of("70", "694"), null, null),
                new Unit("25320", "UBND thị trấn Tân Khai", UnitLevel.COMMUNE, UnitKind.GOVERNMENT, "694", "70", List.of("70", "694"), null, null),
                new Unit("25323", "UBND xã Thanh An", UnitLevel.COMMUNE, UnitKind.GOVERNMENT, "694", "70", List.of("70", "694"), null, null),
                new Unit("691", "UBND huyện Lộc Ninh", UnitLevel.DISTRICT, UnitKind.GOVERNMENT, "70", "70", List.of("70"), null, null),
                new Unit("25219", "UBND xã Lộc Hòa", UnitLevel.COMMUNE, UnitKind.GOVERNMENT, "691", "70", List.of("70", "691"), null, null));
    }

    @Test
    void twoTierImportResolvesCommunesDirectlyUnderTheProvince() {
        List<UnitRow> rows = List.of(
                row(1, "56", "UBND tỉnh Khánh Hòa", "PROVINCE", "GOVERNMENT", ""),
                row(2, "56-SNV", "Sở Nội vụ tỉnh Khánh Hòa", "PROVINCE", "AGENCY", "56"),
                row(3, "22333", "UBND phường Nha Trang", "COMMUNE", "GOVERNMENT", "56"),
                row(4, "22366", "UBND xã Cam Lâm", "COMMUNE", "GOVERNMENT", "56"));

        HierarchyValidator.Result result = HierarchyValidator.validate(rows, NONE);

        assertThat(result.errors()).isEmpty();
        assertThat(result.units()).containsExactlyInAnyOrder(
                new Unit("56", "UBND tỉnh Khánh Hòa", UnitLevel.PROVINCE, UnitKind.GOVERNMENT, null, "56", List.of(), null, null),
                new Unit("56-SNV", "Sở Nội vụ tỉnh Khánh Hòa", UnitLevel.PROVINCE, UnitKind.AGENCY, "56", "56", List.of("56"), null, null),
                new Unit("22333", "UBND phường Nha Trang", UnitLevel.COMMUNE, UnitKind.GOVERNMENT, "56", "56", List.of("56"), null, null),
                new Unit("22366", "UBND xã Cam Lâm", UnitLevel.COMMUNE, UnitKind.GOVERNMENT, "56", "56", List.of("56"), null, null));
    }

    /** A Sở is attached to the provincial People's Committee: it belongs to that province, like every unit below it. */
    @Test
    void provincialAgencyBelongsToItsProvinceNotToItself() {
        List<UnitRow> rows = List.of(
                row(1, "70", "UBND tỉnh Bình Phước", "PROVINCE", "GOVERNMENT", ""),
                row(2, "70-STTTT", "Sở Thông tin và Truyền thông tỉnh Bình Phước", "PROVINCE", "AGENCY", "70"));

        Unit agency = byCode(HierarchyValidator.validate(rows, NONE).units()).get("70-STTTT");

        assertThat(agency.ancestorCodes()).containsExactly("70");
        assertThat(agency.provinceCode()).isEqualTo("70");
    }

    @Test
    void rowsMayListChildrenBeforeTheirParents() {
        List<UnitRow> rows = List.of(
                row(1, "25323", "UBND xã Thanh An", "COMMUNE", "GOVERNMENT", "694"),
                row(2, "694", "UBND huyện Hớn Quản", "DISTRICT", "GOVERNMENT", "70"),
                row(3, "70", "UBND tỉnh Bình Phước", "PROVINCE", "GOVERNMENT", ""));

        HierarchyValidator.Result result = HierarchyValidator.validate(rows, NONE);

        assertThat(result.errors()).isEmpty();
        Unit commune = byCode(result.units()).get("25323");
        assertThat(commune.ancestorCodes()).containsExactly("70", "694");
        assertThat(commune.provinceCode()).isEqualTo("70");
    }

    @Test
    void parentsMayBeExistingUnitsNotInTheFile() {
        Map<String, Unit> existing = units(
                new Unit("70", "UBND tỉnh Bình Phước", UnitLevel.PROVINCE, UnitKind.GOVERNMENT, null, "70", List.of(), null, null),
                new Unit("694", "UBND huyện Hớn Quản", UnitLevel.DISTRICT, UnitKind.GOVERNMENT, "70", "70", List.of("70"), null, null));
        List<UnitRow> rows = List.of(
                row(1, "25326", "UBND xã An Khương", "COMMUNE", "GOVERNMENT", "694"),
                row(2, "694-PVHTT", "Phòng Văn hóa - Thông tin huyện Hớn Quản", "DISTRICT", "AGENCY", "694"),
                row(3, "697", "UBND huyện Bù Đăng", "DISTRICT", "GOVERNMENT", "70"));

        HierarchyValidator.Result result = HierarchyValidator.validate(rows, existing);

        assertThat(result.errors()).isEmpty();
        assertThat(result.units()).containsExactlyInAnyOrder(
                new Unit("25326", "UBND xã An Khương", UnitLevel.COMMUNE, UnitKind.GOVERNMENT, "694", "70", List.of("70", "694"), null, null),
                new Unit("694-PVHTT", "Phòng Văn hóa - Thông tin huyện Hớn Quản", UnitLevel.DISTRICT, UnitKind.AGENCY, "694", "70",
                        List.of("70", "694"), null, null),
                new Unit("697", "UBND huyện Bù Đăng", UnitLevel.DISTRICT, UnitKind.GOVERNMENT, "70", "70", List.of("70"), null, null));
    }

    @Test
    void reimportingRowsIdenticalToExistingUnitsYieldsTheSameUnits() {
        Map<String, Unit> existing = units(
                new Unit("70", "UBND tỉnh Bình Phước", UnitLevel.PROVINCE, UnitKind.GOVERNMENT, null, "70", List.of(), null, null),
                new Unit("694", "UBND huyện Hớn Quản", UnitLevel.DISTRICT, UnitKind.GOVERNMENT, "70", "70", List.of("70"), null, null),
                new Unit("694-PNV", "Phòng Nội vụ huyện Hớn Quản", UnitLevel.DISTRICT, UnitKind.AGENCY, "694", "70", List.of("70", "694"), null, null),
                new Unit("25320", "UBND thị trấn Tân Khai", UnitLevel.COMMUNE, UnitKind.GOVERNMENT, "694", "70", List.of("70", "694"), null, null));
        List<UnitRow> rows = List.of(
                row(1, "70", "UBND tỉnh Bình Phước", "PROVINCE", "GOVERNMENT", ""),
                row(2, "694", "UBND huyện Hớn Quản", "DISTRICT", "GOVERNMENT", "70"),
                row(3, "694-PNV", "Phòng Nội vụ huyện Hớn Quản", "DISTRICT", "AGENCY", "694"),
                row(4, "25320", "UBND thị trấn Tân Khai", "COMMUNE", "GOVERNMENT", "694"));

        HierarchyValidator.Result result = HierarchyValidator.validate(rows, existing);

        assertThat(result.errors()).isEmpty();
        assertThat(result.units()).containsExactlyInAnyOrderElementsOf(existing.values());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // One rule per case

    /** A valid three-tier base the bad rows are added to (rows 1-4). */
    private static List<UnitRow> base() {
        return List.of(
                row(1, "70", "UBND tỉnh Bình Phước", "PROVINCE", "GOVERNMENT", ""),
                row(2, "70-SNV", "Sở Nội vụ tỉnh Bình Phước", "PROVINCE", "AGENCY", "70"),
                row(3, "694", "UBND huyện Hớn Quản", "DISTRICT", "GOVERNMENT", "70"),
                row(4, "25320", "UBND thị trấn Tân Khai", "COMMUNE", "GOVERNMENT", "694"));
    }

    private static List<UnitRow> basePlus(UnitRow... more) {
        List<UnitRow> rows = new ArrayList<>(base());
        rows.addAll(List.of(more));
        return rows;
    }

    /**
     * @param badRows every row expected to be reported (a cycle makes all its members bad)
     * @param row     the row whose error is checked
     */
    private static Arguments rule(String name, List<UnitRow> rows, Map<String, Unit> existing, Set<Integer> badRows, int row, String field,
            String... messageParts) {
        return Arguments.of(name, rows, existing, badRows, row, field, messageParts);
    }

    static Stream<Arguments> brokenRules() {
        Map<String, Unit> storedProvinces = units(
                new Unit("70", "UBND tỉnh Bình Phước", UnitLevel.PROVINCE, UnitKind.GOVERNMENT, null, "70", List.of(), null, null),
                new Unit("71", "UBND tỉnh Bình Dương", UnitLevel.PROVINCE, UnitKind.GOVERNMENT, null, "71", List.of(), null, null),
                new Unit("694", "UBND huyện Hớn Quản", UnitLevel.DISTRICT, UnitKind.GOVERNMENT, "70", "70", List.of("70"), null, null));
        return Stream.of(
                rule("thiếu mã", basePlus(row(5, "", "UBND xã Thanh An", "COMMUNE", "GOVERNMENT", "694")), NONE,
                        Set.of(5), 5, "code", "Thiếu trường bắt buộc", "'code'"),
                rule("mã không theo mẫu", basePlus(row(5, "XÃ THANH AN/1", "UBND xã Thanh An", "COMMUNE", "GOVERNMENT", "694")), NONE,
                        Set.of(5), 5, "code", "'XÃ THANH AN/1'", "không có khoảng trắng"),
                rule("thiếu tên", basePlus(row(5, "25323", "  ", "COMMUNE", "GOVERNMENT", "694")), NONE,
                        Set.of(5), 5, "name", "Thiếu trường bắt buộc", "'name'"),
                rule("thiếu cấp", basePlus(row(5, "25323", "UBND xã Thanh An", null, "GOVERNMENT", "694")), NONE,
                        Set.of(5), 5, "level", "Thiếu trường bắt buộc", "'level'"),
                rule("thiếu loại", basePlus(row(5, "25323", "UBND xã Thanh An", "COMMUNE", "", "694")), NONE,
                        Set.of(5), 5, "kind", "Thiếu trường bắt buộc", "'kind'"),
                rule("cấp không hợp lệ", basePlus(row(5, "25323", "UBND xã Thanh An", "XA", "GOVERNMENT", "694")), NONE,
                        Set.of(5), 5, "level", "'XA'", "không hợp lệ", "COMMUNE"),
                rule("loại không hợp lệ", basePlus(row(5, "694-PNV", "Phòng Nội vụ huyện Hớn Quản", "DISTRICT", "PHONG", "694")), NONE,
                        Set.of(5), 5, "kind", "'PHONG'", "không hợp lệ", "AGENCY"),
                rule("mã trùng trong tệp", List.of(
                        row(1, "70", "UBND tỉnh Bình Phước", "PROVINCE", "GOVERNMENT", ""),
                        row(2, "694", "UBND huyện Hớn Quản", "DISTRICT", "GOVERNMENT", "70"),
                        row(3, "25320", "UBND thị trấn Tân Khai", "COMMUNE", "GOVERNMENT", "694"),
                        row(4, "694", "UBND huyện Lộc Ninh", "DISTRICT", "GOVERNMENT", "70")), NONE,
                        Set.of(4), 4, "code", "'694'", "trùng", "dòng 2"),
                rule("đơn vị cha không tồn tại", basePlus(row(5, "25216", "UBND thị trấn Lộc Ninh", "COMMUNE", "GOVERNMENT", "691")), NONE,
                        Set.of(5), 5, "parentCode", "'691'", "không tồn tại"),
                rule("vòng lặp giữa hai đơn vị hành chính", basePlus(
                        row(5, "691", "UBND huyện Lộc Ninh", "DISTRICT", "GOVERNMENT", "697"),
                        row(6, "697", "UBND huyện Bù Đăng", "DISTRICT", "GOVERNMENT", "691")), NONE,
                        Set.of(5, 6), 5, "parentCode", "vòng lặp", "691", "697"),
                rule("vòng lặp giữa hai cơ quan", basePlus(
                        row(5, "70-STTTT", "Sở Thông tin và Truyền thông tỉnh Bình Phước", "PROVINCE", "AGENCY", "70-SVHTTDL"),
                        row(6, "70-SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch tỉnh Bình Phước", "PROVINCE", "AGENCY", "70-STTTT")), NONE,
                        Set.of(5, 6), 6, "parentCode", "vòng lặp", "70-STTTT", "70-SVHTTDL"),
                rule("cơ quan có đơn vị trực thuộc", basePlus(
                        row(5, "70-SNV-BTĐKT", "Ban Thi đua - Khen thưởng", "PROVINCE", "AGENCY", "70-SNV")), NONE,
                        Set.of(5), 5, "parentCode", "'70-SNV'", "là cơ quan"),
                rule("đơn vị hành chính trực thuộc cơ quan", basePlus(
                        row(5, "25323", "UBND xã Thanh An", "COMMUNE", "GOVERNMENT", "70-SNV")), NONE,
                        Set.of(5), 5, "parentCode", "'70-SNV'", "là cơ quan"),
                rule("cấp xã trên cấp huyện", basePlus(
                        row(5, "691", "UBND huyện Lộc Ninh", "DISTRICT", "GOVERNMENT", "25320")), NONE,
                        Set.of(5), 5, "level", "cấp huyện", "'691'", "không thể trực thuộc", "cấp xã", "'25320'"),
                rule("hai đơn vị cùng cấp", basePlus(
                        row(5, "691", "UBND huyện Lộc Ninh", "DISTRICT", "GOVERNMENT", "694")), NONE,
                        Set.of(5), 5, "level", "'691'", "không thể trực thuộc", "'694'"),
                rule("cơ quan khác cấp đơn vị chủ quản", basePlus(
                        row(5, "694-PNV", "Phòng Nội vụ huyện Hớn Quản", "PROVINCE", "AGENCY", "694")), NONE,
                        Set.of(5), 5, "level", "'694-PNV'", "cùng cấp", "'694'", "cấp huyện"),
                rule("cơ quan không có đơn vị chủ quản", basePlus(
                        row(5, "SNV", "Sở Nội vụ", "PROVINCE", "AGENCY", "")), NONE,
                        Set.of(5), 5, "parentCode", "'SNV'", "phải trực thuộc"),
                rule("chuyển đơn vị đã có sang đơn vị cha khác", List.of(
                        row(1, "694", "UBND huyện Hớn Quản", "DISTRICT", "GOVERNMENT", "71")), storedProvinces,
                        Set.of(1), 1, "parentCode", "'694'", "'70'", "chuyển"),
                rule("bỏ đơn vị cha của đơn vị đã có", List.of(
                        row(1, "694", "UBND huyện Hớn Quản", "DISTRICT", "GOVERNMENT", "")), storedProvinces,
                        Set.of(1), 1, "parentCode", "'694'", "'70'", "chuyển"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void reportsTheBrokenRuleOnItsRow(String name, List<UnitRow> rows, Map<String, Unit> existing, Set<Integer> badRows, int row,
            String field, String[] messageParts) {
        HierarchyValidator.Result result = HierarchyValidator.validate(rows, existing);

        assertThat(result.isValid()).isFalse();
        assertThat(result.units()).as("nothing is imported from a bad file").isEmpty();
        assertThat(result.errors()).extracting(ImportRowError::row).as("only the bad rows are reported").allMatch(badRows::contains);
        UnitRow bad = rows.stream().filter(r -> r.row() == row).findFirst().orElseThrow();
        assertThat(result.errors())
                .filteredOn(e -> e.row() == row && e.field().equals(field))
                .as("error on row %d, field %s", row, field)
                .anySatisfy(e -> {
                    assertThat(e.code()).isEqualTo(bad.code());
                    assertThat(e.message()).contains(messageParts);
                });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Several problems at once

    @Test
    void reportsEveryBadRowSortedByRowNotJustTheFirst() {
        List<UnitRow> rows = List.of(
                row(1, "70", "UBND tỉnh Bình Phước", "PROVINCE", "GOVERNMENT", ""),
                row(2, "25216", "UBND thị trấn Lộc Ninh", "COMMUNE", "GOVERNMENT", "691"),
                row(3, "694", "UBND huyện Hớn Quản", "DISTRICT", "GOVERNMENT", "70"),
                row(4, "SNV", "Sở Nội vụ", "PROVINCE", "AGENCY", ""),
                row(5, "25320", "", "COMMUNE", "GOVERNMENT", "694"),
                row(6, "694", "UBND huyện Hớn Quản", "DISTRICT", "GOVERNMENT", "70"),
                row(7, "25323", "UBND xã Thanh An", "XA", "GOVERNMENT", "694"));

        HierarchyValidator.Result result = HierarchyValidator.validate(rows, NONE);

        assertThat(result.units()).isEmpty();
        assertThat(result.errors())
                .extracting(ImportRowError::row, ImportRowError::code, ImportRowError::field)
                .containsExactly(
                        tuple(2, "25216", "parentCode"),
                        tuple(4, "SNV", "parentCode"),
                        tuple(5, "25320", "name"),
                        tuple(6, "694", "code"),
                        tuple(7, "25323", "level"));
    }

    @Test
    void aRowMissingSeveralFieldsReportsEachField() {
        List<UnitRow> rows = List.of(row(1, "70", "", "", "", ""));

        HierarchyValidator.Result result = HierarchyValidator.validate(rows, NONE);

        assertThat(result.errors()).extracting(ImportRowError::field).containsExactlyInAnyOrder("name", "level", "kind");
        assertThat(result.errors()).allSatisfy(e -> assertThat(e.row()).isEqualTo(1));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static UnitRow row(int row, String code, String name, String level, String kind, String parentCode) {
        return new UnitRow(row, code, name, level, kind, parentCode, null);
    }

    private static Map<String, Unit> units(Unit... units) {
        Map<String, Unit> map = new LinkedHashMap<>();
        for (Unit unit : units) {
            map.put(unit.code(), unit);
        }
        return map;
    }

    private static Map<String, Unit> byCode(List<Unit> units) {
        return units.stream().collect(Collectors.toMap(Unit::code, Function.identity()));
    }
}
