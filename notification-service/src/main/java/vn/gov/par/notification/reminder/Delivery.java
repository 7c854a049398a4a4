package vn.gov.par.notification.reminder;

import java.time.Instant;

import vn.gov.par.support.domain.DerivedId;

/**
 * A reminder to one recipient: at most once per deadline, recipient and stage, because its id is derived
 * from the reminder and the address. The intent is recorded (SENDING) before the mail goes out and marked
 * SENT after; a crash in between leaves SENDING past its lease, which is the only case sent again, and
 * that resend is flagged and counted.
 */
public record Delivery(String id, String reminderId, String deadlineId, String recipientEmail, String recipientName,
        String recipientUnitCode, DeliveryState state, Instant leaseUntil, Instant settledAt, String failure, boolean resentAfterCrash) {

    public static String idOf(String reminderId, String recipientEmail) {
        return DerivedId.of(reminderId, recipientEmail);
    }

    public static Delivery intent(String id, Reminder reminder, vn.gov.par.notification.mail.Recipient recipient, Instant leaseUntil) {
        return new Delivery(id, reminder.id(), reminder.deadlineId(), recipient.email(), recipient.name(), recipient.unitCode(),
                DeliveryState.SENDING, leaseUntil, null, null, false);
    }

    public boolean isSettled() {
        return state != DeliveryState.SENDING;
    }

    public boolean abandonedBefore(Instant now) {
        return state == DeliveryState.SENDING && leaseUntil.isBefore(now);
    }

    public Delivery retakenAfterCrash(Instant leaseUntil) {
        return new Delivery(id, reminderId, deadlineId, recipientEmail, recipientName, recipientUnitCode, DeliveryState.SENDING, leaseUntil,
                null, null, true);
    }

    public Delivery sent(Instant at) {
        return new Delivery(id, reminderId, deadlineId, recipientEmail, recipientName, recipientUnitCode, DeliveryState.SENT, null, at, null,
                resentAfterCrash);
    }

    public Delivery failed(Instant at, String reason) {
        return new Delivery(id, reminderId, deadlineId, recipientEmail, recipientName, recipientUnitCode, DeliveryState.FAILED, null, at,
                reason, resentAfterCrash);
    }
}
