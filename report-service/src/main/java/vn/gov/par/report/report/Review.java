package vn.gov.par.report.report;

import java.time.Instant;

/** The supervising unit's answer to a submission: ACCEPTED, or RETURNED with a comment. */
public record Review(String outcome, Instant at, String by, String comment) {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String RETURNED = "RETURNED";
}
