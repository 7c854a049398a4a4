package vn.gov.par.notification.mail;

import java.time.LocalDate;

import vn.gov.par.notification.reminder.DeadlineKind;
import vn.gov.par.notification.reminder.Stage;

/**
 * One deadline in a day's email.
 *
 * @param whatIsDue  in Vietnamese, e.g. "Ban hành kế hoạch thực hiện Kế hoạch số 96/KH-UBND", "Báo cáo 6 tháng đầu năm 2025"
 * @param unitName   the unit that owes the work (for an escalation, not the recipient's own unit)
 * @param daysLate   0 unless overdue
 * @param actionUrl  where to act in the console
 */
public record DigestItem(String deadlineId, DeadlineKind kind, Stage stage, String whatIsDue, String planNumber, String planTitle,
        String unitName, LocalDate dueDate, long daysLate, String actionUrl) {
}
