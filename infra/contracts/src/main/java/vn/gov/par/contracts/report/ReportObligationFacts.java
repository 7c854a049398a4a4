package vn.gov.par.contracts.report;

import java.time.LocalDate;

/**
 * What every event about one expected report says about it.
 *
 * @param periodName        in Vietnamese: "Quý I/2025", "6 tháng đầu năm 2025", "Năm 2025"
 * @param periodFrom        the first day of data the report covers (Decree 09/2019/NĐ-CP cut-off)
 * @param periodTo          the last day of data it covers
 * @param recipientUnitCode the unit the report goes to: the plan's issuer
 * @param via               the office it goes through ("Phòng Văn hóa và Thông tin"), as the plan names it, or null
 */
public record ReportObligationFacts(
        String obligationId,
        String planId,
        String planNumber,
        String planTitle,
        String unitCode,
        String unitName,
        String provinceCode,
        String recipientUnitCode,
        String via,
        String periodType,
        String periodName,
        LocalDate periodFrom,
        LocalDate periodTo,
        LocalDate dueDate) {
}
