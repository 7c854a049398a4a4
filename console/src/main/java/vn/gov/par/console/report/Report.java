package vn.gov.par.console.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.gov.par.console.web.Tracking;

/**
 * One report as report-service answers it: the plan, who reports to whom (and through which office), the period, and
 * every version submitted with the review it got.
 *
 * @param via the office the report goes through ("Phòng Nội vụ"), or null
 */
public record Report(String id, String planId, String rootPlanId, String planNumber, String planTitle, int year, String unitCode,
        String unitName, String recipientUnitCode, String via, String periodType, String periodName, LocalDate periodFrom,
        LocalDate periodTo, LocalDate dueDate, String status, List<Version> submissions, Boolean overdueAnnounced,
        LocalDate effectiveDueDate) {

    public Report {
        submissions = submissions == null ? List.of() : List.copyOf(submissions);
    }

    /** One submission, kept as sent, with the recipient's review (null while it waits). */
    public record Version(int version, Instant submittedAt, String submittedBy, boolean onTime, ReportContent content, Review review) {

        public boolean isAccepted() {
            return review != null && "ACCEPTED".equals(review.outcome());
        }

        public boolean isReturned() {
            return review != null && "RETURNED".equals(review.outcome());
        }
    }

    /** The recipient's answer to a version: ACCEPTED, or RETURNED with the reason the unit reads. */
    public record Review(String outcome, Instant at, String by, String comment) {
    }

    public Tracking tracking(LocalDate today) {
        return Tracking.ofReport(status, periodTo, submissions.isEmpty() ? null : submissions.get(0).onTime(), Boolean.TRUE.equals(overdueAnnounced), today);
    }

    public String statusLabel() {
        return ReportStatus.labelOf(status);
    }

    /** The unit can still write it: not started, in draft, or sent back to it. */
    public boolean isEditable() {
        return "EXPECTED".equals(status) || "DRAFT".equals(status) || "RETURNED".equals(status);
    }

    /** A saved draft waits to be sent (a returned report is saved again first). */
    public boolean isReadyToSubmit() {
        return "DRAFT".equals(status);
    }

    public boolean isAwaitingReview() {
        return "SUBMITTED".equals(status);
    }

    public boolean isCancelled() {
        return "CANCELLED".equals(status);
    }

    /** Newest first, as the history reads. */
    public List<Version> versionsNewestFirst() {
        List<Version> newestFirst = new java.util.ArrayList<>(submissions);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    public Version latest() {
        return submissions.isEmpty() ? null : submissions.get(submissions.size() - 1);
    }
}
