package vn.gov.par.notification.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.gov.par.support.calendar.WorkingCalendar;
import vn.gov.par.notification.calendar.WorkingCalendars;
import vn.gov.par.notification.mail.Recipient;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.persistence.AggregateStore;

/**
 * The reminders that will go out in the coming days, addressed as the dispatcher will address them, so an operator or
 * the console can show what is planned before it happens: those due and waiting, those the deadlines' plans will write
 * when they fall due, and the overdue ones that follow them while the work is not done. What was sent is in the mail log.
 */
@Service
public class RemindersAhead {

    private final AggregateStore<Reminder> reminders;
    private final Deadlines deadlines;
    private final Addressees addressees;
    private final WorkingCalendars calendars;
    private final ReminderPolicies policies;
    private final Clock clock;

    public RemindersAhead(AggregateStore<Reminder> reminders, Deadlines deadlines, Addressees addressees, WorkingCalendars calendars,
            ReminderPolicies policies, Clock clock) {
        this.reminders = reminders;
        this.deadlines = deadlines;
        this.addressees = addressees;
        this.calendars = calendars;
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * One reminder to come.
     *
     * @param goesOutAt        when it goes out: its planned time, or, for one already due (a backlog), the next send time
     * @param audienceUnitCode the unit written to: the deadline's, or for an escalation its supervisor
     * @param dueDate          the deadline as written
     * @param effectiveDueDate the day it really ends (the next working day when the written one is a day off)
     */
    public record Ahead(Instant goesOutAt, Stage stage, int offsetDays, Audience audience, String audienceUnitCode, List<Recipient> recipients,
            String deadlineId, DeadlineKind kind, String whatIsDue, String planId, String planNumber, String unitCode, String unitName,
            LocalDate dueDate, LocalDate effectiveDueDate, boolean cooperating) {
    }

    /** What goes out within {@code days} from now, about the units the official sees, by the filters given, in send order. */
    public List<Ahead> within(int days, String unitCode, String planId, String recipient, Access access) {
        Instant now = clock.instant();
        Instant nextSendTime = LocalDate.ofInstant(now, clock.getZone()).atTime(policies.sendAt()).atZone(clock.getZone()).toInstant();
        Instant horizon = now.plus(Duration.ofDays(days));
        Query pending = Query.query(Criteria.where("state").is(ReminderState.PENDING).and("sendAt").lte(horizon));
        WorkingCalendars.InForce inForce = calendars.inForce();
        WorkingCalendar calendar = inForce.calendar();
        Map<String, Optional<Deadline>> open = new HashMap<>();
        List<Reminder> toCome = new ArrayList<>(reminders.find(pending));
        for (Deadline deadline : deadlines.remindingBy(horizon)) {
            open.put(deadline.id(), Optional.of(deadline));
            deadlines.toCome(deadline, inForce).stream().filter(r -> !r.sendAt().isAfter(horizon)).forEach(toCome::add);
        }
        List<Ahead> ahead = new ArrayList<>();
        for (Reminder reminder : toCome) {
            Optional<Deadline> found = open.computeIfAbsent(reminder.deadlineId(), id -> deadlines.find(id).filter(Deadline::open));
            if (found.isEmpty() || (planId != null && !planId.equals(found.get().planId()))) {
                continue;
            }
            Deadline deadline = found.get();
            String audienceUnit = addressees.unitOf(reminder, deadline);
            if (!sees(access, deadline.unitCode()) && !sees(access, audienceUnit)
                    || unitCode != null && !unitCode.equals(deadline.unitCode()) && !unitCode.equals(audienceUnit)) {
                continue;
            }
            List<Recipient> recipients = addressees.at(reminder.audience(), audienceUnit);
            if (recipient != null && recipients.stream().noneMatch(r -> r.email().equalsIgnoreCase(recipient))) {
                continue;
            }
            Instant goesOutAt = reminder.sendAt().isAfter(nextSendTime) ? reminder.sendAt() : max(nextSendTime, now);
            ahead.add(ahead(goesOutAt, reminder.stage(), reminder.offsetDays(), reminder.audience(), audienceUnit, recipients, deadline, calendar));
            if (reminder.stage() == Stage.OVERDUE) {
                // the later overdue reminders are planned as each goes out; they go out if the work is still not done by then
                Optional<PlannedReminder> next = inForce.planner().nextOverdueAfter(deadline.dueDate(), policies.of(deadline.kind()),
                        reminder.offsetDays(), goesOutAt);
                while (next.isPresent() && !next.get().sendAt().isAfter(horizon)) {
                    ahead.add(ahead(next.get().sendAt(), Stage.OVERDUE, next.get().offsetDays(), Audience.RESPONSIBLE, audienceUnit, recipients,
                            deadline, calendar));
                    next = inForce.planner().nextOverdue(deadline.dueDate(), policies.of(deadline.kind()), next.get().offsetDays());
                }
            }
        }
        ahead.sort(Comparator.comparing(Ahead::goesOutAt).thenComparing(Ahead::deadlineId).thenComparing(Ahead::stage));
        return ahead;
    }

    private static Ahead ahead(Instant goesOutAt, Stage stage, int offsetDays, Audience audience, String audienceUnit, List<Recipient> recipients,
            Deadline deadline, WorkingCalendar calendar) {
        return new Ahead(goesOutAt, stage, offsetDays, audience, audienceUnit, recipients, deadline.id(), deadline.kind(), deadline.whatIsDue(),
                deadline.planId(), deadline.planNumber(), deadline.unitCode(), deadline.unitName(), deadline.dueDate(),
                calendar.effectiveDeadline(deadline.dueDate()), deadline.cooperating());
    }

    private static boolean sees(Access access, String unitCode) {
        return unitCode != null && (access.seesEverything() || access.subtree().contains(unitCode));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
