package vn.gov.par.support.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a plan's reporting clause into the reports owed in the plan's year.
 *
 * <p>"Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo ... về UBND huyện (qua Phòng Văn
 * hóa và Thông tin)" gives Quý I, 6 tháng, 9 tháng and Năm, each due on the 20th of its last month,
 * to UBND huyện via Phòng Văn hóa và Thông tin. A clause is read only when every timing word in it
 * is understood; otherwise it is returned unrecognised, with the reason, for a person to read
 * (see {@link ClauseReading}). It never guesses.
 */
public final class ReportingClauseParser {

    private ReportingClauseParser() {
    }

    public static ReportingSchedule parse(String text, int year, ReportingRules rules) {
        Objects.requireNonNull(rules, "rules");
        if (text == null || text.isBlank()) {
            return new ReportingSchedule(text, false, false, null, null, null, List.of(), "Chưa có điều khoản báo cáo.");
        }
        ClauseReading reading = ClauseReading.read(text);
        String problem = reading.problem();
        List<PeriodType> types = oneReportPerPeriodEnd(reading.asked());
        Set<Integer> dueDays = reading.dueDays();
        Integer statedDay = dueDays.size() == 1 ? dueDays.iterator().next() : null;
        if (problem == null && types.isEmpty() && !reading.adHoc()) {
            problem = "Không nêu kỳ báo cáo nào (quý, 6 tháng, 9 tháng, năm) hay báo cáo đột xuất.";
        }
        if (problem == null && dueDays.size() > 1) {
            problem = "Nêu nhiều ngày gửi báo cáo khác nhau: " + dueDays + ".";
        }
        if (problem == null && statedDay != null) {
            problem = dueDayProblem(statedDay, types, year, rules);
        }
        if (problem != null) {
            // The office names are copied, not inferred, so they are kept to help whoever fixes the clause.
            return new ReportingSchedule(text, false, false, null, reading.recipient(), reading.via(), List.of(),
                    problem);
        }
        int dueDay = statedDay != null ? statedDay : rules.defaultDueDay();
        List<ReportPeriod> periods = types.stream().map(type -> period(type, year, dueDay, rules)).toList();
        return new ReportingSchedule(text, true, reading.adHoc(), statedDay, reading.recipient(), reading.via(),
                periods, null);
    }

    /**
     * A quarterly series and the 6-month, 9-month and annual reports are one set: each period end
     * (March, June, September, December) gets one report, the widest one asked for there. "Hàng quý,
     * 06 tháng, 09 tháng và năm" is Quý I, 6 tháng, 9 tháng, Năm — four reports, not seven.
     */
    private static List<PeriodType> oneReportPerPeriodEnd(Set<PeriodType> asked) {
        Map<Integer, PeriodType> widestByEnd = new TreeMap<>();
        for (PeriodType type : asked) {
            widestByEnd.merge(type.lastMonth(), type, (a, b) -> a.months() >= b.months() ? a : b);
        }
        return List.copyOf(widestByEnd.values());
    }

    /** Why a stated due day cannot be used, or null. */
    private static String dueDayProblem(int day, List<PeriodType> types, int year, ReportingRules rules) {
        if (day < 1 || day > 31) {
            return "Ngày gửi báo cáo " + day + " không phải một ngày trong tháng.";
        }
        // A report due on or before its data cut-off would be due before its data is complete:
        // the clause must mean something else (e.g. a day of the following month).
        if (day <= rules.cutOffDay()) {
            return "Ngày gửi báo cáo " + day + " không sau ngày chốt số liệu " + rules.cutOffDay() + ".";
        }
        for (PeriodType type : types) {
            if (!YearMonth.of(year, type.lastMonth()).isValidDay(day)) {
                return "Tháng " + type.lastMonth() + " không có ngày " + day + ".";
            }
        }
        return null;
    }

    /**
     * Data cut-off per Decree 09/2019/NĐ-CP: a period's data runs from the day after the cut-off day
     * of the month before its first month (for January, December of the previous year) to the
     * cut-off day of its last month; the report is due on the due day of that last month.
     */
    public static ReportPeriod period(PeriodType type, int year, int dueDay, ReportingRules rules) {
        LocalDate from = LocalDate.of(year, type.firstMonth(), 1).minusMonths(1).withDayOfMonth(rules.cutOffDay() + 1);
        LocalDate to = LocalDate.of(year, type.lastMonth(), rules.cutOffDay());
        LocalDate due = LocalDate.of(year, type.lastMonth(), dueDay);
        return new ReportPeriod(type, type.label(year), from, to, due);
    }
}
