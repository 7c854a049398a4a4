package vn.gov.par.support.reporting;

/**
 * How report periods are cut and when reports fall due when a clause names no day.
 *
 * @param defaultDueDay day of a period's last month a report is due when the clause states none
 * @param cutOffDay     day of a period's last month its data ends (Decree 09/2019/NĐ-CP: the
 *                      14th); the period starts the day after this in the month before its first month
 */
public record ReportingRules(int defaultDueDay, int cutOffDay) {

    public ReportingRules {
        // June and September have 30 days: a period may start no later than the 30th (cut-off 29).
        if (cutOffDay < 1 || cutOffDay > 29) {
            throw new IllegalArgumentException("cutOffDay must be 1..29, was " + cutOffDay);
        }
        // A report cannot be due before the data it covers is complete.
        if (defaultDueDay <= cutOffDay || defaultDueDay > 30) {
            throw new IllegalArgumentException(
                    "defaultDueDay must be after cutOffDay " + cutOffDay + " and at most 30, was " + defaultDueDay);
        }
    }

    public static ReportingRules defaults() {
        return new ReportingRules(20, 14);
    }
}
