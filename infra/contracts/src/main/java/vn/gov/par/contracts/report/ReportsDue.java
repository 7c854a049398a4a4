package vn.gov.par.contracts.report;

import java.util.List;

/**
 * A unit owes several reports under a plan, each as {@link ReportDue} would announce it alone (published once, when the
 * obligation arises): a plan asks a unit for a year of periods at once, and one event for them costs each consumer one
 * look-up and one write instead of one per report.
 *
 * @param reports the unit's reports under this plan, in the order their periods fall due; all go to the plan's issuer,
 *                through the same office
 */
public record ReportsDue(
        String planId,
        String unitCode,
        String provinceCode,
        List<ReportObligationFacts> reports) {
}
