package vn.gov.par.console.task;

import java.util.List;
import java.util.Optional;

/**
 * A task with all its occurrences, as task-service answers {@code GET /api/tasks/{taskId}}: the occurrence page finds
 * its occurrence there (the service has no single-occurrence read) and shows what the plan wrote of the task.
 */
public record TaskDetail(Task task, List<Occurrence> occurrences) {

    public TaskDetail {
        occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
    }

    /** The fields of a task the console shows; the service's answer has more. */
    public record Task(String id, String planId, String planNumber, String planTitle, String activityLabel, String activityContent,
            String product, Integer targetCount, String targetPer, String unitCode, String unitName, String role, String timeframe) {
    }

    public Optional<Occurrence> occurrence(String occurrenceId) {
        return occurrences.stream().filter(o -> o.id().equals(occurrenceId)).findFirst();
    }

    /** The task's other occurrences, by due date as the service lists them. */
    public List<Occurrence> othersThan(String occurrenceId) {
        return occurrences.stream().filter(o -> !o.id().equals(occurrenceId)).toList();
    }
}
