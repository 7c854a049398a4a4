package vn.gov.par.task.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import vn.gov.par.support.calendar.WorkingCalendar;
import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.text.VietnameseDates;

/**
 * One due instance of a task (the March bulletin, the first-quarter contest). It carries what lists and
 * reminders need about its task, so a page of occurrences is one query. What has been announced about it
 * (due soon, overdue) is kept as facts of its own, apart from the status a correction may move back and forth,
 * so a sweep or an event applied twice finds nothing left to announce.
 *
 * @param dueDate          null for on-demand work
 * @param overdueAnnounced TaskOverdue was published for it: never again, whatever corrections follow
 * @param releasedOn       the day its unit was retired, before this work fell due and before it was done: owed by nobody since,
 *                         and kept only for the progress recorded on it (what nobody worked on is removed instead), so neither
 *                         swept, counted nor listed; it is read with its task. Null for work owed.
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
        boolean overdueAnnounced,
        List<ProgressEntry> progress,
        List<String> planPath,
        LocalDate releasedOn) {

    public TaskOccurrence {
        progress = progress == null ? List.of() : List.copyOf(progress);
        planPath = planPath == null ? List.of() : List.copyOf(planPath);
    }

    public static OccurrenceStatus initialStatus(LocalDate dueDate) {
        return dueDate == null ? OccurrenceStatus.ON_DEMAND : OccurrenceStatus.NOT_DUE;
    }

    /** What a progress entry changed, for the event it implies. */
    public enum ProgressChange {
        /** Nothing another service relies on: still not done, or done with the same facts. */
        NONE,
        /** Done, or done with other facts (a new date, count, links or note) than were last announced. */
        COMPLETED,
        /** Corrected from done to not done: its deadline stands again. */
        REOPENED
    }

    public record Recorded(TaskOccurrence occurrence, ProgressChange change) {
    }

    /**
     * Appends the entry (history is never rewritten: a correction is one more entry) and says what it changed.
     * A completion is announced each time its facts change: on first completion, on completion again after a
     * reopening, and on a corrected date, count, links or note while staying done. Consumers therefore treat
     * TaskCompleted as the latest completion facts of the occurrence and upsert them by occurrence id; TaskReopened
     * withdraws them. Refuses a "done" without its date, or a date in the future.
     */
    public Recorded record(ProgressEntry entry, LocalDate today, WorkingCalendar calendar) {
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
        TaskOccurrence after = new TaskOccurrence(id, taskId, planId, rootPlanId, planNumber, planTitle, unitCode, unitName, provinceCode,
                ancestorCodes, role, activityContent, label, periodStart, dueDate, statusAfter(entry, today, calendar), dueSoonAnnounced,
                overdueAnnounced, history, planPath, releasedOn);
        return new Recorded(after, changeTo(after));
    }

    /** The latest completion facts, while the occurrence stands as done. */
    public Optional<ProgressEntry> completion() {
        return status.isDone() ? Optional.of(progress.get(progress.size() - 1)) : Optional.empty();
    }

    /**
     * Marks an occurrence overdue and announces it, once, when it is past its effective deadline (a due date on a day
     * off runs to the end of the next working day), not done, and still owed.
     */
    public Optional<TaskOccurrence> markOverdue(LocalDate today, WorkingCalendar calendar) {
        return releasedOn == null && !status.isDone() && dueDate != null && calendar.isLate(dueDate, today) && !overdueAnnounced
                ? Optional.of(with(OccurrenceStatus.OVERDUE, dueSoonAnnounced, true))
                : Optional.empty();
    }

    /** Announces an occurrence, once, when it is not done, still owed, and falls due within {@code lead} days. */
    public Optional<TaskOccurrence> announceDueSoon(LocalDate today, int leadDays) {
        boolean withinLead = dueDate != null && !dueDate.isBefore(today) && !dueDate.isAfter(today.plusDays(leadDays));
        return releasedOn == null && status == OccurrenceStatus.NOT_DUE && !dueSoonAnnounced && withinLead
                ? Optional.of(with(status, true, overdueAnnounced))
                : Optional.empty();
    }

    /** On time and late are judged by the effective deadline, as {@link #markOverdue} is. */
    private OccurrenceStatus statusAfter(ProgressEntry entry, LocalDate today, WorkingCalendar calendar) {
        if (entry.done()) {
            return dueDate == null || calendar.inTime(entry.doneOn(), dueDate) ? OccurrenceStatus.DONE_ON_TIME : OccurrenceStatus.DONE_LATE;
        }
        if (dueDate == null) {
            return OccurrenceStatus.ON_DEMAND;
        }
        return calendar.isLate(dueDate, today) ? OccurrenceStatus.OVERDUE : OccurrenceStatus.NOT_DUE;
    }

    private ProgressChange changeTo(TaskOccurrence after) {
        Optional<ProgressEntry> was = completion();
        Optional<ProgressEntry> now = after.completion();
        if (now.isPresent()) {
            return was.isPresent() && sameFacts(was.get(), now.get()) ? ProgressChange.NONE : ProgressChange.COMPLETED;
        }
        return was.isPresent() ? ProgressChange.REOPENED : ProgressChange.NONE;
    }

    private static boolean sameFacts(ProgressEntry a, ProgressEntry b) {
        return Objects.equals(a.doneOn(), b.doneOn()) && Objects.equals(a.count(), b.count()) && a.links().equals(b.links())
                && Objects.equals(a.note(), b.note());
    }

    private TaskOccurrence with(OccurrenceStatus newStatus, boolean dueSoon, boolean overdue) {
        return new TaskOccurrence(id, taskId, planId, rootPlanId, planNumber, planTitle, unitCode, unitName, provinceCode, ancestorCodes,
                role, activityContent, label, periodStart, dueDate, newStatus, dueSoon, overdue, progress, planPath, releasedOn);
    }

    /** The occurrence owed by nobody since its unit was retired on that day, its progress kept as it stands. */
    public TaskOccurrence released(LocalDate unitRetiredOn) {
        return new TaskOccurrence(id, taskId, planId, rootPlanId, planNumber, planTitle, unitCode, unitName, provinceCode, ancestorCodes,
                role, activityContent, label, periodStart, dueDate, status, dueSoonAnnounced, overdueAnnounced, progress, planPath,
                unitRetiredOn);
    }
}
