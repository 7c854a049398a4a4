package vn.gov.par.notification.reminder;

import java.time.LocalTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * When a kind of deadline is reminded of.
 *
 * @param daysBefore               days before the deadline to send a BEFORE reminder, each 1..{@value #MAX_DAYS}, no
 *                                 repeats; kept sorted farthest first (send order), e.g. [7, 1]; may be empty
 * @param onDay                    whether to send an ON_DAY reminder on the deadline's day
 * @param overdueEveryDays         days between OVERDUE reminders, the first this many days after the deadline;
 *                                 1..{@value #MAX_DAYS}
 * @param escalateAfterDaysOverdue days after the deadline the ESCALATION to the supervising unit goes out;
 *                                 1..{@value #MAX_DAYS}
 * @param sendAt                   the local time (Asia/Ho_Chi_Minh) reminders go out
 */
public record ReminderPolicy(List<Integer> daysBefore, boolean onDay, int overdueEveryDays, int escalateAfterDaysOverdue,
        LocalTime sendAt) {

    /** No interval in a policy is longer than a year: a larger number is a configuration mistake. */
    public static final int MAX_DAYS = 366;

    public ReminderPolicy {
        Objects.requireNonNull(daysBefore, "daysBefore");
        Objects.requireNonNull(sendAt, "sendAt");
        if (new HashSet<>(daysBefore).size() != daysBefore.size()) {
            throw new IllegalArgumentException("daysBefore repeats a day: " + daysBefore);
        }
        for (Integer days : daysBefore) {
            requireInRange(Objects.requireNonNull(days, "daysBefore holds a null"), "daysBefore");
        }
        requireInRange(overdueEveryDays, "overdueEveryDays");
        requireInRange(escalateAfterDaysOverdue, "escalateAfterDaysOverdue");
        daysBefore = daysBefore.stream().sorted(Comparator.reverseOrder()).toList();
    }

    /** 7 and 1 days before, on the day, every 3 days overdue, escalation 3 days after, all at 07:30. */
    public static ReminderPolicy defaults() {
        return new ReminderPolicy(List.of(7, 1), true, 3, 3, LocalTime.of(7, 30));
    }

    private static void requireInRange(int days, String what) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException(what + " must be 1.." + MAX_DAYS + " days, not " + days);
        }
    }
}
