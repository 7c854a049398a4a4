package vn.gov.par.contracts.report;

import java.time.Instant;

/** A unit submitted (or resubmitted) its report; {@code version} counts the submissions. */
public record ReportSubmitted(ReportObligationFacts report, int version, Instant submittedAt, boolean onTime) {
}
