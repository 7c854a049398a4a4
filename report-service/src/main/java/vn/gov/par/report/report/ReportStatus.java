package vn.gov.par.report.report;

/**
 * EXPECTED (never started) → DRAFT → SUBMITTED → ACCEPTED (locked), or RETURNED → DRAFT → SUBMITTED again.
 * CANCELLED: its plan was cancelled before the report was submitted, or its unit was dissolved or merged away before the
 * report fell due (or, for a successor, the period fell due before it took over); it is owed no more.
 */
public enum ReportStatus {
    EXPECTED,
    DRAFT,
    SUBMITTED,
    RETURNED,
    ACCEPTED,
    CANCELLED
}
