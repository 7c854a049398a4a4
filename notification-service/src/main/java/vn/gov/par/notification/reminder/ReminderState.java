package vn.gov.par.notification.reminder;

/**
 * PENDING until it is settled: DONE once every recipient's delivery is settled and one went out, FAILED when
 * none could be sent, UNREACHABLE when nobody could be written to when it came due (the deadline's later stages
 * still go out, to whoever the unit's contacts are by then), or CANCELLED when the work was done first or the
 * calendar moved it away.
 */
public enum ReminderState {
    PENDING,
    DONE,
    FAILED,
    UNREACHABLE,
    CANCELLED
}
