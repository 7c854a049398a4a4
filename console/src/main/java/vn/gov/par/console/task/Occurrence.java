package vn.gov.par.console.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.gov.par.console.web.Tracking;

/**
 * One due instance of a task, as task-service lists it (the March bulletin of one commune).
 *
 * @param effectiveDueDate the day it is judged by, when the written due date is a day off; null where the service does not say
 */
public record Occurrence(String id, String taskId, String planId, String planNumber, String planTitle, String unitCode, String unitName,
        String role, String activityContent, String label, LocalDate periodStart, LocalDate dueDate, String status,
        List<Progress> progress, LocalDate effectiveDueDate) {

    public Occurrence {
        progress = progress == null ? List.of() : List.copyOf(progress);
    }

    /**
     * One progress record; the latest says where the work stands.
     *
     * @param recordedBy who recorded it; null on entries recorded before the service kept it
     */
    public record Progress(Instant recordedAt, boolean done, LocalDate doneOn, Integer count, List<String> links, String note,
            RecordedBy recordedBy) {

        public Progress {
            links = links == null ? List.of() : List.copyOf(links);
        }
    }

    /** The official who recorded a progress entry, as the service keeps them. */
    public record RecordedBy(String subject, String name, String unitCode) {
    }

    public Tracking tracking(LocalDate today) {
        return Tracking.ofOccurrence(status, periodStart, today);
    }

    public boolean isLead() {
        return "LEAD".equals(role);
    }

    /** "Chủ trì" for the lead unit, "Phối hợp" for a cooperating one. */
    public String roleTitle() {
        return TaskFilter.ROLES.getOrDefault(role, role == null ? "" : role);
    }

    /** This occurrence's page, with its task (task-service reads an occurrence through its task). */
    public String link() {
        return TaskPages.occurrenceLink(id, taskId);
    }

    public Progress latestProgress() {
        return progress.isEmpty() ? null : progress.get(progress.size() - 1);
    }
}
