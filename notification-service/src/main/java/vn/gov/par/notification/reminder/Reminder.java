package vn.gov.par.notification.reminder;

import java.time.Instant;
import java.util.List;

/**
 * One planned reminder of a deadline (its id: the deadline, the stage and the offset), stored so a
 * restart loses and repeats none. Recipients are resolved when it is sent, so contacts added meanwhile
 * count. {@code heldUntil} delays the next attempt after the mail server was unavailable.
 * {@code deliveryIds} names every delivery begun for it, each recorded before the delivery is written, so that
 * its deliveries are read by id, those to people no longer among its recipients included.
 */
public record Reminder(String id, String deadlineId, Stage stage, int offsetDays, Audience audience, Instant sendAt, ReminderState state,
        Instant heldUntil, List<String> deliveryIds) {

    public Reminder {
        deliveryIds = deliveryIds == null ? List.of() : List.copyOf(deliveryIds);
    }

    public Reminder heldBack(Instant until) {
        return new Reminder(id, deadlineId, stage, offsetDays, audience, sendAt, state, until, deliveryIds);
    }

    public Reminder settled(ReminderState newState) {
        return new Reminder(id, deadlineId, stage, offsetDays, audience, sendAt, newState, null, deliveryIds);
    }

    /** This plan of the reminder, which keeps the deliveries already begun for it. */
    Reminder replanOf(Reminder known) {
        return new Reminder(id, deadlineId, stage, offsetDays, audience, sendAt, state, heldUntil, known.deliveryIds);
    }

    boolean isDueBy(Instant now) {
        return state == ReminderState.PENDING && !sendAt.isAfter(now);
    }
}
