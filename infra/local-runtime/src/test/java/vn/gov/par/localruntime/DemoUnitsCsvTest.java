package vn.gov.par.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoUnitsCsvTest {

    enum Level { CENTRAL, PROVINCE, DISTRICT, COMMUNE }

    enum Kind { GOVERNMENT, AGENCY }

    record Unit(String code, String name, Level level, Kind kind, String parentCode) {
        boolean isRoot() {
            return parentCode.isEmpty();
        }
    }

    private final List<String> lines = new String(DemoUnits.csv(), StandardCharsets.UTF_8).lines().toList();
    private final List<Unit> units = lines.stream().skip(1).map(DemoUnitsCsvTest::parse).toList();
    private final Map<String, Unit> byCode = units.stream()
            .collect(Collectors.toMap(Unit::code, unit -> unit, (first, duplicate) -> first));

    private static Unit parse(String line) {
        String[] fields = line.split(",", -1);
        assertThat(fields).as("fields of %s", line).hasSize(5);
        return new Unit(fields[0], fields[1], Level.valueOf(fields[2]), Kind.valueOf(fields[3]), fields[4]);
    }

    @Test
    void hasTheHeaderPlanServiceImports() {
        assertThat(lines.get(0)).isEqualTo("code,name,level,kind,parentCode");
    }

    @Test
    void namesAreNonBlankComposedUnicode() {
        // Decomposed diacritics look identical but compare and search differently.
        assertThat(units).allSatisfy(unit -> {
            assertThat(unit.name()).isNotBlank();
            assertThat(Normalizer.isNormalized(unit.name(), Normalizer.Form.NFC)).as(unit.name()).isTrue();
        });
    }

    @Test
    void everyParentIsAGovernmentUnitListedBeforeItsChildren() {
        List<String> codesInOrder = units.stream().map(Unit::code).toList();
        assertThat(units).filteredOn(unit -> !unit.isRoot()).allSatisfy(unit -> {
            Unit parent = byCode.get(unit.parentCode());
            assertThat(parent).as("parent of %s", unit.code()).isNotNull();
            assertThat(parent.kind()).as("parent of %s", unit.code()).isEqualTo(Kind.GOVERNMENT);
            assertThat(codesInOrder.indexOf(parent.code())).isLessThan(codesInOrder.indexOf(unit.code()));
        });
        assertThat(units).filteredOn(Unit::isRoot).extracting(Unit::kind).containsOnly(Kind.GOVERNMENT);
    }

    @Test
    void agenciesSitAtTheirGovernmentsLevel() {
        assertThat(units).filteredOn(unit -> unit.kind() == Kind.AGENCY).allSatisfy(agency ->
                assertThat(agency.level()).as(agency.code()).isEqualTo(byCode.get(agency.parentCode()).level()));
    }

    @Test
    void governmentUnitsAreStrictlyBelowTheirParents() {
        assertThat(units).filteredOn(unit -> unit.kind() == Kind.GOVERNMENT && !unit.isRoot()).allSatisfy(unit ->
                assertThat(unit.level()).as(unit.code()).isGreaterThan(byCode.get(unit.parentCode()).level()));
    }

    @Test
    void containsAThreeTierAndATwoTierProvince() {
        assertThat(provincesWhoseCommunesHang(Level.DISTRICT)).as("three-tier provinces").isNotEmpty();
        assertThat(provincesWhoseCommunesHang(Level.PROVINCE)).as("two-tier provinces").isNotEmpty();
    }

    /** Provinces all of whose communes hang directly below a government unit of the given level. */
    private List<String> provincesWhoseCommunesHang(Level communeParentLevel) {
        return units.stream()
                .filter(unit -> unit.level() == Level.PROVINCE && unit.kind() == Kind.GOVERNMENT)
                .filter(province -> {
                    List<Unit> communes = units.stream()
                            .filter(unit -> unit.level() == Level.COMMUNE && unit.kind() == Kind.GOVERNMENT)
                            .filter(commune -> province.equals(provinceOf(commune)))
                            .toList();
                    return !communes.isEmpty() && communes.stream()
                            .allMatch(commune -> byCode.get(commune.parentCode()).level() == communeParentLevel);
                })
                .map(Unit::code)
                .toList();
    }

    private Unit provinceOf(Unit unit) {
        Unit current = unit;
        while (current != null && current.level() != Level.PROVINCE) {
            current = byCode.get(current.parentCode());
        }
        return current;
    }

    @Test
    void codesAreUniqueAndReadable() {
        assertThat(units).extracting(Unit::code)
                .doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[0-9A-Z]+(-[0-9A-Z]+)?"));
    }
}
