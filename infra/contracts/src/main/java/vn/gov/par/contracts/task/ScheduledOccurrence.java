package vn.gov.par.contracts.task;

import java.time.LocalDate;

/**
 * One occurrence of a task as scheduled when the task is assigned.
 *
 * @param label   the period in Vietnamese ("Quý I/2025", "Tháng 3/2025", "Đột xuất")
 * @param dueDate null for on-demand work
 */
public record ScheduledOccurrence(String occurrenceId, String label, LocalDate dueDate) {
}
