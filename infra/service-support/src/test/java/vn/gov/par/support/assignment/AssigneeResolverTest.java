package vn.gov.par.support.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.gov.par.support.directory.KnownUnit;

class AssigneeResolverTest {

    private static final KnownUnit HON_QUAN = new KnownUnit("694", "UBND huyện Hớn Quản", "DISTRICT", "GOVERNMENT", "70", "70", List.of("70"), null, null, null);
    private static final KnownUnit NOI_VU = agency("694-PNV", "Phòng Nội vụ huyện Hớn Quản");
    private static final KnownUnit VAN_PHONG = agency("694-VP", "Văn phòng HĐND và UBND huyện Hớn Quản");

    @Test
    void theOfficeOfTheCouncilAndCommitteeIsThatOfficeWhetherWrittenWithAmpersandOrVa() {
        AssigneeResolver resolver = new AssigneeResolver(HON_QUAN, List.of(HON_QUAN, NOI_VU, VAN_PHONG));

        assertThat(codes(resolver.resolve("Văn phòng HĐND&UBND huyện, Phòng Nội vụ"))).containsExactlyInAnyOrder("694-VP", "694-PNV");
        assertThat(codes(resolver.resolve("Văn phòng HĐND và UBND huyện"))).containsExactly("694-VP");
    }

    @Test
    void anOfficeNotYetInTheDirectoryIsLeftUnmatchedNotGivenToTheIssuerWhoseNameItContains() {
        AssigneeResolver resolver = new AssigneeResolver(HON_QUAN, List.of(HON_QUAN, NOI_VU));

        Assignees assignees = resolver.resolve("Văn phòng HĐND&UBND huyện, Phòng Nội vụ");

        assertThat(codes(assignees)).containsExactly("694-PNV");
        assertThat(assignees.unmatched()).as("kept for a person to see").containsExactly("van phong hdnd", "ubnd huyen");
    }

    @Test
    void theIssuerNamedOnItsOwnIsStillTheIssuer() {
        AssigneeResolver resolver = new AssigneeResolver(HON_QUAN, List.of(HON_QUAN, NOI_VU));

        assertThat(codes(resolver.resolve("UBND huyện, Phòng Nội vụ"))).containsExactlyInAnyOrder("694", "694-PNV");
    }

    @Test
    void aRetiredUnitIsNamedByNoTextAndFillsNoGroup() {
        KnownUnit merged = commune("25999", "UBND xã Tân Hiệp").retired(java.time.LocalDate.of(2025, 7, 1), "26001");
        KnownUnit successor = commune("26001", "UBND xã Tân Khai");
        AssigneeResolver resolver = new AssigneeResolver(HON_QUAN, List.of(HON_QUAN, NOI_VU, merged, successor));

        assertThat(codes(resolver.resolve("UBND các xã, thị trấn"))).containsExactly("26001");
        Assignees byName = resolver.resolve("UBND xã Tân Hiệp");
        assertThat(byName.units()).isEmpty();
        assertThat(byName.leavesSomethingUnresolved()).as("shown to the issuer as naming nobody").isTrue();
    }

    private static KnownUnit commune(String code, String name) {
        return new KnownUnit(code, name, "COMMUNE", "GOVERNMENT", "694", "70", List.of("70", "694"), null, null, null);
    }

    private static KnownUnit agency(String code, String name) {
        return new KnownUnit(code, name, "DISTRICT", "AGENCY", "694", "70", List.of("70", "694"), null, null, null);
    }

    private static List<String> codes(Assignees assignees) {
        List<String> codes = new ArrayList<>();
        assignees.units().forEach(u -> codes.add(u.code()));
        return codes;
    }
}
