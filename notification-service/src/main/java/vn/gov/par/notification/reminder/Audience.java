package vn.gov.par.notification.reminder;

/** Who a reminder is for: the unit that owes the work, or the unit supervising it. */
public enum Audience {
    RESPONSIBLE,
    SUPERVISOR
}
