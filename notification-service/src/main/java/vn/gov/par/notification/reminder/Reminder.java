package vn.gov.par.notification.reminder;

import java.time.Instant;

/**
 * One planned reminder of a deadline (its id: the deadline, the stage and the offset), stored so a
 * restart loses and repeats none. Recipients are resolved when it is sent, so contacts added meanwhile
 * count. {@code heldUntil} delays the next attempt after the mail server was unavailable.
 */
public record Reminder(String id, String deadlineId, Stage stage, int offsetDays, Audience audience, Instant sendAt, ReminderState state,
        Instant heldUntil) {

    public Reminder heldBack(Instant until) {
        return new Reminder(id, deadlineId, stage, offsetDays, audience, sendAt, state, until);
    }

    public Reminder settled(ReminderState newState) {
        return new Reminder(id, deadlineId, stage, offsetDays, audience, sendAt, newState, null);
    }

    boolean isDueBy(Instant now) {
        return state == ReminderState.PENDING && !sendAt.isAfter(now);
    }
}
