package vn.gov.par.notification.reminder;

import java.time.Instant;

/**
 * One planned reminder of a deadline (its id: the deadline, the stage and the offset), stored so a
 * restart loses and repeats none. Recipients are resolved when it is sent, so contacts added meanwhile
 * count. {@code claimedUntil} keeps two dispatchers from taking it at once, and delays a retry.
 */
public record Reminder(String id, String deadlineId, Stage stage, int offsetDays, Audience audience, Instant sendAt, ReminderState state,
        Instant claimedUntil) {

    public Reminder claim(Instant until) {
        return new Reminder(id, deadlineId, stage, offsetDays, audience, sendAt, state, until);
    }

    public Reminder settled(ReminderState newState) {
        return new Reminder(id, deadlineId, stage, offsetDays, audience, sendAt, newState, null);
    }
}
