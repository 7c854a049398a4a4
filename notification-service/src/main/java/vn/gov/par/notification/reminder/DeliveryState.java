package vn.gov.par.notification.reminder;

/** SENDING is the intent, written before the mail goes out; SENT and FAILED are final. */
public enum DeliveryState {
    SENDING,
    SENT,
    FAILED
}
