package vn.gov.par.support.reporting;

import java.time.LocalDate;

/**
 * One report a unit owes for a plan year.
 *
 * @param name    Vietnamese label ("Quý I/2025", "6 tháng đầu năm 2025", "9 tháng đầu năm 2025", "Năm 2025")
 * @param from    first day of the data the report covers (inclusive)
 * @param to      data cut-off: last day of the data the report covers (inclusive)
 * @param dueDate the day the report is due
 */
public record ReportPeriod(PeriodType type, String name, LocalDate from, LocalDate to, LocalDate dueDate) {
}
