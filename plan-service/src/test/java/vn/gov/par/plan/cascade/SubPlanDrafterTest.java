package vn.gov.par.plan.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.gov.par.plan.plan.Activity;
import vn.gov.par.plan.plan.CascadeDirective;
import vn.gov.par.plan.plan.ContentTopic;
import vn.gov.par.plan.plan.ParArea;
import vn.gov.par.plan.plan.PerformanceIndex;
import vn.gov.par.plan.plan.Plan;
import vn.gov.par.plan.plan.PlanContent;
import vn.gov.par.plan.unit.Unit;
import vn.gov.par.plan.unit.UnitKind;
import vn.gov.par.plan.unit.UnitLevel;

/**
 * The draft a unit below starts from, as in the real plans: Hớn Quản's 2024 plan opens with "Thực hiện Kế hoạch số
 * 96/KH-UBND ngày 19/03/2024 của UBND tỉnh ..." and is titled "... trên địa bàn huyện Hớn Quản".
 */
class SubPlanDrafterTest {

    private static final String PROVINCE_TITLE = "Thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh Bình Phước";
    private static final String COMMON_TITLE = "Thông tin, tuyên truyền cải cách hành chính năm 2024";

    private static final Unit HON_QUAN = new Unit("694", "UBND huyện Hớn Quản", UnitLevel.DISTRICT, UnitKind.GOVERNMENT, "70", "70",
            List.of("70"), null, null);
    private static final Unit THANH_AN = new Unit("25323", "UBND xã Thanh An", UnitLevel.COMMUNE, UnitKind.GOVERNMENT, "694", "70",
            List.of("70", "694"), null, null);
    private static final Unit SO_NOI_VU = new Unit("70-SNV", "Sở Nội vụ tỉnh Bình Phước", UnitLevel.PROVINCE, UnitKind.AGENCY, "70", "70",
            List.of("70"), null, null);

    @Test
    void basisLineCitesTheParentPlanInTheUsualForm() {
        PlanContent draft = SubPlanDrafter.draftFor(provincePlan(PROVINCE_TITLE), HON_QUAN, Retargeting.none());

        assertThat(draft.basis()).isEqualTo("Thực hiện Kế hoạch số 96/KH-UBND ngày 19/03/2024 của UBND tỉnh Bình Phước về thông tin, "
                + "tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh Bình Phước;");
    }

    @Test
    void basisLineOfACommuneCitesItsDistrictsPlan() {
        Plan districtPlan = issued("p-35", "694", "UBND huyện Hớn Quản", COMMON_TITLE + " trên địa bàn huyện Hớn Quản",
                "35/KH-UBND", LocalDate.of(2024, 8, 26));

        PlanContent draft = SubPlanDrafter.draftFor(districtPlan, THANH_AN, Retargeting.none());

        assertThat(draft.basis()).isEqualTo("Thực hiện Kế hoạch số 35/KH-UBND ngày 26/08/2024 của UBND huyện Hớn Quản về thông tin, "
                + "tuyên truyền cải cách hành chính năm 2024 trên địa bàn huyện Hớn Quản;");
    }

    @Test
    void districtTitleNamesTheDistrictsAreaInsteadOfTheProvinces() {
        assertThat(SubPlanDrafter.draftFor(provincePlan(PROVINCE_TITLE), HON_QUAN, Retargeting.none()).title())
                .isEqualTo(COMMON_TITLE + " trên địa bàn huyện Hớn Quản");
    }

    @Test
    void communeTitleNamesTheCommunesArea() {
        Plan districtPlan = issued("p-35", "694", "UBND huyện Hớn Quản", COMMON_TITLE + " trên địa bàn huyện Hớn Quản",
                "35/KH-UBND", LocalDate.of(2024, 8, 26));

        assertThat(SubPlanDrafter.draftFor(districtPlan, THANH_AN, Retargeting.none()).title()).isEqualTo(COMMON_TITLE + " trên địa bàn xã Thanh An");
    }

    @Test
    void communeUnderATwoTierProvinceGetsItsOwnArea() {
        Unit phuong = new Unit("22333", "UBND phường Nha Trang", UnitLevel.COMMUNE, UnitKind.GOVERNMENT, "56", "56", List.of("56"), null, null);
        Plan khanhHoa = issued("p-120", "56", "UBND tỉnh Khánh Hòa",
                "Thông tin, tuyên truyền cải cách hành chính năm 2025 trên địa bàn tỉnh Khánh Hòa", "120/KH-UBND",
                LocalDate.of(2025, 7, 15));

        assertThat(SubPlanDrafter.draftFor(khanhHoa, phuong, Retargeting.none()).title())
                .isEqualTo("Thông tin, tuyên truyền cải cách hành chính năm 2025 trên địa bàn phường Nha Trang");
    }

    @Test
    void governmentNameWrittenInFullIsStillReducedToItsArea() {
        Unit tanKhai = new Unit("25320", "Ủy ban nhân dân thị trấn Tân Khai", UnitLevel.COMMUNE, UnitKind.GOVERNMENT, "694", "70",
                List.of("70", "694"), null, null);
        Plan districtPlan = issued("p-35", "694", "UBND huyện Hớn Quản", COMMON_TITLE + " trên địa bàn huyện Hớn Quản",
                "35/KH-UBND", LocalDate.of(2024, 8, 26));

        assertThat(SubPlanDrafter.draftFor(districtPlan, tanKhai, Retargeting.none()).title()).isEqualTo(COMMON_TITLE + " trên địa bàn thị trấn Tân Khai");
    }

    @Test
    void agencyTitleNamesTheAgency() {
        assertThat(SubPlanDrafter.draftFor(provincePlan(PROVINCE_TITLE), SO_NOI_VU, Retargeting.none()).title())
                .isEqualTo(COMMON_TITLE + " của Sở Nội vụ tỉnh Bình Phước");
    }

    @Test
    void parentTitleWithoutAnAreaGetsTheUnitsAreaAppended() {
        assertThat(SubPlanDrafter.draftFor(provincePlan(COMMON_TITLE), HON_QUAN, Retargeting.none()).title())
                .isEqualTo(COMMON_TITLE + " trên địa bàn huyện Hớn Quản");
    }

    /** Titles are also written "… của tỉnh X năm 2024": the unit's title must not lose the year. */
    @Test
    void parentTitleNamingTheProvinceBeforeTheYearKeepsTheYear() {
        PlanContent draft = SubPlanDrafter.draftFor(provincePlan("Thông tin, tuyên truyền cải cách hành chính của tỉnh Bình Phước năm 2024"),
                HON_QUAN, Retargeting.none());

        assertThat(draft.title())
                .contains("Thông tin, tuyên truyền cải cách hành chính")
                .contains("năm 2024")
                .contains("huyện Hớn Quản")
                .doesNotContain("tỉnh Bình Phước");
    }

    @Test
    void draftCopiesTheParentsWorkAndLeavesTheUnitsOwnDecisionsOpen() {
        Plan parent = provincePlan(PROVINCE_TITLE);
        PlanContent source = parent.content();

        PlanContent draft = SubPlanDrafter.draftFor(parent, HON_QUAN, Retargeting.none());

        assertThat(draft.year()).isEqualTo(2024);
        assertThat(draft.objectives()).isEqualTo(source.objectives());
        assertThat(draft.requirements()).isEqualTo(source.requirements());
        assertThat(draft.audiences()).isEqualTo(source.audiences());
        assertThat(draft.topics()).isEqualTo(source.topics());
        assertThat(draft.communicationForms()).isEqualTo(source.communicationForms());
        assertThat(draft.funding()).isEqualTo(source.funding());
        assertThat(draft.indicators()).isEqualTo(source.indicators());
        assertThat(draft.activities()).isEqualTo(source.activities()).isNotEmpty();
        assertThat(draft.reportingClause()).isEqualTo(source.reportingClause()).isNotBlank();

        assertThat(draft.signer()).isNull();
        assertThat(draft.recipients()).isEmpty();
        assertThat(draft.cascade()).isEqualTo(CascadeDirective.toSubordinateGovernments());
        assertThat(draft.cascade().dueDate()).isNull();
        assertThat(draft.cascade().subordinateGovernments()).isTrue();
        assertThat(draft.cascade().ownAgencies()).isFalse();
        assertThat(draft.cascade().agencyCodes()).isEmpty();
    }

    @Test
    void aPreparedDraftIsItselfAValidDraft() {
        PlanContent draft = SubPlanDrafter.draftFor(provincePlan(PROVINCE_TITLE), HON_QUAN, Retargeting.none());

        assertThat(draft.draftProblems()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static Plan provincePlan(String title) {
        return issued("p-96", "70", "UBND tỉnh Bình Phước", title, "96/KH-UBND", LocalDate.of(2024, 3, 19));
    }

    private static Plan issued(String id, String issuerCode, String issuerName, String title, String number, LocalDate on) {
        Plan draft = Plan.draft(id, issuerCode, issuerName, "70", content(title, on.plusMonths(1)), Instant.parse("2024-03-01T02:00:00Z"));
        return draft.issue(number, null, on, null, true);
    }

    private static PlanContent content(String title, LocalDate cascadeDue) {
        return new PlanContent(title, cascadeDue.getYear(), "Trần Tuệ Hiền", "Căn cứ Kế hoạch cải cách hành chính năm 2024 của UBND tỉnh;",
                List.of("Tăng cường công tác thông tin, tuyên truyền nhằm nâng cao nhận thức, trách nhiệm của cán bộ quản lý các cấp."),
                List.of("Công tác tuyên truyền phải kịp thời, đầy đủ, thường xuyên, hiệu quả."),
                List.of("Cán bộ, công chức, viên chức", "Người dân, doanh nghiệp"),
                List.of(new ContentTopic(ParArea.ADMINISTRATIVE_PROCEDURES, "Kiểm soát thủ tục hành chính, cơ chế một cửa"),
                        new ContentTopic(ParArea.DIGITAL_GOVERNMENT, "Chuyển đổi số")),
                List.of("Trang thông tin điện tử", "Bản tin"), "Ngân sách nhà nước và các nguồn hợp pháp khác",
                List.of(PerformanceIndex.PAR_INDEX, PerformanceIndex.SIPAS, PerformanceIndex.DDCI),
                List.of(new Activity("c", "Đăng tin, bài tuyên truyền công tác cải cách hành chính, chuyển đổi số", "Mỗi tháng 01 bản tin",
                        List.of("Sở Thông tin và Truyền thông"), List.of("Sở Nội vụ"), "thường xuyên")),
                "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ).",
                List.of("Bộ Nội vụ (b/c)", "Các sở, ban, ngành", "Lưu: VT"),
                new CascadeDirective(cascadeDue, true, true, List.of("70-SNV"), null));
    }
}
