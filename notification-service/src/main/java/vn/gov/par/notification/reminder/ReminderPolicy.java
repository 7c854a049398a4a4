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
 * @param lateDays                 how the days after a deadline are counted (overdue reminders, escalation)
 * @param cooperatingUnits         what a unit named only as cooperating on the work hears of its deadline
 * @param sendAt                   the local time (Asia/Ho_Chi_Minh) reminders go out
 */
public record ReminderPolicy(List<Integer> daysBefore, boolean onDay, int overdueEveryDays, int escalateAfterDaysOverdue,
        LateDays lateDays, CooperatingUnits cooperatingUnits, LocalTime sendAt) {

    /** How "3 days overdue" is counted from the effective deadline. */
    public enum LateDays {
        /** Days offices work: escalation "after 3 days" of a deadline on Thursday goes out on Tuesday. */
        WORKING,
        /** Every day, the reminder then going out on the first working day from the day reached. */
        CALENDAR
    }

    /**
     * What cooperating units hear: the lead unit answers for the work, so only it is chased when it is late and only it
     * is named to the supervisor.
     */
    public enum CooperatingUnits {
        /** The earliest reminder before the deadline, as information; nothing after it. */
        INFORMED_BEFORE,
        /** Nothing. */
        NOT_REMINDED
    }

    /** No interval in a policy is longer than a year: a larger number is a configuration mistake. */
    public static final int MAX_DAYS = 366;

    public ReminderPolicy {
        Objects.requireNonNull(daysBefore, "daysBefore");
        Objects.requireNonNull(lateDays, "lateDays");
        Objects.requireNonNull(cooperatingUnits, "cooperatingUnits");
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

    /**
     * 7 and 1 days before, on the day, every 3 working days overdue, escalation after 3 working days, all at 07:30;
     * cooperating units informed before the deadline.
     */
    public static ReminderPolicy defaults() {
        return new ReminderPolicy(List.of(7, 1), true, 3, 3, LateDays.WORKING, CooperatingUnits.INFORMED_BEFORE, LocalTime.of(7, 30));
    }

    private static void requireInRange(int days, String what) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException(what + " must be 1.." + MAX_DAYS + " days, not " + days);
        }
    }
}
