package vn.gov.par.plan.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import vn.gov.par.plan.plan.Activity;
import vn.gov.par.plan.unit.Unit;
import vn.gov.par.plan.unit.UnitKind;
import vn.gov.par.plan.unit.UnitLevel;

/** A province's assignees, as its plans write them, in the draft prepared for huyện Hớn Quản. */
class RetargetingTest {

    private static final Unit BINH_PHUOC = government("70", "UBND tỉnh Bình Phước", UnitLevel.PROVINCE, "TW");
    private static final List<Unit> PROVINCE_AGENCIES = List.of(agency("70-SNV", "Sở Nội vụ tỉnh Bình Phước", BINH_PHUOC),
            agency("70-SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch tỉnh Bình Phước", BINH_PHUOC),
            agency("70-STTTT", "Sở Thông tin và Truyền thông tỉnh Bình Phước", BINH_PHUOC),
            agency("70-STP", "Sở Tư pháp tỉnh Bình Phước", BINH_PHUOC),
            agency("70-DPTTH", "Đài Phát thanh - Truyền hình và Báo Bình Phước", BINH_PHUOC),
            agency("70-VP", "Văn phòng UBND tỉnh Bình Phước", BINH_PHUOC),
            agency("70-SYT", "Sở Y tế tỉnh Bình Phước", BINH_PHUOC));
    private static final Unit HON_QUAN = government("694", "UBND huyện Hớn Quản", UnitLevel.DISTRICT, "70");
    private static final List<Unit> HON_QUAN_CHILDREN = List.of(agency("694-PNV", "Phòng Nội vụ huyện Hớn Quản", HON_QUAN),
            agency("694-PVHTT", "Phòng Văn hóa - Thông tin huyện Hớn Quản", HON_QUAN),
            agency("694-PTP", "Phòng Tư pháp huyện Hớn Quản", HON_QUAN),
            agency("694-DTTTH", "Đài Truyền thanh - Truyền hình huyện Hớn Quản", HON_QUAN),
            agency("694-VP", "Văn phòng HĐND và UBND huyện Hớn Quản", HON_QUAN),
            agency("694-TTVHTT", "Trung tâm Văn hóa - Thể thao huyện Hớn Quản", HON_QUAN),
            government("25320", "UBND thị trấn Tân Khai", UnitLevel.COMMUNE, "694"), government("25323", "UBND xã Thanh An", UnitLevel.COMMUNE, "694"));

    private static final Retargeting TO_HON_QUAN = Retargeting.from(BINH_PHUOC, PROVINCE_AGENCIES).to(HON_QUAN, HON_QUAN_CHILDREN);

    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Sở Nội vụ                                             | Phòng Nội vụ huyện
            Sở Nội vụ tỉnh Bình Phước                             | Phòng Nội vụ huyện
            Sở Nội vụ tỉnh                                        | Phòng Nội vụ huyện
            Sở Văn hóa, Thể thao và Du lịch                        | Phòng Văn hóa - Thông tin huyện
            Sở Thông tin và Truyền thông, Sở Tư pháp               | Phòng Văn hóa - Thông tin huyện, Phòng Tư pháp huyện
            Đài Phát thanh - Truyền hình và Báo Bình Phước         | Đài Truyền thanh - Truyền hình huyện
            Văn phòng UBND tỉnh                                    | Văn phòng HĐND và UBND huyện
            UBND tỉnh                                              | UBND huyện
            UBND các huyện, thị xã, thành phố                      | UBND các xã, thị trấn
            UBND cấp huyện                                         | UBND các xã, thị trấn
            Các Sở, ban, ngành                                     | Các cơ quan, ban, ngành huyện
            các sở, ban, ngành và UBND các huyện                   | các cơ quan, ban, ngành huyện và UBND các xã, thị trấn
            SO NOI VU                                              | Phòng Nội vụ huyện
            Sở Y tế                                                | Sở Y tế
            Báo Bình Phước và các cơ quan, đơn vị liên quan        | Báo Bình Phước và các cơ quan, đơn vị liên quan
            Định kỳ ngày 20 hàng quý báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ). | Định kỳ ngày 20 hàng quý báo cáo kết quả về UBND huyện (qua Phòng Nội vụ huyện).
            """)
    void theProvincesNamesBecomeTheDistrictsCounterparts(String province, String district) {
        assertThat(TO_HON_QUAN.apply(province)).isEqualTo(district);
    }

    @Test
    void anActivitysLeadAndCooperatingTextsAreRetargetedAndTheRestKept() {
        Activity activity = new Activity("đ", "Biên tập, in ấn phát hành Bản tin cải cách hành chính", "Bản tin", List.of("Sở Nội vụ"),
                List.of("Sở Thông tin và Truyền thông; UBND các huyện, thị xã, thành phố"), "hàng quý");

        assertThat(TO_HON_QUAN.apply(List.of(activity))).containsExactly(new Activity("đ", activity.content(), "Bản tin",
                List.of("Phòng Nội vụ huyện"), List.of("Phòng Văn hóa - Thông tin huyện; UBND các xã, thị trấn"), "hàng quý"));
    }

    @Test
    void aUnitWithNothingBelowItGetsTheDraftAsWritten() {
        Unit soNoiVu = PROVINCE_AGENCIES.get(0);

        assertThat(Retargeting.from(BINH_PHUOC, PROVINCE_AGENCIES).to(soNoiVu, List.of()).apply("Sở Nội vụ")).isEqualTo("Sở Nội vụ");
    }

    @Test
    void anAmbiguousFunctionStaysAsWritten() {
        List<Unit> twoRadios = List.of(agency("X-DTT", "Đài Truyền thanh huyện Hớn Quản", HON_QUAN),
                agency("X-TT", "Trung tâm Văn hóa - Thể thao và Truyền thanh huyện Hớn Quản", HON_QUAN));

        assertThat(Retargeting.from(BINH_PHUOC, PROVINCE_AGENCIES).to(HON_QUAN, twoRadios).apply("Đài Phát thanh - Truyền hình và Báo Bình Phước"))
                .isEqualTo("Đài Phát thanh - Truyền hình và Báo Bình Phước");
    }

    private static Unit government(String code, String name, UnitLevel level, String parentCode) {
        return new Unit(code, name, level, UnitKind.GOVERNMENT, parentCode, "70", List.of(parentCode), null, null);
    }

    private static Unit agency(String code, String name, Unit government) {
        return new Unit(code, name, government.level(), UnitKind.AGENCY, government.code(), "70", List.of(government.code()), null, null);
    }
}
