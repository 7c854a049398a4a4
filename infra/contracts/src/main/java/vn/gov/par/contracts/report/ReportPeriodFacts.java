package vn.gov.par.contracts.report;

import java.time.LocalDate;

/**
 * One reporting period of a plan.
 *
 * @param periodType Q1..Q4, HALF_YEAR, NINE_MONTHS or YEAR
 * @param name       in Vietnamese: "Quý I/2025", "6 tháng đầu năm 2025", "Năm 2025"
 * @param from       the first day of data the report covers (Decree 09/2019/NĐ-CP cut-off)
 * @param to         the last day of data it covers
 */
public record ReportPeriodFacts(String periodType, String name, LocalDate from, LocalDate to, LocalDate dueDate) {
}
