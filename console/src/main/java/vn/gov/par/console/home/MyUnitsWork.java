package vn.gov.par.console.home;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import vn.gov.par.console.plan.PlanView;
import vn.gov.par.console.report.ReportSummary;
import vn.gov.par.console.task.Occurrence;

/**
 * What the home page shows a unit: its work due in the coming days, its work already late, the reports sent to it that
 * wait for its decision, and the sub-plans it still owes (each with the date its parent plan set).
 */
public record MyUnitsWork(List<Occurrence> tasksDueSoon, List<ReportSummary> reportsDueSoon, List<Occurrence> tasksOverdue,
        List<ReportSummary> reportsOverdue, List<ReportSummary> awaitingAcceptance, List<OwedSubPlan> subPlansOwed) {

    /** Within this many days from today is "due soon". */
    public static final int COMING_DAYS = 7;

    public record OwedSubPlan(PlanView draft, PlanView parent) {

        public LocalDate dueDate() {
            return parent == null || parent.content().cascade() == null ? null : parent.content().cascade().dueDate();
        }
    }

    static List<ReportSummary> dueBetween(List<ReportSummary> reports, LocalDate from, LocalDate to) {
        return reports.stream().filter(ReportSummary::isOpen)
                .filter(r -> r.dueDate() != null && !r.dueDate().isBefore(from) && !r.dueDate().isAfter(to))
                .sorted(Comparator.comparing(ReportSummary::dueDate)).toList();
    }

    static List<ReportSummary> dueBefore(List<ReportSummary> reports, LocalDate day) {
        return reports.stream().filter(ReportSummary::isOpen)
                .filter(r -> r.dueDate() != null && r.dueDate().isBefore(day))
                .sorted(Comparator.comparing(ReportSummary::dueDate)).toList();
    }

    public boolean isEmpty() {
        return tasksDueSoon.isEmpty() && reportsDueSoon.isEmpty() && tasksOverdue.isEmpty() && reportsOverdue.isEmpty()
                && awaitingAcceptance.isEmpty() && subPlansOwed.isEmpty();
    }
}
