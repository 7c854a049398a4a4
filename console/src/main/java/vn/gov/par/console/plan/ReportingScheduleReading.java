package vn.gov.par.console.plan;

import java.time.LocalDate;
import java.util.List;

/** How report-service reads a plan's reporting clause, as it will when the plan is issued: the reports it will ask for. */
public record ReportingScheduleReading(String text, boolean recognised, String recipient, String via, List<Period> periods, String problem) {

    public ReportingScheduleReading {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    public record Period(String name, LocalDate dueDate) {
    }
}
