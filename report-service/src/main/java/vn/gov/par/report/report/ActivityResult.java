package vn.gov.par.report.report;

/** What was done on one activity of the plan during the period: in words, and as a count where there is one. */
public record ActivityResult(String activityLabel, String activityContent, String result, Integer count) {
}
