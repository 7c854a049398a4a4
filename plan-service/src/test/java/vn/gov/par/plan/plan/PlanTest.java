package vn.gov.par.plan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.gov.par.support.domain.RuleViolationException;

/** The life of a plan: DRAFT → ISSUED → CLOSED, with CANCELLED from DRAFT or ISSUED, and what each step refuses. */
class PlanTest {

    private static final Instant CREATED = Instant.parse("2024-03-01T02:00:00Z");
    private static final Instant REVISED = Instant.parse("2024-03-12T08:30:00Z");
    private static final LocalDate ISSUE_DAY = LocalDate.of(2024, 3, 19);
    private static final LocalDate CASCADE_DUE = LocalDate.of(2024, 4, 30);
    private static final String TITLE = "Thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh Bình Phước";

    // ---------------------------------------------------------------------------------------------------------------
    // Drafting

    @Test
    void aNewDraftIsItsOwnCascadeRootAndUntouched() {
        Plan plan = draft(content());

        assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(plan.rootPlanId()).isEqualTo(plan.id());
        assertThat(plan.parentPlanId()).isNull();
        assertThat(plan.isSubPlan()).isFalse();
        assertThat(plan.number()).isNull();
        assertThat(plan.issuedOn()).isNull();
        assertThat(plan.createdAt()).isEqualTo(CREATED);
        assertThat(plan.revisedAt()).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void draftRefusesABlankTitle(String title) {
        RuleViolationException e = refusal(() -> draft(content(title, 2024, "Trần Tuệ Hiền", CASCADE_DUE, activities())));

        assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.INVALID);
        assertThat(e.code()).isEqualTo("invalid-plan");
        assertThat(messages(e)).singleElement().asString().contains("title");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1999, 2101, 20024})
    void draftRefusesAYearOutside2000To2100(int year) {
        RuleViolationException e = refusal(() -> draft(content(TITLE, year, "Trần Tuệ Hiền", CASCADE_DUE, activities())));

        assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.INVALID);
        assertThat(e.code()).isEqualTo("invalid-plan");
        assertThat(messages(e)).singleElement().asString().contains("year");
    }

    @ParameterizedTest
    @ValueSource(ints = {2000, 2024, 2100})
    void draftAcceptsYearsFrom2000To2100(int year) {
        assertThat(draft(content(TITLE, year, "Trần Tuệ Hiền", CASCADE_DUE, activities())).content().year()).isEqualTo(year);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void draftRefusesAnActivityWithoutContent(String activityContent) {
        List<Activity> activities = new ArrayList<>(activities());
        activities.add(new Activity("e", activityContent, "Bản tin", List.of("Sở Nội vụ"), List.of(), "hàng quý"));

        RuleViolationException e = refusal(() -> draft(content(TITLE, 2024, "Trần Tuệ Hiền", CASCADE_DUE, activities)));

        assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.INVALID);
        assertThat(e.code()).isEqualTo("invalid-plan");
        assertThat(messages(e)).singleElement().asString().contains("thứ 3").contains("content");
    }

    @Test
    void draftReportsEveryContentProblemAtOnce() {
        List<Activity> activities = List.of(new Activity("a", "", null, null, null, null));

        RuleViolationException e = refusal(() -> draft(content(" ", 1990, null, null, activities)));

        assertThat(e.code()).isEqualTo("invalid-plan");
        assertThat(messages(e)).hasSize(3);
    }

    @Test
    void draftRefusesMissingContent() {
        RuleViolationException e = refusal(() -> Plan.draft("p-1", "70", "UBND tỉnh Bình Phước", "70", null, CREATED));

        assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.INVALID);
        assertThat(e.code()).isEqualTo("plan-content-missing");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Issuing

    @Test
    void issuingADraftSetsNumberDateAndStatus() {
        Plan draft = draft(content());

        Plan issued = draft.issue("96/KH-UBND", null, ISSUE_DAY, null, true);

        assertThat(issued.status()).isEqualTo(PlanStatus.ISSUED);
        assertThat(issued.number()).isEqualTo("96/KH-UBND");
        assertThat(issued.issuedOn()).isEqualTo(ISSUE_DAY);
        assertThat(issued.content()).isEqualTo(draft.content());
        assertThat(issued.id()).isEqualTo(draft.id());
        assertThat(issued.createdAt()).isEqualTo(CREATED);
    }

    @Test
    void issuingKeepsTheNumberWithoutSurroundingSpaces() {
        assertThat(draft(content()).issue("  96/KH-UBND ", null, ISSUE_DAY, null, true).number()).isEqualTo("96/KH-UBND");
    }

    @ParameterizedTest
    @ValueSource(strings = {"35/KH-UBND", "96/KH-UBND", "12/KH-SNV"})
    void issueAcceptsOfficialPlanNumbers(String number) {
        assertThat(draft(content()).issue(number, null, ISSUE_DAY, null, true).number()).isEqualTo(number);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"35", "KH-UBND", "35/QĐ-UBND", "   ", "/KH-UBND", "35/KH-"})
    void issueRefusesANumberNotInTheFormNumberSlashKhDashBody(String number) {
        RuleViolationException e = refusal(() -> draft(content()).issue(number, null, ISSUE_DAY, null, true));

        assertNotIssuable(e);
        assertThat(messages(e)).singleElement().asString().contains("Số kế hoạch").contains("35/KH-UBND");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void issueRefusesAPlanWithoutSigner(String signer) {
        Plan plan = draft(content(TITLE, 2024, signer, CASCADE_DUE, activities()));

        RuleViolationException e = refusal(() -> plan.issue("96/KH-UBND", null, ISSUE_DAY, null, true));

        assertNotIssuable(e);
        assertThat(messages(e)).singleElement().asString().contains("người ký");
    }

    @Test
    void issueRefusesCascadeTargetsWithoutADueDate() {
        Plan plan = draft(content(TITLE, 2024, "Trần Tuệ Hiền", null, activities()));

        RuleViolationException e = refusal(() -> plan.issue("96/KH-UBND", null, ISSUE_DAY, null, true));

        assertNotIssuable(e);
        assertThat(messages(e)).singleElement().asString().contains("cascade.dueDate");
    }

    @Test
    void aPlanWithNoUnitsBelowNeedsNoCascadeDueDate() {
        Plan plan = draft(content(TITLE, 2024, "Trần Tuệ Hiền", null, activities()));

        Plan issued = plan.issue("35/KH-UBND", null, ISSUE_DAY, null, false);

        assertThat(issued.status()).isEqualTo(PlanStatus.ISSUED);
    }

    @Test
    void issueRefusesACascadeDueDateAlreadyPassed() {
        Plan plan = draft(content(TITLE, 2024, "Trần Tuệ Hiền", ISSUE_DAY.minusDays(1), activities()));

        RuleViolationException e = refusal(() -> plan.issue("96/KH-UBND", null, ISSUE_DAY, null, true));

        assertNotIssuable(e);
        assertThat(messages(e)).singleElement().asString().contains("18/03/2024");
    }

    @Test
    void aCascadeDueDateOfTodayIsStillAcceptable() {
        Plan plan = draft(content(TITLE, 2024, "Trần Tuệ Hiền", ISSUE_DAY, activities()));

        assertThat(plan.issue("96/KH-UBND", null, ISSUE_DAY, null, true).status()).isEqualTo(PlanStatus.ISSUED);
    }

    @Test
    void issueListsEveryProblemAtOnce() {
        Plan plan = draft(content(TITLE, 2024, null, null, activities()));

        RuleViolationException e = refusal(() -> plan.issue("35", null, ISSUE_DAY, null, true));

        assertNotIssuable(e);
        assertThat(messages(e)).hasSize(3);
        assertThat(String.join("\n", messages(e))).contains("Số kế hoạch", "người ký", "cascade.dueDate");
    }

    @Test
    void aPlanSignedEarlierIsIssuedOnTheDayItWasSigned() {
        LocalDate signed = ISSUE_DAY.minusDays(20);

        Plan issued = draft(content()).issue("96/KH-UBND", signed, ISSUE_DAY, null, true);

        assertThat(issued.issuedOn()).isEqualTo(signed);
    }

    @Test
    void issueRefusesASigningDayAfterTodayOrBeforeTheParentPlan() {
        RuleViolationException tomorrow = refusal(() -> draft(content()).issue("96/KH-UBND", ISSUE_DAY.plusDays(1), ISSUE_DAY, null, true));
        RuleViolationException beforeParent = refusal(
                () -> draft(content()).issue("96/KH-UBND", ISSUE_DAY.minusDays(3), ISSUE_DAY, ISSUE_DAY.minusDays(2), true));

        assertNotIssuable(tomorrow);
        assertThat(messages(tomorrow)).singleElement().asString().contains("Ngày ban hành 20/03/2024 chưa đến");
        assertThat(messages(beforeParent)).singleElement().asString().contains("16/03/2024").contains("kế hoạch cấp trên (17/03/2024)");
    }

    @Test
    void theCascadeDeadlineAsWrittenIsKeptBesideTheDateReadFromIt() {
        CascadeDirective directive = withCascade(new CascadeDirective(null, true, false, List.of(), " chậm nhất trong tháng 4/2024 ")).cascade();

        assertThat(directive.dueDate()).isEqualTo(LocalDate.of(2024, 4, 30));
        assertThat(directive.dueAsWritten()).isEqualTo("chậm nhất trong tháng 4/2024");
    }

    @Test
    void issueRefusesACascadeDeadlineItCannotReadOrThatSaysAnotherDate() {
        Plan unreadable = draft(withCascade(new CascadeDirective(null, true, false, List.of(), "sau khi có hướng dẫn của tỉnh")));
        Plan disagreeing = draft(withCascade(new CascadeDirective(CASCADE_DUE, true, false, List.of(), "trước ngày 15/4/2024")));

        assertThat(messages(refusal(() -> unreadable.issue("96/KH-UBND", null, ISSUE_DAY, null, true)))).singleElement().asString()
                .contains("Không đọc được thời hạn \"sau khi có hướng dẫn của tỉnh\"");
        assertThat(messages(refusal(() -> disagreeing.issue("96/KH-UBND", null, ISSUE_DAY, null, true)))).singleElement().asString()
                .contains("15/04/2024").contains("30/04/2024");
    }

    @Test
    void aPlanWithoutACascadeDirectiveOrdersNoSubPlans() {
        CascadeDirective none = withCascade(null).cascade();

        assertThat(none.subordinateGovernments()).isFalse();
        assertThat(none.ownAgencies()).isFalse();
        assertThat(none.agencyCodes()).isEmpty();
    }

    @Test
    void issueIsRefusedUnlessDraft() {
        for (Plan plan : List.of(issued(), closed(), cancelledDraft(), cancelledIssued())) {
            RuleViolationException e = refusal(() -> plan.issue("97/KH-UBND", null, ISSUE_DAY.plusDays(1), null, true));

            assertThat(e.kind()).as("issuing a %s plan", plan.status()).isEqualTo(RuleViolationException.Kind.CONFLICT);
            assertThat(e.code()).isEqualTo("invalid-transition");
            assertThat(e.getMessage()).startsWith("Không thể ban hành kế hoạch " + plan.status().vietnamese());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Revising

    @Test
    void revisingADraftReplacesTheContentAndRecordsWhen() {
        Plan draft = draft(content());
        PlanContent changed = content(TITLE, 2024, "Nguyễn Văn Hạ", LocalDate.of(2024, 5, 15), activities());

        Plan revised = draft.revise(changed, REVISED);

        assertThat(revised.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(revised.content()).isEqualTo(changed);
        assertThat(revised.revisedAt()).isEqualTo(REVISED);
        assertThat(revised.createdAt()).isEqualTo(CREATED);
    }

    @Test
    void revisingRefusesInvalidContent() {
        RuleViolationException e = refusal(() -> draft(content()).revise(content("", 2024, "Trần Tuệ Hiền", CASCADE_DUE, activities()), REVISED));

        assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.INVALID);
        assertThat(e.code()).isEqualTo("invalid-plan");
    }

    @Test
    void onlyADraftCanBeRevised() {
        for (Plan plan : List.of(issued(), closed(), cancelledDraft())) {
            RuleViolationException e = refusal(() -> plan.revise(content(), REVISED));

            assertThat(e.kind()).as("revising a %s plan", plan.status()).isEqualTo(RuleViolationException.Kind.CONFLICT);
            assertThat(e.code()).isEqualTo("invalid-transition");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Closing and cancelling

    @Test
    void closingAnIssuedPlanKeepsItsNumberAndRecordsTheDay() {
        LocalDate yearEnd = LocalDate.of(2024, 12, 31);

        Plan closed = issued().close(yearEnd);

        assertThat(closed.status()).isEqualTo(PlanStatus.CLOSED);
        assertThat(closed.closedOn()).isEqualTo(yearEnd);
        assertThat(closed.number()).isEqualTo("96/KH-UBND");
        assertThat(closed.issuedOn()).isEqualTo(ISSUE_DAY);
    }

    @Test
    void onlyAnIssuedPlanCanBeClosed() {
        for (Plan plan : List.of(draft(content()), closed(), cancelledIssued())) {
            RuleViolationException e = refusal(() -> plan.close(LocalDate.of(2025, 1, 2)));

            assertThat(e.kind()).as("closing a %s plan", plan.status()).isEqualTo(RuleViolationException.Kind.CONFLICT);
            assertThat(e.code()).isEqualTo("invalid-transition");
        }
    }

    @Test
    void aDraftCanBeCancelledWithAReason() {
        Plan cancelled = draft(content()).cancel(LocalDate.of(2024, 3, 15), "  Nhập trùng kế hoạch  ");

        assertThat(cancelled.status()).isEqualTo(PlanStatus.CANCELLED);
        assertThat(cancelled.cancelledOn()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(cancelled.cancelReason()).isEqualTo("Nhập trùng kế hoạch");
    }

    @Test
    void anIssuedPlanCanBeCancelledWithAReasonAndKeepsItsNumber() {
        Plan cancelled = issued().cancel(LocalDate.of(2024, 6, 1), "Thay thế bằng Kế hoạch số 150/KH-UBND");

        assertThat(cancelled.status()).isEqualTo(PlanStatus.CANCELLED);
        assertThat(cancelled.cancelledOn()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(cancelled.cancelReason()).isEqualTo("Thay thế bằng Kế hoạch số 150/KH-UBND");
        assertThat(cancelled.number()).isEqualTo("96/KH-UBND");
        assertThat(cancelled.issuedOn()).isEqualTo(ISSUE_DAY);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void cancellingNeedsAReason(String reason) {
        for (Plan plan : List.of(draft(content()), issued())) {
            RuleViolationException e = refusal(() -> plan.cancel(LocalDate.of(2024, 6, 1), reason));

            assertThat(e.kind()).as("cancelling a %s plan", plan.status()).isEqualTo(RuleViolationException.Kind.INVALID);
            assertThat(e.code()).isEqualTo("cancel-reason-missing");
        }
    }

    @Test
    void closedOrCancelledPlansCannotBeCancelled() {
        for (Plan plan : List.of(closed(), cancelledDraft(), cancelledIssued())) {
            RuleViolationException e = refusal(() -> plan.cancel(LocalDate.of(2025, 1, 5), "Hủy lại"));

            assertThat(e.kind()).as("cancelling a %s plan", plan.status()).isEqualTo(RuleViolationException.Kind.CONFLICT);
            assertThat(e.code()).isEqualTo("invalid-transition");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static Plan draft(PlanContent content) {
        return Plan.draft("p-96", "70", "UBND tỉnh Bình Phước", "70", content, CREATED);
    }

    private static Plan issued() {
        return draft(content()).issue("96/KH-UBND", null, ISSUE_DAY, null, true);
    }

    private static Plan closed() {
        return issued().close(LocalDate.of(2024, 12, 31));
    }

    private static Plan cancelledDraft() {
        return draft(content()).cancel(ISSUE_DAY, "Nhập trùng");
    }

    private static Plan cancelledIssued() {
        return issued().cancel(ISSUE_DAY.plusDays(5), "Ban hành nhầm");
    }

    private static PlanContent content() {
        return content(TITLE, 2024, "Trần Tuệ Hiền", CASCADE_DUE, activities());
    }

    private static PlanContent content(String title, int year, String signer, LocalDate cascadeDue, List<Activity> activities) {
        return new PlanContent(title, year, signer, null,
                List.of("Tăng cường công tác thông tin, tuyên truyền nhằm nâng cao nhận thức, trách nhiệm của cán bộ quản lý các cấp."),
                List.of("Công tác tuyên truyền phải kịp thời, đầy đủ, thường xuyên, hiệu quả."),
                List.of("Cán bộ, công chức, viên chức", "Người dân, doanh nghiệp"),
                List.of(new ContentTopic(ParArea.ADMINISTRATIVE_PROCEDURES, "Kiểm soát thủ tục hành chính, cơ chế một cửa")),
                List.of("Trang thông tin điện tử", "Bản tin"), "Ngân sách nhà nước", List.of(PerformanceIndex.PAR_INDEX, PerformanceIndex.SIPAS),
                activities,
                "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ).",
                List.of("Bộ Nội vụ (b/c)", "Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố", "Lưu: VT"),
                new CascadeDirective(cascadeDue, true, false, List.of("70-SNV"), null));
    }

    private static PlanContent withCascade(CascadeDirective cascade) {
        PlanContent c = content();
        return new PlanContent(c.title(), c.year(), c.signer(), c.basis(), c.objectives(), c.requirements(), c.audiences(), c.topics(),
                c.communicationForms(), c.funding(), c.indicators(), c.activities(), c.reportingClause(), c.recipients(), cascade);
    }

    private static List<Activity> activities() {
        return List.of(
                new Activity("c", "Đăng tin, bài tuyên truyền công tác cải cách hành chính, chuyển đổi số", "Mỗi tháng 01 bản tin",
                        List.of("Sở Thông tin và Truyền thông"), List.of("Sở Nội vụ"), "thường xuyên"),
                new Activity("đ", "Biên tập, in ấn phát hành Bản tin cải cách hành chính", "Bản tin", List.of("Sở Nội vụ"),
                        List.of("UBND các huyện, thị xã, thành phố"), "hàng quý/2024"));
    }

    private static RuleViolationException refusal(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(RuleViolationException.class);
        return (RuleViolationException) thrown;
    }

    private static void assertNotIssuable(RuleViolationException e) {
        assertThat(e.kind()).isEqualTo(RuleViolationException.Kind.INVALID);
        assertThat(e.code()).isEqualTo("plan-not-issuable");
    }

    private static List<String> messages(RuleViolationException e) {
        return e.errors().stream().map(String::valueOf).toList();
    }
}
