package vn.gov.par.contracts.report;

/**
 * A unit owes a report for a period by its due date (published once, when the obligation arises). Versions since
 * {@link ReportsDue} announce a unit's reports together; this one is still handled, for events published before.
 */
public record ReportDue(ReportObligationFacts report) {
}
