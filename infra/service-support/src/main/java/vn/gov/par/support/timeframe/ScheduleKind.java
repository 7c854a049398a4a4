package vn.gov.par.support.timeframe;

/** What a timeframe phrase ("Thời gian thực hiện") was understood to mean. */
public enum ScheduleKind {
    /** A single deadline or a single period: "trước ngày 15/3/2025", "quý II/2025", "trong năm 2024". */
    ONCE,
    /** "hàng tuần", "mỗi tuần": one occurrence per ISO week of the plan's year. */
    WEEKLY,
    /** "hàng tháng", "hằng tháng", "mỗi tháng". */
    MONTHLY,
    /** "hàng quý", "mỗi quý 01 lần". */
    QUARTERLY,
    /** "6 tháng một lần", "định kỳ 6 tháng", "định kỳ 6 tháng, năm". */
    HALF_YEARLY,
    /** "hàng năm", "hằng năm": recurring every year, so one occurrence in the plan's year. */
    YEARLY,
    /** "thường xuyên": continuous work, checked at each of the plan's report periods. */
    ONGOING,
    /** "định kỳ" with no period stated: checked at each of the plan's report periods. */
    PERIODIC,
    /** "đột xuất", "khi có yêu cầu": no dates can be known in advance. */
    ON_DEMAND,
    /** Not understood; kept as written and shown to a person. */
    UNRECOGNISED;

    /** Work with no dates of its own, whose progress is checked at each of the plan's report periods. */
    public boolean checkedAtReportPeriods() {
        return this == ONGOING || this == PERIODIC;
    }
}
