package vn.gov.par.contracts.report;

import java.time.Instant;

/** The supervising unit accepted a submitted report; it is locked from now on. */
public record ReportAccepted(ReportObligationFacts report, int version, Instant acceptedAt, String acceptedBy) {
}
