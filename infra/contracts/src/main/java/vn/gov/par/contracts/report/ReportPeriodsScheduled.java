package vn.gov.par.contracts.report;

import java.util.List;

/**
 * report-service read a plan's reporting clause (or a person set its schedule by hand): these are the periods
 * the units under the plan report on. Published again, with the new periods, whenever the schedule is set again.
 *
 * @param recognised false when the clause could not be read and waits for a person; {@code periods} is then empty
 * @param clause     the reporting clause as written in the plan
 * @param via        the office the reports go through ("Sở Nội vụ" for "báo cáo UBND tỉnh qua Sở Nội vụ"), as written, or
 *                   null (also on an event published before this field was added)
 */
public record ReportPeriodsScheduled(
        String planId,
        String rootPlanId,
        String planNumber,
        String issuerCode,
        String provinceCode,
        int year,
        String clause,
        boolean recognised,
        List<ReportPeriodFacts> periods,
        String via) {
}
