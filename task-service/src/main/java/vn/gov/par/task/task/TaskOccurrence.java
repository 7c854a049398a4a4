package vn.gov.par.task.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.text.VietnameseDates;

/**
 * One due instance of a task (the March bulletin, the first-quarter contest). It carries what lists and
 * reminders need about its task, so a page of occurrences is one query. Status moves only forward by
 * its own rules, so a sweep or an event applied twice finds nothing left to do.
 *
 * @param dueDate null for on-demand work
 */
public record TaskOccurrence(
        String id,
        String taskId,
        String planId,
        String rootPlanId,
        String planNumber,
        String planTitle,
        String unitCode,
        String unitName,
        String provinceCode,
        List<String> ancestorCodes,
        TaskRole role,
        String activityContent,
        String label,
        LocalDate periodStart,
        LocalDate dueDate,
        OccurrenceStatus status,
        boolean dueSoonAnnounced,
        List<ProgressEntry> progress,
        List<String> planPath) {

    public TaskOccurrence {
        progress = progress == null ? List.of() : List.copyOf(progress);
        planPath = planPath == null ? List.of() : List.copyOf(planPath);
    }

    public static OccurrenceStatus initialStatus(LocalDate dueDate) {
        return dueDate == null ? OccurrenceStatus.ON_DEMAND : OccurrenceStatus.NOT_DUE;
    }

    /** Appends the entry and answers the occurrence after it; refuses a "done" without its date or dated in the future. */
    public TaskOccurrence record(ProgressEntry entry, LocalDate today) {
        if (entry.done() && entry.doneOn() == null) {
            throw RuleViolationException.invalid("done-date-missing", "Cần nêu ngày hoàn thành (doneOn).");
        }
        if (entry.doneOn() != null && entry.doneOn().isAfter(today)) {
            throw RuleViolationException.invalid("done-date-in-future", "Ngày hoàn thành " + VietnameseDates.format(entry.doneOn()) + " chưa tới.");
        }
        if (entry.count() != null && entry.count() < 0) {
            throw RuleViolationException.invalid("negative-count", "Số lượng sản phẩm không được âm.");
        }
        List<ProgressEntry> history = new ArrayList<>(progress);
        history.add(entry);
        return with(statusAfter(entry, today), dueSoonAnnounced, history);
    }

    public Optional<TaskOccurrence> markOverdue(LocalDate today) {
        return status == OccurrenceStatus.NOT_DUE && dueDate.isBefore(today)
                ? Optional.of(with(OccurrenceStatus.OVERDUE, dueSoonAnnounced, progress))
                : Optional.empty();
    }

    /** Announces an occurrence, once, when it is not done and falls due within {@code lead} days. */
    public Optional<TaskOccurrence> announceDueSoon(LocalDate today, int leadDays) {
        boolean withinLead = dueDate != null && !dueDate.isBefore(today) && !dueDate.isAfter(today.plusDays(leadDays));
        return status == OccurrenceStatus.NOT_DUE && !dueSoonAnnounced && withinLead
                ? Optional.of(with(status, true, progress))
                : Optional.empty();
    }


    private OccurrenceStatus statusAfter(ProgressEntry entry, LocalDate today) {
        if (entry.done()) {
            return dueDate == null || !entry.doneOn().isAfter(dueDate) ? OccurrenceStatus.DONE_ON_TIME : OccurrenceStatus.DONE_LATE;
        }
        if (dueDate == null) {
            return OccurrenceStatus.ON_DEMAND;
        }
        return dueDate.isBefore(today) ? OccurrenceStatus.OVERDUE : OccurrenceStatus.NOT_DUE;
    }

    private TaskOccurrence with(OccurrenceStatus newStatus, boolean announced, List<ProgressEntry> history) {
        return new TaskOccurrence(id, taskId, planId, rootPlanId, planNumber, planTitle, unitCode, unitName, provinceCode, ancestorCodes,
                role, activityContent, label, periodStart, dueDate, newStatus, announced, history, planPath);
    }
}
