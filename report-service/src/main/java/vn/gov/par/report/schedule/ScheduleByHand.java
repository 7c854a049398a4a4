package vn.gov.par.report.schedule;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.reporting.PeriodType;
import vn.gov.par.support.reporting.ReportPeriod;
import vn.gov.par.support.reporting.ReportingClauseParser;
import vn.gov.par.support.reporting.ReportingRules;

/**
 * The schedule a person sets for a plan whose reporting clause could not be read: the period types they chose,
 * due on the day they give (else the default day) of each period's last month, with the same data cut-off as a
 * clause read by {@link ReportingClauseParser}. Everything wrong is refused at once, in Vietnamese.
 */
public final class ScheduleByHand {

    private ScheduleByHand() {
    }

    public static List<ReportPeriod> periods(List<PeriodType> types, Integer dueDay, int year, ReportingRules rules) {
        List<String> problems = new ArrayList<>();
        if (types == null || types.isEmpty() || types.contains(null)) {
            problems.add("Cần chọn ít nhất một kỳ báo cáo hợp lệ (periodTypes).");
        } else {
            problems.addAll(oneReportPerPeriodEnd(types));
        }
        if (dueDay != null) {
            problems.addAll(dueDayProblems(dueDay, types == null ? List.of() : types, year, rules));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(RuleViolationException.Kind.INVALID, "invalid-reporting-schedule",
                    "Lịch báo cáo không hợp lệ.", problems);
        }
        int day = dueDay != null ? dueDay : rules.defaultDueDay();
        return types.stream().sorted(Comparator.naturalOrder()).map(type -> ReportingClauseParser.period(type, year, day, rules)).toList();
    }

    /** Q2 and 6 tháng (or Q4 and năm) would be two reports on the same data: a plan asks for one per period end. */
    private static List<String> oneReportPerPeriodEnd(List<PeriodType> types) {
        Map<Integer, PeriodType> byEnd = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (PeriodType type : types) {
            PeriodType other = byEnd.putIfAbsent(type.lastMonth(), type);
            if (other != null) {
                problems.add(other == type ? "Kỳ " + type + " được chọn hai lần."
                        : "Kỳ " + other + " và " + type + " cùng kết thúc vào tháng " + type.lastMonth() + "; mỗi thời điểm chỉ một báo cáo.");
            }
        }
        return problems;
    }

    private static List<String> dueDayProblems(int day, List<PeriodType> types, int year, ReportingRules rules) {
        if (day <= rules.cutOffDay()) {
            return List.of("Ngày hạn nộp (dueDay) phải sau ngày chốt số liệu " + rules.cutOffDay() + ".");
        }
        return types.stream().filter(type -> type != null && !YearMonth.of(year, type.lastMonth()).isValidDay(day))
                .map(type -> "Tháng " + type.lastMonth() + " không có ngày " + day + ".").distinct().toList();
    }
}
