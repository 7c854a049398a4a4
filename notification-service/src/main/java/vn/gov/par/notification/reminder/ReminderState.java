package vn.gov.par.notification.reminder;

/** PENDING until every recipient's delivery is settled (DONE), or CANCELLED when the work was done first. */
public enum ReminderState {
    PENDING,
    DONE,
    CANCELLED
}
