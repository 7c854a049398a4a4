package vn.gov.par.support.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import vn.gov.par.support.directory.KnownUnit;

/**
 * Every assignee phrase of the real plans, and the forms other plans use, resolved against a directory like the issuer's
 * (the table: {@code assignment/assignee-phrases.psv}). Each plan row must be written in that plan as it stands.
 */
class AssigneePhrasesTest {

    private static final Path PLANS = Path.of("..", "..", "..", "shared", "plans");

    private static final KnownUnit BINH_PHUOC = government("70", "UBND tỉnh Bình Phước", "PROVINCE", null);
    private static final KnownUnit HON_QUAN = government("694", "UBND huyện Hớn Quản", "DISTRICT", "70");
    private static final List<KnownUnit> HON_QUAN_AGENCIES = List.of(
            agency("694-PVHTT", "Phòng Văn hóa - Thông tin huyện Hớn Quản", HON_QUAN), agency("694-PNV", "Phòng Nội vụ huyện Hớn Quản", HON_QUAN),
            agency("694-VP", "Văn phòng HĐND và UBND huyện Hớn Quản", HON_QUAN),
            agency("694-PTCKH", "Phòng Tài chính - Kế hoạch huyện Hớn Quản", HON_QUAN), agency("694-PTP", "Phòng Tư pháp huyện Hớn Quản", HON_QUAN),
            agency("694-PGDDT", "Phòng Giáo dục và Đào tạo huyện Hớn Quản", HON_QUAN),
            agency("694-DTTTH", "Đài Truyền thanh - Truyền hình huyện Hớn Quản", HON_QUAN),
            agency("694-TTVHTT", "Trung tâm Văn hóa - Thể thao huyện Hớn Quản", HON_QUAN));
    private static final List<KnownUnit> HON_QUAN_COMMUNES = List.of(government("25357", "UBND thị trấn Tân Khai", "COMMUNE", "694"),
            government("25327", "UBND xã Thanh An", "COMMUNE", "694"));

    private static final KnownUnit DONG_HOA = government("DH", "UBND thị xã Đông Hòa", "DISTRICT", "PY");
    private static final List<KnownUnit> DONG_HOA_AGENCIES = List.of(agency("DH-PNV", "Phòng Nội vụ thị xã Đông Hòa", DONG_HOA),
            agency("DH-PVHTT", "Phòng Văn hóa và Thông tin thị xã Đông Hòa", DONG_HOA),
            agency("DH-VP", "Văn phòng HĐND và UBND thị xã Đông Hòa", DONG_HOA),
            agency("DH-PTCKH", "Phòng Tài chính - Kế hoạch thị xã Đông Hòa", DONG_HOA), agency("DH-PTP", "Phòng Tư pháp thị xã Đông Hòa", DONG_HOA),
            agency("DH-TTVH", "Trung tâm Văn hóa - Thể thao và Truyền thanh thị xã Đông Hòa", DONG_HOA));
    private static final List<KnownUnit> DONG_HOA_COMMUNES = List.of(government("DH-HV", "UBND phường Hòa Vinh", "COMMUNE", "DH"),
            government("DH-HTD", "UBND xã Hòa Tân Đông", "COMMUNE", "DH"));

    private static final KnownUnit DUONG_QUAN = government("DQ", "UBND xã Dương Quan", "COMMUNE", "TN");

    private static final List<KnownUnit> BINH_PHUOC_SUBTREE = concat(List.of(BINH_PHUOC, agency("70-SNV", "Sở Nội vụ tỉnh Bình Phước", BINH_PHUOC),
            agency("70-STTTT", "Sở Thông tin và Truyền thông tỉnh Bình Phước", BINH_PHUOC), agency("70-VP", "Văn phòng UBND tỉnh Bình Phước", BINH_PHUOC),
            HON_QUAN, government("689", "UBND thị xã Bình Long", "DISTRICT", "70"), government("688", "UBND thành phố Đồng Xoài", "DISTRICT", "70")),
            HON_QUAN_AGENCIES, HON_QUAN_COMMUNES);

    private static final Map<String, List<KnownUnit>> SUBTREES = Map.of(
            "70", BINH_PHUOC_SUBTREE,
            "694", concat(List.of(HON_QUAN), HON_QUAN_AGENCIES, HON_QUAN_COMMUNES),
            "DH", concat(List.of(DONG_HOA), DONG_HOA_AGENCIES, DONG_HOA_COMMUNES),
            "DQ", List.of(DUONG_QUAN));

    /** Shorthands in the table's expected column for every agency of an issuer. */
    private static final Map<String, List<KnownUnit>> SHORTHANDS = Map.of("694-AGENCIES", HON_QUAN_AGENCIES, "DH-AGENCIES", DONG_HOA_AGENCIES);

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvFileSource(resources = "/assignment/assignee-phrases.psv", delimiter = '|', nullValues = "")
    void everyPhraseRealPlansWriteNamesTheUnitsItMeans(String writtenIn, String issuerCode, String phrase, String expectedUnits,
            String leftForAPerson) throws IOException {
        if (!writtenIn.startsWith("issue-")) {
            String plan = Files.readString(PLANS.resolve(writtenIn), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
            assertThat(plan).as("the plan writes it so (lines joined)").contains(phrase);
        }
        List<KnownUnit> subtree = SUBTREES.get(issuerCode);
        KnownUnit issuer = subtree.stream().filter(u -> u.code().equals(issuerCode)).findFirst().orElseThrow();

        Assignees assignees = new AssigneeResolver(issuer, subtree).resolve(phrase);

        assertThat(assignees.units()).extracting(KnownUnit::code).containsExactlyInAnyOrderElementsOf(codes(expectedUnits));
        assertThat(assignees.unmatched()).as("kept for a person to see")
                .containsExactlyElementsOf(leftForAPerson == null ? List.of() : List.of(leftForAPerson.split(";")));
        assertThat(assignees.emptyGroups()).as("no group it names is empty").isEmpty();
    }

    private static List<String> codes(String expected) {
        List<String> codes = new ArrayList<>();
        if (expected != null) {
            for (String token : expected.split(" ")) {
                codes.addAll(SHORTHANDS.containsKey(token) ? SHORTHANDS.get(token).stream().map(KnownUnit::code).toList() : List.of(token));
            }
        }
        return codes;
    }

    private static KnownUnit government(String code, String name, String level, String parentCode) {
        return new KnownUnit(code, name, level, "GOVERNMENT", parentCode, "70", parentCode == null ? List.of() : List.of(parentCode), null, null, null);
    }

    private static KnownUnit agency(String code, String name, KnownUnit government) {
        return new KnownUnit(code, name, government.level(), "AGENCY", government.code(), "70", List.of(government.code()), null, null, null);
    }

    @SafeVarargs
    private static List<KnownUnit> concat(List<KnownUnit>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
