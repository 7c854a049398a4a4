package vn.gov.par.report.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.gov.par.contracts.Actor;
import vn.gov.par.support.reporting.PeriodType;
import vn.gov.par.support.calendar.WorkingCalendar;
import vn.gov.par.support.access.HistoryEntry;
import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.text.VietnameseDates;

/**
 * The report one unit owes for one period of a plan, from the moment it is expected. Every submission is
 * kept as a version; nothing is overwritten. Once accepted it is locked, and a change is refused with who
 * accepted it and when.
 *
 * @param recipientUnitCode the plan's issuer, to whom the report goes
 * @param via               the office it goes through ("qua Phòng Nội vụ"), or null
 * @param draft             the working copy, null until the unit starts
 * @param overdueAnnounced  whether ReportOverdue has been published for it
 * @param history           who submitted, accepted or returned it, and when, oldest first ({@code SUBMITTED},
 *                          {@code ACCEPTED}, {@code RETURNED}): the signed-in officials, whatever {@code by} says
 * @param unitRetiredOn     the day its unit was dissolved or merged away, null while the unit is in service: the unit
 *                          no longer drafts or submits it and it is no longer announced overdue, but its recipient still
 *                          reviews what the unit submitted
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
        boolean overdueAnnounced,
        List<HistoryEntry> history,
        LocalDate unitRetiredOn) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    public Report {
        ancestorCodes = ancestorCodes == null ? List.of() : List.copyOf(ancestorCodes);
        submissions = submissions == null ? List.of() : List.copyOf(submissions);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A report just expected: not started, nothing done to it yet. */
    public static Report expected(String id, String planId, String rootPlanId, String planNumber, String planTitle, int year,
            String unitCode, String unitName, String unitLevel, String provinceCode, List<String> ancestorCodes, String recipientUnitCode,
            String via, PeriodType periodType, String periodName, LocalDate periodFrom, LocalDate periodTo, LocalDate dueDate) {
        return new Report(id, planId, rootPlanId, planNumber, planTitle, year, unitCode, unitName, unitLevel, provinceCode, ancestorCodes,
                recipientUnitCode, via, periodType, periodName, periodFrom, periodTo, dueDate, ReportStatus.EXPECTED, null, List.of(),
                false, List.of(), null);
    }

    /** @param zone the zone times are shown to people in, should the change be refused */
    public Report saveDraft(ReportContent content, ZoneId zone) {
        refuseIfUnitRetired("sửa");
        refuseIfClosed("sửa", zone);
        if (status == ReportStatus.SUBMITTED) {
            throw RuleViolationException.conflict("report-under-review",
                    "Báo cáo đã nộp và đang chờ " + recipientUnitCode + " xem xét; chỉ sửa được khi bị trả lại.");
        }
        requireValid(content);
        return with(ReportStatus.DRAFT, content, submissions, overdueAnnounced);
    }

    /**
     * @param by    who submits it, as the request names them
     * @param actor the signed-in official who sent it, kept in the history
     */
    public Report submit(String by, Actor actor, Clock clock, WorkingCalendar calendar) {
        refuseIfUnitRetired("nộp");
        refuseIfClosed("nộp lại", clock.getZone());
        if (status != ReportStatus.DRAFT) {
            throw RuleViolationException.conflict("nothing-to-submit", status == ReportStatus.SUBMITTED
                    ? "Báo cáo đã nộp và đang chờ xem xét."
                    : "Chưa có bản nháp báo cáo để nộp.");
        }
        requireValid(draft);
        List<Submission> versions = new ArrayList<>(submissions);
        Instant now = clock.instant();
        versions.add(new Submission(versions.size() + 1, now, by, calendar.inTime(LocalDate.now(clock), dueDate), draft, null));
        return with(ReportStatus.SUBMITTED, draft, versions, overdueAnnounced).recording(new HistoryEntry("SUBMITTED", now, actor));
    }

    public Report accept(String by, Actor actor, Clock clock) {
        return review(new Review(Review.ACCEPTED, clock.instant(), by, null), ReportStatus.ACCEPTED, actor, clock.getZone());
    }

    public Report returnForCorrection(String by, String comment, Actor actor, Clock clock) {
        if (comment == null || comment.isBlank()) {
            throw RuleViolationException.invalid("return-comment-missing", "Cần nêu lý do trả lại báo cáo.");
        }
        return review(new Review(Review.RETURNED, clock.instant(), by, comment.strip()), ReportStatus.RETURNED, actor, clock.getZone());
    }

    /**
     * Announces, once, a report never submitted by its effective deadline (a cancelled one is owed no more, and a unit
     * retired will never send it: nobody is to be chased for it).
     */
    public Optional<Report> markOverdue(LocalDate today, WorkingCalendar calendar) {
        return isOverdue(status, !submissions.isEmpty(), unitRetiredOn != null, dueDate, today, calendar) && !overdueAnnounced
                ? Optional.of(with(status, draft, submissions, true))
                : Optional.empty();
    }

    /**
     * Never submitted, still owed by a unit in service, and past its effective deadline (a due date on a day off runs to the
     * next working day). A retired unit's missing report stays missing in the roll-ups, its history, but is nobody's work now.
     */
    static boolean isOverdue(ReportStatus status, boolean everSubmitted, boolean unitRetired, LocalDate dueDate, LocalDate today,
            WorkingCalendar calendar) {
        return !everSubmitted && status != ReportStatus.CANCELLED && !unitRetired && calendar.isLate(dueDate, today);
    }

    public Optional<Submission> firstSubmission() {
        return submissions.isEmpty() ? Optional.empty() : Optional.of(submissions.get(0));
    }

    public Optional<Submission> latestSubmission() {
        return submissions.isEmpty() ? Optional.empty() : Optional.of(submissions.get(submissions.size() - 1));
    }

    /**
     * The submission that stands: the latest one, while it is under review or accepted. A returned report has
     * none until it is resubmitted: its figures no longer count, and its timeliness is that of the resubmission.
     */
    public Optional<Submission> standingSubmission() {
        return status == ReportStatus.SUBMITTED || status == ReportStatus.ACCEPTED ? latestSubmission() : Optional.empty();
    }

    private Report review(Review answer, ReportStatus next, Actor actor, ZoneId zone) {
        refuseIfClosed("xem xét lại", zone);
        if (status != ReportStatus.SUBMITTED) {
            throw RuleViolationException.conflict("nothing-to-review", "Báo cáo chưa được nộp nên chưa thể xem xét.");
        }
        List<Submission> versions = new ArrayList<>(submissions);
        versions.set(versions.size() - 1, versions.get(versions.size() - 1).reviewed(answer));
        return with(next, draft, versions, overdueAnnounced).recording(new HistoryEntry(answer.outcome(), answer.at(), actor));
    }

    /** A unit dissolved or merged away writes nothing more: what it sent stands for its recipient to review. */
    private void refuseIfUnitRetired(String action) {
        if (unitRetiredOn != null) {
            throw RuleViolationException.conflict("unit-retired", "Không thể " + action + " báo cáo: " + unitName
                    + " đã giải thể hoặc sáp nhập ngày " + VietnameseDates.format(unitRetiredOn) + " nên không còn soạn, nộp báo cáo.");
        }
    }

    private void refuseIfClosed(String action, ZoneId zone) {
        if (status == ReportStatus.ACCEPTED) {
            Review accepted = latestSubmission().orElseThrow().review();
            throw RuleViolationException.conflict("report-locked", "Không thể " + action + " báo cáo: đã được " + accepted.by()
                    + " chấp nhận lúc " + WHEN.withZone(zone).format(accepted.at()) + ".");
        }
        if (status == ReportStatus.CANCELLED) {
            throw RuleViolationException.conflict("report-cancelled", "Không thể " + action + " báo cáo: kế hoạch " + planNumber
                    + " đã bị hủy nên báo cáo này không còn phải nộp.");
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
                recipientUnitCode, via, periodType, periodName, periodFrom, periodTo, dueDate, newStatus, newDraft, versions, overdue,
                history, unitRetiredOn);
    }

    private Report recording(HistoryEntry change) {
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.add(change);
        return new Report(id, planId, rootPlanId, planNumber, planTitle, year, unitCode, unitName, unitLevel, provinceCode, ancestorCodes,
                recipientUnitCode, via, periodType, periodName, periodFrom, periodTo, dueDate, status, draft, submissions, overdueAnnounced,
                longer, unitRetiredOn);
    }
}
