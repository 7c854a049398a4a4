package vn.gov.par.contracts.task;

import java.time.LocalDate;

/**
 * What every event about one occurrence of a task says about it, so a consumer can act (remind, count)
 * without asking task-service.
 *
 * @param label the occurrence's period in Vietnamese ("Quý I/2025", "Tháng 3/2025")
 */
public record TaskOccurrenceFacts(
        String occurrenceId,
        String taskId,
        String planId,
        String planNumber,
        String planTitle,
        String unitCode,
        String unitName,
        String provinceCode,
        String role,
        String activityContent,
        String label,
        LocalDate dueDate) {
}
