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

import vn.gov.par.support.calendar.WorkingCalendar;

/**
 * Plans which reminders a deadline gets and when.
 *
 * <p>A deadline is a day, and means the <em>end</em> of that day in the planner's zone (Asia/Ho_Chi_Minh); a deadline
 * written on a day off runs to the end of the next working day (its effective deadline, Bộ luật Dân sự 2015, Article
 * 148(5)). Every reminder is about a day relative to the effective deadline (its offset: -7, -1, 0, +3 ...) and goes
 * out at the policy's local time on a working day:
 * <ul>
 * <li>a reminder before the deadline or on its day goes out on that day if it is a working day, otherwise on the latest
 *     working day before it, so that it still arrives before the deadline (a -1 falling on a Sunday goes out on
 *     Friday);</li>
 * <li>an OVERDUE or ESCALATION reminder goes out on the offset's working day after the effective deadline (the policy
 *     counts working days, by default) or on the first working day from the offset's calendar day: always forward,
 *     never back, so nobody is told a unit is late before the policy allows.</li>
 * </ul>
 * The responsible unit hears of a deadline at most once a day: when two of its reminders come due the same day,
 * only the more urgent one (the later offset) is kept. The supervisor's escalation is separate. A unit named only as
 * cooperating hears at most once, before the deadline, as the policy says: it is never chased or escalated.
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
     * the first OVERDUE (to the responsible unit) and the ESCALATION (to the supervisor); for a cooperating unit, the
     * earliest BEFORE reminder at most. Later OVERDUE reminders come from {@link #nextOverdue}, once the previous one has gone
     * out and the work is still not done.
     *
     * <p>Only reminders that go out after {@code now} are planned: a deadline set 3 days ahead gets no 7-day reminder,
     * and nothing is sent late; a deadline learnt of after it passed gets an OVERDUE reminder and its ESCALATION at the next send time.
     *
     * @param deadline    the day the work is due as written, by the end of it
     * @param now         the present, from the caller's clock
     * @param cooperating whether the unit reminded is named only as cooperating on the work
     */
    public List<PlannedReminder> initial(LocalDate deadline, ReminderPolicy policy, Instant now, boolean cooperating) {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(now, "now");
        List<PlannedReminder> candidates = new ArrayList<>();
        for (int days : policy.daysBefore()) {
            candidates.add(plan(deadline, policy, Stage.BEFORE, -days, Audience.RESPONSIBLE));
        }
        if (cooperating) {
            // one line of information, the earliest, so that it can plan its part; the lead answers for the rest
            boolean informed = policy.cooperatingUnits() == ReminderPolicy.CooperatingUnits.INFORMED_BEFORE && !candidates.isEmpty();
            candidates.retainAll(informed ? List.of(candidates.get(0)) : List.of());
        }
        if (!cooperating) {
            if (policy.onDay()) {
                candidates.add(plan(deadline, policy, Stage.ON_DAY, 0, Audience.RESPONSIBLE));
            }
            List<PlannedReminder> overdue = overdueFrom(deadline, policy, now);
            candidates.addAll(overdue);
            PlannedReminder escalation = plan(deadline, policy, Stage.ESCALATION, policy.escalateAfterDaysOverdue(), Audience.SUPERVISOR);
            // Learnt of too late for its day, the escalation still goes out, with the first overdue reminder still to come.
            candidates.add(escalation.sendAt().isAfter(now) ? escalation
                    : new PlannedReminder(Stage.ESCALATION, escalation.offsetDays(), Audience.SUPERVISOR, overdue.get(0).sendAt()));
        }

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
        LocalDate previousDay = sendDay(deadline, policy, previousOffsetDays);
        for (int offset = previousOffsetDays + policy.overdueEveryDays();
                offset - previousOffsetDays <= MAX_OVERDUE_GAP_DAYS;
                offset += policy.overdueEveryDays()) {
            if (sendDay(deadline, policy, offset).isAfter(previousDay)) {
                return Optional.of(plan(deadline, policy, Stage.OVERDUE, offset, Audience.RESPONSIBLE));
            }
        }
        return Optional.empty();
    }

    /**
     * The next OVERDUE reminder after the one at {@code previousOffsetDays} that goes out after {@code now}: after a
     * gap in sending (the service or the mail server down), the unit is chased from now on, not once per stage missed.
     */
    public Optional<PlannedReminder> nextOverdueAfter(LocalDate deadline, ReminderPolicy policy, int previousOffsetDays, Instant now) {
        Optional<PlannedReminder> next = nextOverdue(deadline, policy, previousOffsetDays);
        while (next.isPresent() && !next.get().sendAt().isAfter(now)) {
            next = nextOverdue(deadline, policy, next.get().offsetDays());
        }
        return next;
    }

    /**
     * The OVERDUE reminders still to come: the first at its offset, or, once its day has passed (a deadline learnt of
     * late, or planned again when the calendar changed), the next one due plus, if that is not at the next send time,
     * the latest offset already past, sent at the next send time so that a late unit is told at once. A stage that
     * already went out keeps its id, so planning again sends nothing twice.
     */
    private List<PlannedReminder> overdueFrom(LocalDate deadline, ReminderPolicy policy, Instant now) {
        PlannedReminder past = plan(deadline, policy, Stage.OVERDUE, policy.overdueEveryDays(), Audience.RESPONSIBLE);
        if (past.sendAt().isAfter(now)) {
            return List.of(past);
        }
        PlannedReminder next = past;
        while (!next.sendAt().isAfter(now)) {
            past = next;
            next = nextOverdue(deadline, policy, next.offsetDays()).orElseThrow();
        }
        Instant nextSendTime = nextSendTime(policy, now);
        return next.sendAt().isAfter(nextSendTime)
                ? List.of(new PlannedReminder(Stage.OVERDUE, past.offsetDays(), Audience.RESPONSIBLE, nextSendTime), next)
                : List.of(next);
    }

    /** The first time reminders go out after {@code now}: today's send time if still ahead on a working day, else the next working day's. */
    private Instant nextSendTime(ReminderPolicy policy, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant todays = today.atTime(policy.sendAt()).atZone(zone).toInstant();
        LocalDate day = calendar.isWorkingDay(today) && todays.isAfter(now) ? today : calendar.onOrAfter(today.plusDays(1));
        return day.atTime(policy.sendAt()).atZone(zone).toInstant();
    }

    /** Who hears of the deadline, and on which day. */
    private record Mention(Audience audience, LocalDate day) {
    }

    private PlannedReminder plan(LocalDate deadline, ReminderPolicy policy, Stage stage, int offsetDays, Audience audience) {
        Instant sendAt = sendDay(deadline, policy, offsetDays).atTime(policy.sendAt()).atZone(zone).toInstant();
        return new PlannedReminder(stage, offsetDays, audience, sendAt);
    }

    /** The working day a reminder about the effective deadline + offset goes out (see the class comment). */
    private LocalDate sendDay(LocalDate deadline, ReminderPolicy policy, int offsetDays) {
        LocalDate effective = calendar.effectiveDeadline(deadline);
        if (offsetDays <= 0) {
            return calendar.onOrBefore(effective.plusDays(offsetDays));
        }
        return policy.lateDays() == ReminderPolicy.LateDays.WORKING ? calendar.workingDaysAfter(effective, offsetDays)
                : calendar.onOrAfter(effective.plusDays(offsetDays));
    }
}
