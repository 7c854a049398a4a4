package vn.gov.par.plan.cascade;

import java.time.LocalDate;

import vn.gov.par.support.calendar.WorkingCalendar;
import vn.gov.par.plan.unit.UnitKind;
import vn.gov.par.plan.unit.UnitLevel;

/**
 * A unit's duty to issue its own plan implementing a parent plan by a due date. Its id is derived from
 * the parent plan and the unit, so the fan-out can run again after a crash or a redelivery and find
 * it already there. Overdue is not stored: it follows from the due date, the working calendar and today.
 */
public record SubPlanObligation(
        String id,
        String parentPlanId,
        String rootPlanId,
        String supervisingUnitCode,
        String unitCode,
        String unitName,
        UnitLevel unitLevel,
        UnitKind unitKind,
        String provinceCode,
        LocalDate dueDate,
        String draftPlanId,
        String subPlanNumber,
        LocalDate issuedOn,
        LocalDate cancelledOn) {

    public boolean isOpen() {
        return issuedOn == null && cancelledOn == null;
    }

    /** Fulfilled by the draft's issue; on time when issued on or before the due date. */
    public SubPlanObligation fulfil(String number, LocalDate on) {
        return new SubPlanObligation(id, parentPlanId, rootPlanId, supervisingUnitCode, unitCode, unitName, unitLevel, unitKind,
                provinceCode, dueDate, draftPlanId, number, on, null);
    }

    public SubPlanObligation cancel(LocalDate on) {
        return new SubPlanObligation(id, parentPlanId, rootPlanId, supervisingUnitCode, unitCode, unitName, unitLevel, unitKind,
                provinceCode, dueDate, draftPlanId, null, null, on);
    }

    /** Issued by the effective deadline: a due date on a day off runs to the end of the next working day. */
    public boolean issuedOnTime(WorkingCalendar calendar) {
        return issuedOn != null && calendar.inTime(issuedOn, dueDate);
    }

    public ObligationStatus status(LocalDate today, WorkingCalendar calendar, boolean draftRevised) {
        if (cancelledOn != null) {
            return ObligationStatus.CANCELLED;
        }
        if (issuedOn != null) {
            return issuedOnTime(calendar) ? ObligationStatus.ISSUED_ON_TIME : ObligationStatus.ISSUED_LATE;
        }
        if (calendar.isLate(dueDate, today)) {
            return ObligationStatus.OVERDUE;
        }
        return draftRevised ? ObligationStatus.DRAFTED : ObligationStatus.PENDING;
    }
}
