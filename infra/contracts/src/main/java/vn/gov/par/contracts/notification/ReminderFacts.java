package vn.gov.par.contracts.notification;

import java.time.LocalDate;

/**
 * Which reminder went to whom.
 *
 * @param deadlineKind SUB_PLAN, TASK or REPORT
 * @param stage        BEFORE, ON_DAY, OVERDUE or ESCALATION
 * @param offsetDays   days from the deadline the reminder is about (-7, -1, 0, 3, 6 ...)
 * @param unitCode     the unit that owes the work
 */
public record ReminderFacts(
        String reminderId,
        String deadlineId,
        String deadlineKind,
        String sourceId,
        String planId,
        String unitCode,
        String provinceCode,
        String stage,
        int offsetDays,
        LocalDate dueDate,
        String recipientEmail,
        String recipientUnitCode) {
}
