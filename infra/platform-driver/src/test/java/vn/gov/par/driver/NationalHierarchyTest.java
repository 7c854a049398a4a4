package vn.gov.par.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NationalHierarchyTest {

    @Test
    void twoTierHasTheNationsProvincesCommunesAndAgenciesUnderOneCentre() {
        NationalHierarchy nation = NationalHierarchy.twoTier(1.0);

        assertThat(nation.provinces()).isEqualTo(34);
        assertThat(nation.communes()).isEqualTo(3321);
        assertThat(nation.agencies()).isEqualTo(34 * 20);
        assertThat(nation.units()).isEqualTo(1 + 34 + 3321 + 680);
        assertThat(levels(nation)).containsExactlyInAnyOrder("CENTRAL", "PROVINCE", "COMMUNE");
        assertEveryParentComesFirst(nation);
    }

    @Test
    void threeTierPutsCommunesUnderDistrictsAndOfficesBesideThem() {
        NationalHierarchy nation = NationalHierarchy.threeTier(1.0);

        assertThat(nation.districts()).isEqualTo(700);
        assertThat(nation.communes()).isEqualTo(10_000);
        assertThat(nation.rows()).filteredOn(r -> r.contains(",COMMUNE,")).allMatch(r -> r.matches(".*,T\\d\\d-H\\d{3}$"));
        assertThat(levels(nation)).containsExactlyInAnyOrder("CENTRAL", "PROVINCE", "DISTRICT", "COMMUNE");
        assertEveryParentComesFirst(nation);
    }

    @Test
    void aScaledNationKeepsAtLeastOneOfEachTier() {
        NationalHierarchy small = NationalHierarchy.threeTier(0.001);

        assertThat(small.provinces()).isEqualTo(1);
        assertThat(small.districts()).isEqualTo(1);
        assertThat(small.communes()).isEqualTo(10);
        assertEveryParentComesFirst(small);
    }

    private static Set<String> levels(NationalHierarchy nation) {
        Set<String> levels = new HashSet<>();
        nation.rows().stream().skip(1).forEach(r -> levels.add(r.split(",")[2]));
        return levels;
    }

    /** plan-service takes a file in any order, but codes must be unique and every parent must exist. */
    private static void assertEveryParentComesFirst(NationalHierarchy nation) {
        Set<String> seen = new HashSet<>();
        List<String> rows = nation.rows().subList(1, nation.rows().size());
        for (String row : rows) {
            String[] cells = row.split(",", -1);
            assertThat(cells).hasSize(5);
            assertThat(cells[4].isEmpty() || seen.contains(cells[4])).as("parent of %s", cells[0]).isTrue();
            assertThat(seen.add(cells[0])).as("unique code %s", cells[0]).isTrue();
        }
    }
}
