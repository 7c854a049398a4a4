package vn.gov.par.contracts.report;

import java.time.Instant;

/** The supervising unit sent a submitted report back with a comment, to be corrected and resubmitted. */
public record ReportReturned(ReportObligationFacts report, int version, Instant returnedAt, String returnedBy, String comment) {
}
