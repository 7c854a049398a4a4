package vn.gov.par.plan.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.gov.par.plan.plan.CascadeDirective;
import vn.gov.par.plan.plan.Plan;
import vn.gov.par.plan.plan.PlanContent;
import vn.gov.par.plan.plan.PlanStatus;
import vn.gov.par.plan.unit.UnitKind;
import vn.gov.par.plan.unit.UnitLevel;
import vn.gov.par.support.calendar.GovernmentDecisions;
import vn.gov.par.support.calendar.WorkingCalendar;

/**
 * Bình Phước's plan 96/KH-UBND asks two districts and the Sở Nội vụ to issue their own plans by 30/4/2024. Hớn Quản
 * issues on time and passes the duty on to two communes (due 31/5/2024); Lộc Ninh has not issued; the Sở issues late.
 * The tree is looked at on 10/5/2024.
 */
class CascadeTreeTest {

    private static final WorkingCalendar CALENDAR = GovernmentDecisions.calendarWith(List.of());

    private static final LocalDate ISSUED_ON = LocalDate.of(2024, 3, 19);
    private static final LocalDate PROVINCE_DUE = LocalDate.of(2024, 4, 30);
    private static final LocalDate DISTRICT_DUE = LocalDate.of(2024, 5, 31);
    private static final LocalDate TODAY = LocalDate.of(2024, 5, 10);
    private static final String TITLE = "Thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh Bình Phước";

    private final Plan root = rootPlan();

    private final SubPlanObligation honQuan = obligation("p-96", "70", "694", "UBND huyện Hớn Quản", UnitLevel.DISTRICT, UnitKind.GOVERNMENT,
            PROVINCE_DUE).fulfil("35/KH-UBND", LocalDate.of(2024, 4, 25));
    private final SubPlanObligation locNinh = obligation("p-96", "70", "691", "UBND huyện Lộc Ninh", UnitLevel.DISTRICT, UnitKind.GOVERNMENT,
            PROVINCE_DUE);
    private final SubPlanObligation soNoiVu = obligation("p-96", "70", "70-SNV", "Sở Nội vụ tỉnh Bình Phước", UnitLevel.PROVINCE,
            UnitKind.AGENCY, PROVINCE_DUE).fulfil("12/KH-SNV", LocalDate.of(2024, 5, 6));
    private final SubPlanObligation tanKhai = obligation("d-694", "694", "25320", "UBND thị trấn Tân Khai", UnitLevel.COMMUNE,
            UnitKind.GOVERNMENT, DISTRICT_DUE);
    private final SubPlanObligation thanhAn = obligation("d-694", "694", "25323", "UBND xã Thanh An", UnitLevel.COMMUNE, UnitKind.GOVERNMENT,
            DISTRICT_DUE);

    /** Hanging under Lộc Ninh's draft, which is not issued: must not be walked. */
    private final SubPlanObligation underUnissuedDraft = obligation("d-691", "691", "25219", "UBND xã Lộc Hòa", UnitLevel.COMMUNE,
            UnitKind.GOVERNMENT, DISTRICT_DUE);
    /** Another plan's cascade in the same list: not this plan's. */
    private final SubPlanObligation otherPlan = obligation("p-other", "70", "697", "UBND huyện Bù Đăng", UnitLevel.DISTRICT,
            UnitKind.GOVERNMENT, PROVINCE_DUE);

    private final Set<String> revisedDrafts = Set.of("d-25320");

    @Test
    void treeNestsTheCommunesUnderTheDistrictThatIssuedAndNothingUnderOneThatDidNot() {
        CascadeTree tree = CascadeTree.of(root, List.of(locNinh, tanKhai, honQuan, underUnissuedDraft, soNoiVu, thanhAn, otherPlan),
                revisedDrafts, TODAY, CALENDAR, CascadeTree.Listing.WHOLE);

        assertThat(tree.planId()).isEqualTo("p-96");
        assertThat(tree.number()).isEqualTo("96/KH-UBND");
        assertThat(tree.title()).isEqualTo(TITLE);
        assertThat(tree.issuerCode()).isEqualTo("70");
        assertThat(tree.issuerName()).isEqualTo("UBND tỉnh Bình Phước");
        assertThat(tree.status()).isEqualTo(PlanStatus.ISSUED);
        assertThat(tree.asOf()).isEqualTo(TODAY);

        // governments first, then agencies
        assertThat(tree.children()).extracting(CascadeTree.Node::unitCode).containsExactly("691", "694", "70-SNV");

        CascadeTree.Node locNinhNode = node(tree.children(), "691");
        assertThat(locNinhNode.status()).isEqualTo(ObligationStatus.OVERDUE);
        assertThat(locNinhNode.subPlanId()).isEqualTo("d-691");
        assertThat(locNinhNode.subPlanNumber()).isNull();
        assertThat(locNinhNode.issuedOn()).isNull();
        assertThat(locNinhNode.children()).isEmpty();

        CascadeTree.Node honQuanNode = node(tree.children(), "694");
        assertThat(honQuanNode.obligationId()).isEqualTo("o-694");
        assertThat(honQuanNode.unitName()).isEqualTo("UBND huyện Hớn Quản");
        assertThat(honQuanNode.level()).isEqualTo(UnitLevel.DISTRICT);
        assertThat(honQuanNode.kind()).isEqualTo(UnitKind.GOVERNMENT);
        assertThat(honQuanNode.dueDate()).isEqualTo(PROVINCE_DUE);
        assertThat(honQuanNode.status()).isEqualTo(ObligationStatus.ISSUED_ON_TIME);
        assertThat(honQuanNode.subPlanId()).isEqualTo("d-694");
        assertThat(honQuanNode.subPlanNumber()).isEqualTo("35/KH-UBND");
        assertThat(honQuanNode.issuedOn()).isEqualTo(LocalDate.of(2024, 4, 25));
        assertThat(honQuanNode.children()).extracting(CascadeTree.Node::unitCode, CascadeTree.Node::status, CascadeTree.Node::dueDate)
                .containsExactly(
                        tuple("25320", ObligationStatus.DRAFTED, DISTRICT_DUE),
                        tuple("25323", ObligationStatus.PENDING, DISTRICT_DUE));
        assertThat(honQuanNode.children()).allSatisfy(commune -> assertThat(commune.children()).isEmpty());

        CascadeTree.Node soNoiVuNode = node(tree.children(), "70-SNV");
        assertThat(soNoiVuNode.level()).isEqualTo(UnitLevel.PROVINCE);
        assertThat(soNoiVuNode.kind()).isEqualTo(UnitKind.AGENCY);
        assertThat(soNoiVuNode.status()).isEqualTo(ObligationStatus.ISSUED_LATE);
        assertThat(soNoiVuNode.subPlanNumber()).isEqualTo("12/KH-SNV");
    }

    @Test
    void totalsCountEveryObligationInTheSubtreeOnceByStatus() {
        CascadeTree tree = CascadeTree.of(root, List.of(locNinh, tanKhai, honQuan, underUnissuedDraft, soNoiVu, thanhAn, otherPlan),
                revisedDrafts, TODAY, CALENDAR, CascadeTree.Listing.WHOLE);

        CascadeTree.StatusCounts total = tree.total();
        assertThat(total.total()).isEqualTo(5);
        assertThat(total.pending()).isEqualTo(1);
        assertThat(total.drafted()).isEqualTo(1);
        assertThat(total.issuedOnTime()).isEqualTo(1);
        assertThat(total.issuedLate()).isEqualTo(1);
        assertThat(total.overdue()).isEqualTo(1);
        assertThat(total.cancelled()).isZero();
        assertThat(total.completion()).isCloseTo(2.0 / 5, within(1e-9));
    }

    @Test
    void levelCountsPutAnAgencyAtItsOwnLevelAndGoTopDown() {
        CascadeTree tree = CascadeTree.of(root, List.of(locNinh, tanKhai, honQuan, underUnissuedDraft, soNoiVu, thanhAn, otherPlan),
                revisedDrafts, TODAY, CALENDAR, CascadeTree.Listing.WHOLE);

        assertThat(tree.levels()).extracting(CascadeTree.LevelCounts::level)
                .containsExactly(UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE);

        CascadeTree.StatusCounts province = counts(tree, UnitLevel.PROVINCE);
        assertThat(province.total()).isEqualTo(1);
        assertThat(province.issuedLate()).isEqualTo(1);
        assertThat(province.completion()).isCloseTo(1.0, within(1e-9));

        CascadeTree.StatusCounts district = counts(tree, UnitLevel.DISTRICT);
        assertThat(district.total()).isEqualTo(2);
        assertThat(district.issuedOnTime()).isEqualTo(1);
        assertThat(district.overdue()).isEqualTo(1);
        assertThat(district.completion()).isCloseTo(0.5, within(1e-9));

        CascadeTree.StatusCounts commune = counts(tree, UnitLevel.COMMUNE);
        assertThat(commune.total()).as("Lộc Hòa hangs under an unissued draft and is not counted").isEqualTo(2);
        assertThat(commune.drafted()).isEqualTo(1);
        assertThat(commune.pending()).isEqualTo(1);
        assertThat(commune.completion()).isZero();

        assertThat(tree.levels()).extracting(l -> l.counts().total()).containsExactly(1, 2, 2);
    }

    @Test
    void completionLeavesCancelledObligationsOut() {
        // the province cancels its plan on 5/4/2024, after Hớn Quản had already issued; the open obligations are cancelled
        LocalDate cancelledOn = LocalDate.of(2024, 4, 5);
        SubPlanObligation honQuanEarly = obligation("p-96", "70", "694", "UBND huyện Hớn Quản", UnitLevel.DISTRICT, UnitKind.GOVERNMENT,
                PROVINCE_DUE).fulfil("35/KH-UBND", LocalDate.of(2024, 4, 2));
        Plan cancelledRoot = root.cancel(cancelledOn, "Thay thế bằng kế hoạch khác");

        CascadeTree tree = CascadeTree.of(cancelledRoot, List.of(honQuanEarly, locNinh.cancel(cancelledOn), soNoiVu(cancelledOn)), Set.of(),
                TODAY, CALENDAR, CascadeTree.Listing.WHOLE);

        assertThat(tree.status()).isEqualTo(PlanStatus.CANCELLED);
        assertThat(tree.total().total()).isEqualTo(3);
        assertThat(tree.total().cancelled()).isEqualTo(2);
        assertThat(tree.total().issuedOnTime()).isEqualTo(1);
        assertThat(tree.total().overdue()).as("a cancelled obligation is never overdue").isZero();
        assertThat(tree.total().completion()).isCloseTo(1.0 / (3 - 2), within(1e-9));
    }

    @Test
    void everythingCancelledGivesZeroCompletionNotAnError() {
        LocalDate cancelledOn = LocalDate.of(2024, 4, 5);

        CascadeTree tree = CascadeTree.of(root, List.of(locNinh.cancel(cancelledOn), soNoiVu(cancelledOn)), Set.of(), TODAY, CALENDAR, CascadeTree.Listing.WHOLE);

        assertThat(tree.total().total()).isEqualTo(2);
        assertThat(tree.total().cancelled()).isEqualTo(2);
        assertThat(tree.total().completion()).isZero();
    }

    @Test
    void aSubPlansTreeShowsOnlyItsOwnSubtree() {
        Plan honQuanPlan = Plan.subPlanDraft("d-694", root, "694", "UBND huyện Hớn Quản", "70", "o-694",
                content(TITLE.replace("tỉnh Bình Phước", "huyện Hớn Quản"), DISTRICT_DUE), Instant.parse("2024-03-19T03:00:00Z"))
                .issue("35/KH-UBND", null, LocalDate.of(2024, 4, 25), null, true);

        CascadeTree tree = CascadeTree.of(honQuanPlan, List.of(locNinh, tanKhai, honQuan, underUnissuedDraft, soNoiVu, thanhAn, otherPlan),
                revisedDrafts, TODAY, CALENDAR, CascadeTree.Listing.WHOLE);

        assertThat(tree.planId()).isEqualTo("d-694");
        assertThat(tree.children()).extracting(CascadeTree.Node::unitCode).containsExactly("25320", "25323");
        assertThat(tree.total().total()).isEqualTo(2);
        assertThat(tree.levels()).extracting(CascadeTree.LevelCounts::level).containsExactly(UnitLevel.COMMUNE);
    }

    @Test
    void aPlanWithNoCascadeHasAnEmptyTree() {
        CascadeTree tree = CascadeTree.of(root, List.of(otherPlan), Set.of(), TODAY, CALENDAR, CascadeTree.Listing.WHOLE);

        assertThat(tree.children()).isEmpty();
        assertThat(tree.levels()).isEmpty();
        assertThat(tree.total().total()).isZero();
        assertThat(tree.total().completion()).isZero();
    }

    @Test
    void everyNodeCountsWhatLiesBelowItAndALeafCountsNothing() {
        CascadeTree tree = CascadeTree.of(root, List.of(locNinh, tanKhai, honQuan, underUnissuedDraft, soNoiVu, thanhAn, otherPlan),
                revisedDrafts, TODAY, CALENDAR, CascadeTree.Listing.WHOLE);

        CascadeTree.StatusCounts belowHonQuan = node(tree.children(), "694").below();
        assertThat(belowHonQuan.total()).isEqualTo(2);
        assertThat(belowHonQuan.drafted()).isEqualTo(1);
        assertThat(belowHonQuan.pending()).isEqualTo(1);
        assertThat(node(tree.children(), "691").below().total()).as("Lộc Hòa hangs under an unissued draft").isZero();
        assertThat(node(node(tree.children(), "694").children(), "25320").below().total()).isZero();
    }

    @Test
    void aDepthOfOneListsTheDirectObligationsOnlyAndKeepsTheCountsOfTheWholeCascade() {
        CascadeTree tree = CascadeTree.of(root, List.of(locNinh, tanKhai, honQuan, underUnissuedDraft, soNoiVu, thanhAn, otherPlan),
                revisedDrafts, TODAY, CALENDAR, new CascadeTree.Listing(1, null));

        assertThat(tree.children()).extracting(CascadeTree.Node::unitCode).containsExactly("691", "694", "70-SNV");
        assertThat(tree.children()).allSatisfy(node -> assertThat(node.children()).isEmpty());
        assertThat(node(tree.children(), "694").below().total()).as("what opening Hớn Quản would list").isEqualTo(2);
        assertThat(tree.total().total()).isEqualTo(5);
        assertThat(tree.levels()).extracting(CascadeTree.LevelCounts::level)
                .containsExactly(UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE);
    }

    @Test
    void aStatusKeepsTheNodesWithItAndThoseWithItBelowThemSoALateCommuneStaysReachable() {
        // on 1/6/2024 Hớn Quản's communes are overdue too, while Hớn Quản itself issued on time
        LocalDate june = LocalDate.of(2024, 6, 1);
        List<SubPlanObligation> cascade = List.of(locNinh, tanKhai, honQuan, soNoiVu, thanhAn.fulfil("7/KH-UBND", LocalDate.of(2024, 5, 20)));

        CascadeTree overdue = CascadeTree.of(root, cascade, revisedDrafts, june, CALENDAR, new CascadeTree.Listing(null, ObligationStatus.OVERDUE));

        assertThat(overdue.children()).extracting(CascadeTree.Node::unitCode).containsExactly("691", "694");
        assertThat(node(overdue.children(), "694").status()).isEqualTo(ObligationStatus.ISSUED_ON_TIME);
        assertThat(node(overdue.children(), "694").children()).extracting(CascadeTree.Node::unitCode).containsExactly("25320");
        assertThat(overdue.total().total()).as("the counts do not depend on the filter").isEqualTo(5);
        assertThat(overdue.total().overdue()).isEqualTo(2);

        CascadeTree firstLevel = CascadeTree.of(root, cascade, revisedDrafts, june, CALENDAR, new CascadeTree.Listing(1, ObligationStatus.ISSUED_LATE));
        assertThat(firstLevel.children()).extracting(CascadeTree.Node::unitCode).containsExactly("70-SNV");

        CascadeTree none = CascadeTree.of(root, cascade, revisedDrafts, june, CALENDAR, new CascadeTree.Listing(null, ObligationStatus.CANCELLED));
        assertThat(none.children()).isEmpty();
        assertThat(none.levels()).hasSize(3);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private SubPlanObligation soNoiVu(LocalDate cancelledOn) {
        return obligation("p-96", "70", "70-SNV", "Sở Nội vụ tỉnh Bình Phước", UnitLevel.PROVINCE, UnitKind.AGENCY, PROVINCE_DUE)
                .cancel(cancelledOn);
    }

    private static SubPlanObligation obligation(String parentPlanId, String supervisor, String unitCode, String unitName, UnitLevel level,
            UnitKind kind, LocalDate due) {
        return new SubPlanObligation("o-" + unitCode, parentPlanId, "p-96", supervisor, unitCode, unitName, level, kind, "70", due,
                "d-" + unitCode, null, null, null);
    }

    private static CascadeTree.Node node(List<CascadeTree.Node> nodes, String unitCode) {
        return nodes.stream().filter(n -> n.unitCode().equals(unitCode)).findFirst().orElseThrow();
    }

    private static CascadeTree.StatusCounts counts(CascadeTree tree, UnitLevel level) {
        return tree.levels().stream().filter(l -> l.level() == level).findFirst().orElseThrow().counts();
    }

    private static Plan rootPlan() {
        return Plan.draft("p-96", "70", "UBND tỉnh Bình Phước", "70", content(TITLE, PROVINCE_DUE), Instant.parse("2024-03-01T02:00:00Z"))
                .issue("96/KH-UBND", null, ISSUED_ON, null, true);
    }

    private static PlanContent content(String title, LocalDate cascadeDue) {
        return new PlanContent(title, 2024, "Trần Tuệ Hiền", null, List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(),
                List.of(), null, List.of(), new CascadeDirective(cascadeDue, true, false, List.of("70-SNV"), null));
    }
}
