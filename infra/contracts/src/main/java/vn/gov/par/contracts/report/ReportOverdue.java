package vn.gov.par.contracts.report;

/** A report's due date passed and it was not submitted. Published once per report. */
public record ReportOverdue(ReportObligationFacts report) {
}
