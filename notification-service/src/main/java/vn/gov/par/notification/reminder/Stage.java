package vn.gov.par.notification.reminder;

/**
 * When, relative to a deadline, a reminder goes out: some days BEFORE, ON_DAY, while OVERDUE (repeated),
 * and the ESCALATION to the supervising unit.
 */
public enum Stage {
    BEFORE,
    ON_DAY,
    OVERDUE,
    ESCALATION
}
