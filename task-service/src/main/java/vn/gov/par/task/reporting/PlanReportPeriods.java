package vn.gov.par.task.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import vn.gov.par.contracts.report.ReportPeriodFacts;
import vn.gov.par.support.timeframe.Occurrence;

/**
 * The periods the units under a plan report on, as report-service last read them from the plan's reporting
 * clause (or a person set them), and when that makes ongoing ("thường xuyên") and periodic ("định kỳ") work
 * of the plan checked.
 *
 * @param recognised false when the clause could not be read: the work is then checked once, at the end of the year
 */
public record PlanReportPeriods(String planId, int year, boolean recognised, List<ReportPeriodFacts> periods) {

    public PlanReportPeriods {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    /**
     * One checkpoint per report period, due on the period's last day of data (its {@code to}), so that progress
     * recorded by then goes into that report; periods cut off on the same day (the second quarter and the first
     * half-year) share one. Without periods, the end of the plan's year.
     */
    public List<Occurrence> checkpoints() {
        if (!recognised || periods.isEmpty()) {
            return List.of(new Occurrence("Cuối năm " + year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        }
        Map<LocalDate, List<ReportPeriodFacts>> byCutOff = new TreeMap<>();
        periods.forEach(p -> byCutOff.computeIfAbsent(p.to(), to -> new ArrayList<>()).add(p));
        return byCutOff.entrySet().stream().map(cutOff -> checkpoint(cutOff.getKey(), cutOff.getValue())).toList();
    }

    private static Occurrence checkpoint(LocalDate cutOff, List<ReportPeriodFacts> reports) {
        String names = String.join(", ", reports.stream().map(ReportPeriodFacts::name).toList());
        LocalDate latestStart = reports.stream().map(ReportPeriodFacts::from).max(LocalDate::compareTo).orElse(cutOff);
        return new Occurrence("Kỳ báo cáo " + names, latestStart.isAfter(cutOff) ? cutOff : latestStart, cutOff);
    }
}
