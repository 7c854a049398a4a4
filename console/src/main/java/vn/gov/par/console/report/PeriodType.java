package vn.gov.par.console.report;

import java.time.LocalDate;

/** The report periods of a plan year, as report-service names them, with the names officials use. */
public enum PeriodType {
    Q1("Quý I"),
    Q2("Quý II"),
    HALF_YEAR("6 tháng"),
    Q3("Quý III"),
    NINE_MONTHS("9 tháng"),
    Q4("Quý IV"),
    YEAR("Năm");

    private final String label;

    PeriodType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The quarter that ends last on or before this day, or Quý IV (of the year before) in January to March. */
    public static PeriodType lastEndedQuarter(LocalDate day) {
        int month = day.getMonthValue();
        return month <= 3 ? Q4 : month <= 6 ? Q1 : month <= 9 ? Q2 : Q3;
    }

    public static PeriodType parse(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
