package vn.gov.par.support.reporting;

import java.util.Arrays;
import java.util.List;

/**
 * The report periods of a plan year. A year has four period ends (March, June, September,
 * December); each end has a quarter and, except in March, a wider period starting in January.
 * Constants are ordered by end month, the narrower period first.
 */
public enum PeriodType {
    Q1(1, 3),
    Q2(4, 6),
    HALF_YEAR(1, 6),
    Q3(7, 9),
    NINE_MONTHS(1, 9),
    Q4(10, 12),
    YEAR(1, 12);

    private final int firstMonth;
    private final int lastMonth;

    PeriodType(int firstMonth, int lastMonth) {
        this.firstMonth = firstMonth;
        this.lastMonth = lastMonth;
    }

    public int firstMonth() {
        return firstMonth;
    }

    /** The month the period ends in, and the month its report is due in. */
    public int lastMonth() {
        return lastMonth;
    }

    /**
     * The periods that end in the same month as this one (Q2 and 6 tháng, Q3 and 9 tháng, Q4 and năm), itself
     * included: plans at different levels read into different period types, and a roll-up takes in every report
     * below whose data ends where its own does.
     */
    public List<PeriodType> endingTogether() {
        return Arrays.stream(values()).filter(other -> other.lastMonth == lastMonth).toList();
    }

    public int months() {
        return lastMonth - firstMonth + 1;
    }

    /** The label officials use: "Quý I/2025", "6 tháng đầu năm 2025", "9 tháng đầu năm 2025", "Năm 2025". */
    public String label(int year) {
        return switch (this) {
            case Q1 -> "Quý I/" + year;
            case Q2 -> "Quý II/" + year;
            case Q3 -> "Quý III/" + year;
            case Q4 -> "Quý IV/" + year;
            case HALF_YEAR -> "6 tháng đầu năm " + year;
            case NINE_MONTHS -> "9 tháng đầu năm " + year;
            case YEAR -> "Năm " + year;
        };
    }
}
