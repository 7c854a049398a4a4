package vn.gov.par.report.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.gov.par.report.schedule.PeriodType;
import vn.gov.par.support.domain.RuleViolationException;

/**
 * The report one unit owes for one period of a plan, from the moment it is expected. Every submission is
 * kept as a version; nothing is overwritten. Once accepted it is locked, and a change is refused with who
 * accepted it and when.
 *
 * @param recipientUnitCode the plan's issuer, to whom the report goes
 * @param via               the office it goes through ("qua Phòng Nội vụ"), or null
 * @param draft             the working copy, null until the unit starts
 * @param overdueAnnounced  whether ReportOverdue has been published for it
 */
public record Report(
        String id,
        String planId,
        String rootPlanId,
        String planNumber,
        String planTitle,
        int year,
        String unitCode,
        String unitName,
        String unitLevel,
        String provinceCode,
        List<String> ancestorCodes,
        String recipientUnitCode,
        String via,
        PeriodType periodType,
        String periodName,
        LocalDate periodFrom,
        LocalDate periodTo,
        LocalDate dueDate,
        ReportStatus status,
        ReportContent draft,
        List<Submission> submissions,
        boolean overdueAnnounced) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    public Report {
        ancestorCodes = ancestorCodes == null ? List.of() : List.copyOf(ancestorCodes);
        submissions = submissions == null ? List.of() : List.copyOf(submissions);
    }

    public Report saveDraft(ReportContent content) {
        refuseIfLocked("sửa");
        if (status == ReportStatus.SUBMITTED) {
            throw RuleViolationException.conflict("report-under-review",
                    "Báo cáo đã nộp và đang chờ " + recipientUnitCode + " xem xét; chỉ sửa được khi bị trả lại.");
        }
        requireValid(content);
        return with(ReportStatus.DRAFT, content, submissions, overdueAnnounced);
    }

    public Report submit(String by, Instant now, LocalDate today) {
        refuseIfLocked("nộp lại");
        if (status != ReportStatus.DRAFT) {
            throw RuleViolationException.conflict("nothing-to-submit", status == ReportStatus.SUBMITTED
                    ? "Báo cáo đã nộp và đang chờ xem xét."
                    : "Chưa có bản nháp báo cáo để nộp.");
        }
        requireValid(draft);
        List<Submission> versions = new ArrayList<>(submissions);
        versions.add(new Submission(versions.size() + 1, now, by, !today.isAfter(dueDate), draft, null));
        return with(ReportStatus.SUBMITTED, draft, versions, overdueAnnounced);
    }

    public Report accept(String by, Instant now) {
        return review(new Review(Review.ACCEPTED, now, by, null), ReportStatus.ACCEPTED);
    }

    public Report returnForCorrection(String by, String comment, Instant now) {
        if (comment == null || comment.isBlank()) {
            throw RuleViolationException.invalid("return-comment-missing", "Cần nêu lý do trả lại báo cáo.");
        }
        return review(new Review(Review.RETURNED, now, by, comment.strip()), ReportStatus.RETURNED);
    }

    /** Announces, once, a report never submitted by its due date. */
    public Optional<Report> markOverdue(LocalDate today) {
        return submissions.isEmpty() && !overdueAnnounced && today.isAfter(dueDate)
                ? Optional.of(with(status, draft, submissions, true))
                : Optional.empty();
    }

    public Optional<Submission> firstSubmission() {
        return submissions.isEmpty() ? Optional.empty() : Optional.of(submissions.get(0));
    }

    public Optional<Submission> latestSubmission() {
        return submissions.isEmpty() ? Optional.empty() : Optional.of(submissions.get(submissions.size() - 1));
    }

    private Report review(Review answer, ReportStatus next) {
        refuseIfLocked("xem xét lại");
        if (status != ReportStatus.SUBMITTED) {
            throw RuleViolationException.conflict("nothing-to-review", "Báo cáo chưa được nộp nên chưa thể xem xét.");
        }
        List<Submission> versions = new ArrayList<>(submissions);
        versions.set(versions.size() - 1, versions.get(versions.size() - 1).reviewed(answer));
        return with(next, draft, versions, overdueAnnounced);
    }

    private void refuseIfLocked(String action) {
        if (status == ReportStatus.ACCEPTED) {
            Review accepted = latestSubmission().orElseThrow().review();
            throw RuleViolationException.conflict("report-locked", "Không thể " + action + " báo cáo: đã được " + accepted.by()
                    + " chấp nhận lúc " + WHEN.format(accepted.at()) + ".");
        }
    }

    private static void requireValid(ReportContent content) {
        List<String> problems = content == null ? List.of("Thiếu nội dung báo cáo.") : content.problems();
        if (!problems.isEmpty()) {
            throw new RuleViolationException(RuleViolationException.Kind.INVALID, "invalid-report", "Nội dung báo cáo không hợp lệ.", problems);
        }
    }

    private Report with(ReportStatus newStatus, ReportContent newDraft, List<Submission> versions, boolean overdue) {
        return new Report(id, planId, rootPlanId, planNumber, planTitle, year, unitCode, unitName, unitLevel, provinceCode, ancestorCodes,
                recipientUnitCode, via, periodType, periodName, periodFrom, periodTo, dueDate, newStatus, newDraft, versions, overdue);
    }
}
