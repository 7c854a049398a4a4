package vn.gov.par.notification.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import vn.gov.par.notification.calendar.WorkingCalendar;

/**
 * Plans which reminders a deadline gets and when.
 *
 * <p>A deadline is a day, and means the <em>end</em> of that day in the planner's zone (Asia/Ho_Chi_Minh): work
 * due on 18/06 is on time until 23:59:59 on 18/06. A reminder is about a day relative to the deadline (its offset:
 * -7, -1, 0, +3 ...) and goes out at the policy's local time on a working day:
 * <ul>
 * <li>on the day (deadline + offset) if it is a working day, otherwise on the latest working day before it, so
 *     that a reminder before the deadline still arrives before it (a -1 falling on a Sunday goes out on Friday);</li>
 * <li>except that an OVERDUE or ESCALATION reminder never goes out before the deadline has passed. Moving one back
 *     over a weekend or Tết could put it on or before the deadline's day, telling a unit it is late while it still
 *     has time, or reporting it to its supervisor before it could have done the work. Such a reminder goes forward
 *     instead, to the first working day after the deadline: late news of lateness is harmless, early news is
 *     false.</li>
 * </ul>
 * The responsible unit hears of a deadline at most once a day: when two of its reminders come due the same day,
 * only the more urgent one (the later offset) is kept. The supervisor's escalation is separate.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReminderPlanner {

    /** How far {@link #nextOverdue} looks for a day that is not the previous reminder's. */
    private static final int MAX_OVERDUE_GAP_DAYS = 366;

    private final WorkingCalendar calendar;
    private final ZoneId zone;

    public ReminderPlanner(WorkingCalendar calendar, ZoneId zone) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * The reminders a deadline gets when it is set, in send order: BEFORE for each of the policy's days before, ON_DAY,
     * the first OVERDUE (to the responsible unit) and the ESCALATION (to the supervisor). Later OVERDUE reminders
     * come from {@link #nextOverdue}, once the previous one has gone out and the work is still not done.
     *
     * <p>Only reminders that go out after {@code now} are planned: a deadline set 3 days ahead gets no 7-day reminder,
     * and nothing is sent late; a deadline learnt of after it passed gets its first OVERDUE reminder and its ESCALATION at the next send time still to come.
     *
     * @param deadline the day the work is due, by the end of it
     * @param now      the present, from the caller's clock
     */
    public List<PlannedReminder> initial(LocalDate deadline, ReminderPolicy policy, Instant now) {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(now, "now");
        List<PlannedReminder> candidates = new ArrayList<>();
        for (int days : policy.daysBefore()) {
            candidates.add(plan(deadline, policy, Stage.BEFORE, -days, Audience.RESPONSIBLE));
        }
        if (policy.onDay()) {
            candidates.add(plan(deadline, policy, Stage.ON_DAY, 0, Audience.RESPONSIBLE));
        }
        PlannedReminder overdue = firstOverdueAfter(deadline, policy, now);
        candidates.add(overdue);
        PlannedReminder escalation = plan(deadline, policy, Stage.ESCALATION, policy.escalateAfterDaysOverdue(), Audience.SUPERVISOR);
        // Learnt of too late for its day, the escalation still goes out, with the next overdue reminder.
        candidates.add(escalation.sendAt().isAfter(now) ? escalation
                : new PlannedReminder(Stage.ESCALATION, escalation.offsetDays(), Audience.SUPERVISOR, overdue.sendAt()));

        // One reminder per audience and day: the later offset, i.e. the more urgent one.
        Map<Mention, PlannedReminder> byAudienceAndDay = new HashMap<>();
        for (PlannedReminder candidate : candidates) {
            Mention mention = new Mention(candidate.audience(), candidate.sendAt().atZone(zone).toLocalDate());
            byAudienceAndDay.merge(mention, candidate, (a, b) -> a.offsetDays() >= b.offsetDays() ? a : b);
        }
        return byAudienceAndDay.values().stream()
                .filter(reminder -> reminder.sendAt().isAfter(now))
                .sorted(Comparator.comparing(PlannedReminder::sendAt)
                        .thenComparing(PlannedReminder::stage)
                        .thenComparingInt(PlannedReminder::offsetDays))
                .toList();
    }

    /**
     * The OVERDUE reminder after the one at {@code previousOffsetDays}: {@code overdueEveryDays} later, on a working
     * day by the same rules. If that lands on the same day as the previous one (both moved back over a long holiday
     * such as Tết), it is skipped for the next offset after it, so the unit is not told twice on one day.
     *
     * @param previousOffsetDays the offset of the OVERDUE reminder that went out, at least 1
     * @return empty only if the calendar has no working day in a year after the previous reminder's day
     */
    public Optional<PlannedReminder> nextOverdue(LocalDate deadline, ReminderPolicy policy, int previousOffsetDays) {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(policy, "policy");
        if (previousOffsetDays < 1) {
            throw new IllegalArgumentException("An OVERDUE reminder is after the deadline, not at offset " + previousOffsetDays);
        }
        LocalDate previousDay = sendDay(deadline, Stage.OVERDUE, previousOffsetDays);
        for (int offset = previousOffsetDays + policy.overdueEveryDays();
                offset - previousOffsetDays <= MAX_OVERDUE_GAP_DAYS;
                offset += policy.overdueEveryDays()) {
            if (sendDay(deadline, Stage.OVERDUE, offset).isAfter(previousDay)) {
                return Optional.of(plan(deadline, policy, Stage.OVERDUE, offset, Audience.RESPONSIBLE));
            }
        }
        return Optional.empty();
    }

    /** The first OVERDUE reminder still to come: a deadline learnt of after it passed keeps being chased from now on. */
    private PlannedReminder firstOverdueAfter(LocalDate deadline, ReminderPolicy policy, Instant now) {
        PlannedReminder overdue = plan(deadline, policy, Stage.OVERDUE, policy.overdueEveryDays(), Audience.RESPONSIBLE);
        while (!overdue.sendAt().isAfter(now)) {
            Optional<PlannedReminder> next = nextOverdue(deadline, policy, overdue.offsetDays());
            if (next.isEmpty()) {
                break;
            }
            overdue = next.get();
        }
        return overdue;
    }

    /** Who hears of the deadline, and on which day. */
    private record Mention(Audience audience, LocalDate day) {
    }

    private PlannedReminder plan(LocalDate deadline, ReminderPolicy policy, Stage stage, int offsetDays, Audience audience) {
        Instant sendAt = sendDay(deadline, stage, offsetDays).atTime(policy.sendAt()).atZone(zone).toInstant();
        return new PlannedReminder(stage, offsetDays, audience, sendAt);
    }

    /** The working day a reminder about deadline + offset goes out (see the class comment). */
    private LocalDate sendDay(LocalDate deadline, Stage stage, int offsetDays) {
        LocalDate day = calendar.onOrBefore(deadline.plusDays(offsetDays));
        boolean aboutLateness = stage == Stage.OVERDUE || stage == Stage.ESCALATION;
        if (aboutLateness && !day.isAfter(deadline)) {
            return calendar.onOrAfter(deadline.plusDays(1));
        }
        return day;
    }
}
