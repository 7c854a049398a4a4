package vn.gov.par.console.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.gov.par.console.web.Tracking;

/** A report one unit owes another for one period, as report-service lists it. */
public record ReportSummary(String id, String planId, String planNumber, String planTitle, String unitCode, String unitName,
        String recipientUnitCode, String via, String periodType, String periodName, LocalDate periodFrom, LocalDate periodTo,
        LocalDate dueDate, String status, List<Sent> submissions, Boolean overdueAnnounced, LocalDate effectiveDueDate) {

    public ReportSummary {
        submissions = submissions == null ? List.of() : List.copyOf(submissions);
    }

    /** One submission, kept as sent. */
    public record Sent(int version, Instant submittedAt, String submittedBy, boolean onTime) {
    }

    public Tracking tracking(LocalDate today) {
        return Tracking.ofReport(status, periodTo, submissions.isEmpty() ? null : submissions.get(0).onTime(), Boolean.TRUE.equals(overdueAnnounced), today);
    }

    /** Still the unit's to write and send (not yet sent, or sent back to it). */
    public boolean isOpen() {
        return "EXPECTED".equals(status) || "DRAFT".equals(status) || "RETURNED".equals(status);
    }
}
