package vn.gov.par.report.plan;

import java.util.List;

import vn.gov.par.report.schedule.ReportPeriod;

/**
 * What report-service keeps of an issued plan: who issued it, its activities (the rows of every report
 * under it), and its reporting clause as written beside the periods read from it.
 *
 * @param issuedOn           reports falling due before it are not expected: nobody owes a report due before it was asked for
 * @param scheduleRecognised false when the clause could not be read: listed for a person, no reports expected
 */
public record ReportPlan(
        String planId,
        String rootPlanId,
        String number,
        String title,
        int year,
        java.time.LocalDate issuedOn,
        String issuerCode,
        String issuerName,
        List<PlanActivityLine> activities,
        String reportingClause,
        boolean scheduleRecognised,
        String via,
        List<ReportPeriod> periods) {

    public record PlanActivityLine(String label, String content) {
    }
}
