package vn.gov.par.support.timeframe;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One dated piece of a schedule.
 *
 * <p>The parser always fills both dates. Callers that build occurrences by hand may leave {@code periodStart}
 * (unknown start) or {@code dueDate} (on-demand work) {@code null}.
 *
 * @param label       human label in Vietnamese, e.g. "Tháng 3/2025", "Quý I/2025", "6 tháng đầu năm 2025",
 *                    "Năm 2025", "Tuần 12/2025", "Ngày 15/03/2025", "Kỳ báo cáo Quý I/2025"
 * @param periodStart first day of the period the occurrence covers; for a bare deadline ("trước ngày 15/3")
 *                    the text says nothing about a start, so the parser uses the due date itself
 * @param dueDate     the day the work is due (a period is due on its last day)
 */
public record Occurrence(String label, LocalDate periodStart, LocalDate dueDate) {

    public Occurrence {
        Objects.requireNonNull(label, "label");
        if (periodStart != null && dueDate != null && periodStart.isAfter(dueDate)) {
            throw new IllegalArgumentException("periodStart " + periodStart + " is after dueDate " + dueDate);
        }
    }
}
