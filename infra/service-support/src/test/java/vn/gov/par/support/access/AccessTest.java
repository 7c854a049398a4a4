package vn.gov.par.support.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The rules on a small piece of Bình Phước: the centre, the province, two districts, a commune of Hớn Quản. */
class AccessTest {

    private static final Map<String, List<String>> ANCESTORS = new LinkedHashMap<>(Map.of(
            "TW", List.of(), "70", List.of("TW"), "694", List.of("TW", "70"), "691", List.of("TW", "70"), "25327", List.of("TW", "70", "694")));

    private final UnitLineage directory = lineage(ANCESTORS);

    @Test
    void anOfficialSeesItsUnitAndBelowAndKnowsTheUnitsAbove() {
        Access district = access("694", Role.CAN_BO);

        assertThat(district.sees("694")).isTrue();
        assertThat(district.sees("25327")).isTrue();
        assertThat(district.sees("691")).as("a neighbour").isFalse();
        assertThat(district.sees("70")).as("its province").isFalse();
        assertThat(district.isAbove("70")).isTrue();
        assertThat(district.isAbove("691")).isFalse();
        assertThat(district.subtree()).containsExactlyInAnyOrder("694", "25327");
        assertThat(district.seesEverything()).isFalse();
        assertThat(access("TW", Role.QUAN_TRI).seesEverything()).isTrue();
    }

    @Test
    void aDirectoryWithSeveralUnitsAtTheTopHasNoHeadThatSeesEverything() {
        Map<String, List<String>> twoRoots = new LinkedHashMap<>(ANCESTORS);
        twoRoots.put("96", List.of());

        assertThat(new Access(new Official("s", "Ai đó", "TW", Set.of(Role.QUAN_TRI)), lineage(twoRoots)).seesEverything()).isFalse();
        assertThat(new Access(new Official("s", "Ai đó", "96", Set.of(Role.QUAN_TRI)), lineage(twoRoots)).seesEverything()).isFalse();
    }

    @Test
    void aChangeNeedsTheOwningUnitAndTheRoleAndALeaderIsAnOfficerToo() {
        assertThatCode(() -> access("694", Role.LANH_DAO).requireActsFor("694", Role.CAN_BO, "ghi nhận tiến độ")).doesNotThrowAnyException();
        assertRefused(() -> access("694", Role.CAN_BO).requireActsFor("694", Role.LANH_DAO, "ban hành kế hoạch"), "role-required",
                "Cần quyền lãnh đạo (LANH_DAO) để ban hành kế hoạch.");
        assertRefused(() -> access("70", Role.LANH_DAO).requireActsFor("694", Role.LANH_DAO, "ban hành kế hoạch"), "not-own-unit",
                "Chỉ lãnh đạo của đơn vị 694 mới được ban hành kế hoạch; tài khoản của bạn thuộc đơn vị 70.");
        assertRefused(() -> new Access(new Official("s", "Ai đó", null, Set.of(Role.LANH_DAO)), directory)
                .requireActsFor("694", Role.CAN_BO, "sửa dự thảo"), "no-unit", null);
    }

    @Test
    void anAdministratorKeepsItsSubtreeOnlyAndTheNationwideCalendarOnlyFromTheTop() {
        assertThatCode(() -> access("70", Role.QUAN_TRI).requireAdministers("25327", "sửa danh bạ")).doesNotThrowAnyException();
        assertRefused(() -> access("694", Role.QUAN_TRI).requireAdministers("691", "sửa danh bạ"), "outside-subtree", null);
        assertRefused(() -> access("70", Role.LANH_DAO).requireAdministers("694", "sửa danh bạ"), "role-required", null);
        assertRefused(() -> access("70", Role.QUAN_TRI).requireAdministersAll(Map.of("694-X", List.of("TW", "70", "694"), "96", List.of("TW")),
                "nhập danh mục đơn vị"), "outside-subtree", null);
        assertThatCode(() -> access("TW", Role.QUAN_TRI).requireAdministersEverything("ghi nhận ngày nghỉ bù")).doesNotThrowAnyException();
        assertRefused(() -> access("70", Role.QUAN_TRI).requireAdministersEverything("ghi nhận ngày nghỉ bù"), "outside-subtree", null);
    }

    private Access access(String unit, Role... roles) {
        return new Access(new Official("sub-" + unit, "Cán bộ " + unit, unit, Set.of(roles)), directory);
    }

    private static void assertRefused(Runnable change, String code, String message) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(AccessRefusedException.class, refused -> {
            assertThat(refused.code()).isEqualTo(code);
            if (message != null) {
                assertThat(refused.getMessage()).isEqualTo(message);
            }
        });
    }

    private static UnitLineage lineage(Map<String, List<String>> ancestors) {
        return new UnitLineage() {
            @Override
            public Optional<List<String>> ancestorsOf(String unitCode) {
                return Optional.ofNullable(ancestors.get(unitCode));
            }

            @Override
            public boolean headsEverything(String unitCode) {
                return ancestors.containsKey(unitCode) && ancestors.get(unitCode).isEmpty()
                        && ancestors.values().stream().filter(List::isEmpty).count() == 1;
            }

            @Override
            public Set<String> subtreeOf(String unitCode) {
                return ancestors.entrySet().stream().filter(unit -> unit.getKey().equals(unitCode) || unit.getValue().contains(unitCode))
                        .map(Map.Entry::getKey).collect(Collectors.toSet());
            }
        };
    }
}
