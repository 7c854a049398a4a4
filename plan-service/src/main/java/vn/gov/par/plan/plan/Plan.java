package vn.gov.par.plan.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import vn.gov.par.support.access.HistoryEntry;
import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.text.VietnameseDates;

/**
 * A plan of one unit for one year. Every transition returns the plan after it, or refuses with the reason:
 * DRAFT → ISSUED (then immutable) → CLOSED; a draft or an issued plan may be CANCELLED.
 *
 * @param rootPlanId     the top of the cascade (its own id for a top-level plan)
 * @param obligationId   the sub-plan obligation this plan answers, or null
 * @param parentIssuedOn when the plan this one implements was issued (a sub-plan's draft knows it), or null for a
 *                       top-level plan
 * @param revisedAt      when the issuing unit last changed the draft; null while it is as prepared
 * @param history        who created, revised, issued, closed or cancelled it, and when, oldest first
 */
public record Plan(
        String id,
        String issuerCode,
        String issuerName,
        String provinceCode,
        String parentPlanId,
        String rootPlanId,
        String obligationId,
        LocalDate parentIssuedOn,
        PlanContent content,
        PlanStatus status,
        String number,
        LocalDate issuedOn,
        LocalDate closedOn,
        LocalDate cancelledOn,
        String cancelReason,
        Instant createdAt,
        Instant revisedAt,
        List<HistoryEntry> history) {

    public Plan {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** The official form: sequence number, then "/KH-", then the issuing body's abbreviation (35/KH-UBND, 12/KH-SNV). */
    private static final Pattern NUMBER = Pattern.compile("\\d{1,6}/KH-[\\p{L}\\d&.\\-]+", Pattern.CASE_INSENSITIVE);

    public static Plan draft(String id, String issuerCode, String issuerName, String provinceCode, PlanContent content, Instant now) {
        requireDraftable(content);
        return new Plan(id, issuerCode, issuerName, provinceCode, null, id, null, null, content, PlanStatus.DRAFT, null, null, null, null,
                null, now, null, List.of());
    }

    /** A draft prepared for a unit that must implement {@code parent}; it counts as untouched until the unit revises it. */
    public static Plan subPlanDraft(String id, Plan parent, String issuerCode, String issuerName, String provinceCode, String obligationId,
            PlanContent content, Instant now) {
        return new Plan(id, issuerCode, issuerName, provinceCode, parent.id(), parent.rootPlanId(), obligationId, parent.issuedOn(),
                content, PlanStatus.DRAFT, null, null, null, null, null, now, null, List.of());
    }

    public Plan revise(PlanContent newContent, Instant now) {
        requireStatus(PlanStatus.DRAFT, "sửa");
        requireDraftable(newContent);
        return new Plan(id, issuerCode, issuerName, provinceCode, parentPlanId, rootPlanId, obligationId, parentIssuedOn, newContent,
                status, number, issuedOn, closedOn, cancelledOn, cancelReason, createdAt, now, history);
    }

    /**
     * Issues the plan under {@code officialNumber}, dated as signed: {@code signedOn} (today when not given), never
     * after today nor before the plan it implements was issued.
     *
     * @param parentIssuedOn    when the plan this one implements was issued, or null for a top-level plan; the issued plan
     *                          records it
     * @param hasCascadeTargets whether any unit below must issue its own plan, which then needs a due date
     */
    public Plan issue(String officialNumber, LocalDate signedOn, LocalDate today, LocalDate parentIssuedOn, boolean hasCascadeTargets) {
        requireStatus(PlanStatus.DRAFT, "ban hành");
        LocalDate issued = signedOn == null ? today : signedOn;
        List<String> problems = new ArrayList<>(content.draftProblems());
        if (officialNumber == null || !NUMBER.matcher(officialNumber.strip()).matches()) {
            problems.add("Số kế hoạch phải theo mẫu 'số/KH-cơ quan', ví dụ 35/KH-UBND.");
        }
        if (content.signer() == null || content.signer().isBlank()) {
            problems.add("Thiếu người ký (signer).");
        }
        if (issued.isAfter(today)) {
            problems.add("Ngày ban hành " + VietnameseDates.format(issued) + " chưa đến; chỉ ghi nhận kế hoạch đã ký.");
        }
        if (parentIssuedOn != null && issued.isBefore(parentIssuedOn)) {
            problems.add("Ngày ban hành " + VietnameseDates.format(issued) + " trước ngày ban hành kế hoạch cấp trên ("
                    + VietnameseDates.format(parentIssuedOn) + ").");
        }
        CascadeDirective cascade = content.cascade();
        LocalDate due = cascade.dueDate();
        if (hasCascadeTargets && due == null && cascade.dueAsWritten() == null) {
            problems.add("Kế hoạch yêu cầu đơn vị cấp dưới ban hành kế hoạch nhưng chưa nêu thời hạn (cascade.dueDate).");
        }
        cascade.wordingProblem(content.year()).ifPresent(problems::add);
        if (due != null && due.isBefore(issued)) {
            problems.add("Thời hạn ban hành kế hoạch của đơn vị cấp dưới (" + VietnameseDates.format(due) + ") trước ngày ban hành "
                    + VietnameseDates.format(issued) + ".");
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(RuleViolationException.Kind.INVALID, "plan-not-issuable",
                    "Kế hoạch chưa đủ điều kiện ban hành.", problems);
        }
        return new Plan(id, issuerCode, issuerName, provinceCode, parentPlanId, rootPlanId, obligationId, parentIssuedOn, content,
                PlanStatus.ISSUED, officialNumber.strip().toUpperCase(Locale.ROOT), issued, null, null, null, createdAt, revisedAt, history);
    }

    public Plan close(LocalDate today) {
        requireStatus(PlanStatus.ISSUED, "kết thúc");
        return new Plan(id, issuerCode, issuerName, provinceCode, parentPlanId, rootPlanId, obligationId, parentIssuedOn, content,
                PlanStatus.CLOSED, number, issuedOn, today, null, null, createdAt, revisedAt, history);
    }

    public Plan cancel(LocalDate today, String reason) {
        if (status != PlanStatus.DRAFT && status != PlanStatus.ISSUED) {
            throw refused("hủy");
        }
        if (reason == null || reason.isBlank()) {
            throw RuleViolationException.invalid("cancel-reason-missing", "Cần nêu lý do hủy kế hoạch.");
        }
        return new Plan(id, issuerCode, issuerName, provinceCode, parentPlanId, rootPlanId, obligationId, parentIssuedOn, content,
                PlanStatus.CANCELLED, number, issuedOn, null, today, reason.strip(), createdAt, revisedAt, history);
    }

    /** The plan with one more change in its history. */
    public Plan recording(HistoryEntry change) {
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.add(change);
        return new Plan(id, issuerCode, issuerName, provinceCode, parentPlanId, rootPlanId, obligationId, parentIssuedOn, content, status,
                number, issuedOn, closedOn, cancelledOn, cancelReason, createdAt, revisedAt, longer);
    }

    /** Whether it was ever issued: the units below see their ancestors' plans from then on, even once closed or cancelled. */
    public boolean wasIssued() {
        return issuedOn != null;
    }

    public boolean isSubPlan() {
        return parentPlanId != null;
    }

    private void requireStatus(PlanStatus required, String action) {
        if (status != required) {
            throw refused(action);
        }
    }

    private RuleViolationException refused(String action) {
        return RuleViolationException.conflict("invalid-transition",
                "Không thể " + action + " kế hoạch " + status.vietnamese() + (number == null ? "" : " (số " + number + ")") + ".");
    }

    private static void requireDraftable(PlanContent content) {
        if (content == null) {
            throw RuleViolationException.invalid("plan-content-missing", "Thiếu nội dung kế hoạch.");
        }
        List<String> problems = content.draftProblems();
        if (!problems.isEmpty()) {
            throw new RuleViolationException(RuleViolationException.Kind.INVALID, "invalid-plan", "Nội dung kế hoạch không hợp lệ.", problems);
        }
    }
}
