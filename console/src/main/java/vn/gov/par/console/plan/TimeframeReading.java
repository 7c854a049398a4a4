package vn.gov.par.console.plan;

import java.time.LocalDate;
import java.util.List;

/** How task-service reads an activity's timeframe, as it will when the plan is issued: shown beside the words. */
public record TimeframeReading(String text, String kind, boolean recognised, List<Due> occurrences, String note) {

    public TimeframeReading {
        occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
    }

    public record Due(String label, LocalDate periodStart, LocalDate dueDate) {
    }

    /** The first few due dates a row has room for. */
    public List<LocalDate> firstDueDates() {
        return occurrences.stream().map(Due::dueDate).filter(java.util.Objects::nonNull).limit(4).toList();
    }

    public long moreDue() {
        return Math.max(0, occurrences.stream().filter(due -> due.dueDate() != null).count() - 4);
    }
}
