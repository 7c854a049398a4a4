package vn.gov.par.support.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.gov.par.contracts.unit.UnitRecorded;

/**
 * The centre sees everything only while it is the one unit at the top of a service's copy of the directory: a province
 * recorded before the centre was, or with no parent, leaves nobody heading it all.
 */
class UnitDirectoryViewTest {

    @RegisterExtension
    static final InMemoryMongo STORE = new InMemoryMongo();

    @Test
    void theOneUnitAtTheTopHeadsEverythingUntilAnotherUnitStandsThereToo() {
        UnitDirectoryView units = new UnitDirectoryView(STORE.template("directory-view-test"));
        units.record(unit("96", "UBND tỉnh Cà Mau", "PROVINCE", null, List.of()));
        assertThat(units.headsEverything("96")).as("the only unit so far").isTrue();

        units.record(unit("TW", "Chính phủ", "CENTRAL", null, List.of()));
        assertThat(units.headsEverything("TW")).as("the province is still at the top too").isFalse();
        assertThat(units.headsEverything("96")).isFalse();

        units.record(unit("96", "UBND tỉnh Cà Mau", "PROVINCE", "TW", List.of("TW")));
        units.record(unit("70", "UBND tỉnh Bình Phước", "PROVINCE", "TW", List.of("TW")));
        assertThat(units.headsEverything("TW")).isTrue();
        assertThat(units.headsEverything("70")).as("a unit with a parent").isFalse();
        assertThat(units.headsEverything("99")).as("a unit not known").isFalse();
    }

    private static UnitRecorded unit(String code, String name, String level, String parentCode, List<String> ancestors) {
        return new UnitRecorded(code, name, level, "GOVERNMENT", parentCode, code, ancestors, null);
    }
}
