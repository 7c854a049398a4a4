package vn.gov.par.report.report;

/** EXPECTED (never started) → DRAFT → SUBMITTED → ACCEPTED (locked), or RETURNED → DRAFT → SUBMITTED again. */
public enum ReportStatus {
    EXPECTED,
    DRAFT,
    SUBMITTED,
    RETURNED,
    ACCEPTED
}
