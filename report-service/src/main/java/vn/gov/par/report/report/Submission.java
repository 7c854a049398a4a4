package vn.gov.par.report.report;

import java.time.Instant;

/** One submitted version of a report, kept as it was sent, with the review it got (null while pending). */
public record Submission(int version, Instant submittedAt, String submittedBy, boolean onTime, ReportContent content, Review review) {

    Submission reviewed(Review answer) {
        return new Submission(version, submittedAt, submittedBy, onTime, content, answer);
    }
}
