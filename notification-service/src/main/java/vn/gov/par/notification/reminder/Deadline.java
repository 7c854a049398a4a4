package vn.gov.par.notification.reminder;

import java.time.LocalDate;

/**
 * Something a unit must do by a date, as learnt from the owning service's events, until its fulfilment
 * closes it. Its id is derived from the kind and the source's id, so the same event opens it once and a
 * fulfilment that arrives first leaves a closed deadline the late opening cannot reopen.
 *
 * @param supervisorUnitCode who is told when it is overdue: the parent unit, or the office the plan names ("qua ...")
 * @param actionPath         where in the console the unit acts on it
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
        String actionPath,
        boolean open) {

    public Deadline closed() {
        return new Deadline(id, kind, sourceId, planId, planNumber, planTitle, unitCode, unitName, provinceCode, supervisorUnitCode, whatIsDue,
                dueDate, actionPath, false);
    }
}
