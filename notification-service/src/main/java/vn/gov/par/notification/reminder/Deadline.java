package vn.gov.par.notification.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Something a unit must do by a date, as learnt from the owning service's events, until its fulfilment
 * closes it. Its id is derived from the kind and the source's id, so the same event opens it once and a
 * fulfilment that arrives first leaves a closed deadline the late opening cannot reopen.
 *
 * @param supervisorUnitCode who is told when it is overdue: the parent unit, or the office the plan names ("qua ...")
 * @param dueDate            the day it is due as written; {@link vn.gov.par.support.calendar.WorkingCalendar#effectiveDeadline}
 *                           gives the day it really ends
 * @param cooperating        its unit is named only as cooperating on the work (the lead unit answers for it)
 * @param actionPath         where in the console the unit acts on it
 * @param fulfilmentVersion  how far the story of its fulfilment has gone, so that a redelivered older close or reopening
 *                           changes nothing: a report's submission v counts 2v and its return 2v+1; 0 where the source
 *                           has no versions; {@link #FOR_GOOD} once its plan ended
 * @param everFulfilled      its work was done at least once (it may have been reopened since), so that a later
 *                           fulfilment, or an older one redelivered, is not taken for its first
 * @param reminderIds        every reminder written for it (each once due), so they are read by id rather than searched for
 *                           among all reminders; an id is recorded before its reminder is written, so none is ever missing
 * @param plannedFrom        when its reminders were planned: it was opened or reopened then, and what its plan asks for is
 *                           computed from the policy and the calendar as of this time whenever it is needed, never stored ahead
 * @param nextReminderAt     when the next reminder its plan asks for falls due, not yet written; null when nothing more is to
 *                           come (closed, or every stage gone out). Indexed: the dispatcher finds what falls due by it
 * @param lastOverdueOffset  the offset of the last OVERDUE reminder that went out (0: none yet); the next follows from it
 * @param lastOverdueAt      when that one was settled
 */
public record Deadline(
        String id,
        DeadlineKind kind,
        String sourceId,
        String planId,
        String planNumber,
        String planTitle,
        String unitCode,
        String unitName,
        String provinceCode,
        String supervisorUnitCode,
        String whatIsDue,
        LocalDate dueDate,
        boolean cooperating,
        String actionPath,
        boolean open,
        long fulfilmentVersion,
        boolean everFulfilled,
        List<String> reminderIds,
        Instant plannedFrom,
        Instant nextReminderAt,
        int lastOverdueOffset,
        Instant lastOverdueAt) {

    /** The version of a close that nothing reopens: the plan was cancelled or closed. */
    public static final long FOR_GOOD = Long.MAX_VALUE;

    public Deadline {
        reminderIds = reminderIds == null ? List.of() : List.copyOf(reminderIds);
    }

    /** A deadline closed before anything announced it, so that the late announcement cannot open it. */
    static Deadline closedUnannounced(String id, long version) {
        return new Deadline(id, null, null, null, null, null, null, null, null, null, null, null, false, null, false, version, false, List.of(),
                null, null, 0, null);
    }

    /** Whether a close or reopening at this version may apply: it is not older than what was applied last. */
    boolean acceptsChangeAt(long version) {
        return fulfilmentVersion <= version && fulfilmentVersion != FOR_GOOD;
    }

    /** Closed: nothing more is sent about it. */
    Deadline closed(long version) {
        return new Deadline(id, kind, sourceId, planId, planNumber, planTitle, unitCode, unitName, provinceCode, supervisorUnitCode, whatIsDue,
                dueDate, cooperating, actionPath, false, version, everFulfilled, reminderIds, plannedFrom, null, lastOverdueOffset, lastOverdueAt);
    }

    /** Closed because its work is done. */
    Deadline fulfilled(long version) {
        return new Deadline(id, kind, sourceId, planId, planNumber, planTitle, unitCode, unitName, provinceCode, supervisorUnitCode, whatIsDue,
                dueDate, cooperating, actionPath, false, version, true, reminderIds, plannedFrom, null, lastOverdueOffset, lastOverdueAt);
    }

    /** Open, its reminders planned from {@code now}. */
    Deadline reopened(long version, Instant now) {
        return new Deadline(id, kind, sourceId, planId, planNumber, planTitle, unitCode, unitName, provinceCode, supervisorUnitCode, whatIsDue,
                dueDate, cooperating, actionPath, true, version, everFulfilled, reminderIds, now, null, lastOverdueOffset, lastOverdueAt);
    }

    /** This deadline open again at {@code version}, as {@code announced} now describes it, with its history, its reminders planned from {@code now}. */
    Deadline reopenedAs(Deadline announced, long version, Instant now) {
        return new Deadline(id, announced.kind, announced.sourceId, announced.planId, announced.planNumber, announced.planTitle,
                announced.unitCode, announced.unitName, announced.provinceCode, announced.supervisorUnitCode, announced.whatIsDue,
                announced.dueDate, announced.cooperating, announced.actionPath, true, version, everFulfilled, reminderIds, now, null,
                lastOverdueOffset, lastOverdueAt);
    }

    /** This deadline, waking the dispatcher at {@code next} (null: nothing more to come). */
    Deadline remindingNextAt(Instant next) {
        return new Deadline(id, kind, sourceId, planId, planNumber, planTitle, unitCode, unitName, provinceCode, supervisorUnitCode, whatIsDue,
                dueDate, cooperating, actionPath, open, fulfilmentVersion, everFulfilled, reminderIds, plannedFrom, next, lastOverdueOffset,
                lastOverdueAt);
    }

    /** This deadline after the OVERDUE reminder at {@code offset} was settled at {@code at}: the next follows from it. */
    Deadline overdueSent(int offset, Instant at) {
        return new Deadline(id, kind, sourceId, planId, planNumber, planTitle, unitCode, unitName, provinceCode, supervisorUnitCode, whatIsDue,
                dueDate, cooperating, actionPath, open, fulfilmentVersion, everFulfilled, reminderIds, plannedFrom, nextReminderAt,
                Math.max(offset, lastOverdueOffset), offset >= lastOverdueOffset ? at : lastOverdueAt);
    }
}
