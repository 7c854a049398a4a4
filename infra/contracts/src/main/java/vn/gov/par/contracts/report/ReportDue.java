package vn.gov.par.contracts.report;

/** A unit owes a report for a period by its due date (published once, when the obligation arises). */
public record ReportDue(ReportObligationFacts report) {
}
