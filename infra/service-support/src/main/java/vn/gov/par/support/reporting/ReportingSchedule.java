package vn.gov.par.support.reporting;

import java.util.List;

/**
 * What a plan's reporting clause asks for in one plan year.
 *
 * @param text       the clause as written
 * @param recognised false when the clause cannot be read with confidence; it then has no periods
 *                   and must be shown to a person
 * @param adHoc      the clause also (or only) asks for ad hoc reports ("đột xuất", "khi có yêu cầu")
 * @param dueDay     the day of each period's last month stated in the clause ("ngày 20 hàng quý");
 *                   null when none is stated (the periods then use the default due day)
 * @param recipient  who reports go to ("UBND huyện"), as written, or null
 * @param via        the office reports go through ("Phòng Nội vụ"), as written, or null
 * @param periods    the reports owed, in order of their period end
 * @param problem    why the clause was not recognised, for the person who reviews it; null when recognised
 */
public record ReportingSchedule(String text, boolean recognised, boolean adHoc, Integer dueDay, String recipient,
                                String via, List<ReportPeriod> periods, String problem) {

    public ReportingSchedule {
        periods = List.copyOf(periods);
    }
}
