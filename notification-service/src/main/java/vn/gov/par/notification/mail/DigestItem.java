package vn.gov.par.notification.mail;

import java.time.LocalDate;

import vn.gov.par.notification.reminder.DeadlineKind;
import vn.gov.par.notification.reminder.Stage;

/**
 * One deadline in a day's email.
 *
 * @param whatIsDue        in Vietnamese, e.g. "Ban hành kế hoạch thực hiện Kế hoạch số 96/KH-UBND", "Báo cáo 6 tháng đầu năm 2025"
 * @param unitName         the unit that owes the work (for an escalation, not the recipient's own unit)
 * @param dueDate          the effective deadline: the day as written, or the next working day when that is a day off
 * @param daysLate         0 unless overdue, counted from the effective deadline
 * @param actionUrl        where to act in the console
 * @param dueDateAsWritten the day the plan or the obligation gives, shown beside the effective one when they differ
 * @param cooperating      the recipient's unit is named only as cooperating: the line is for information
 */
public record DigestItem(String deadlineId, DeadlineKind kind, Stage stage, String whatIsDue, String planNumber, String planTitle,
        String unitName, LocalDate dueDate, long daysLate, String actionUrl, LocalDate dueDateAsWritten, boolean cooperating) {
}
