package vn.gov.par.notification.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.contracts.calendar.CalendarDay;
import vn.gov.par.contracts.calendar.WorkingCalendarChanged;
import vn.gov.par.notification.reminder.ReminderPlanner;
import vn.gov.par.support.PlatformProperties;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.access.HistoryEntry;
import vn.gov.par.support.calendar.GovernmentDecisions;
import vn.gov.par.support.calendar.WorkingCalendar;
import vn.gov.par.support.outbox.OutboxMessageFactory;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.ConcurrentUpdateException;
import vn.gov.par.support.persistence.Versioned;

/**
 * The working calendar in force: Vietnam's statutory holidays (lunar ones resolved for each year) and compensatory
 * days, the government's yearly decisions shipped with the platform ({@link GovernmentDecisions}), and what
 * administrators record over them (days off, make-up Saturdays, corrections). What they record is one document, so
 * that every change and its {@link WorkingCalendarChanged} (the other services' deadlines follow it) are one write.
 */
@Component
public class WorkingCalendars {

    private static final String ID = Topics.CALENDAR_KEY;
    /** Two administrators saving at once: each change is tried again on the other's, a few times. */
    private static final int ATTEMPTS = 5;

    private final AggregateStore<DecidedDays> store;
    private final OutboxMessageFactory messages;
    private final ZoneId zone;
    private final Clock clock;

    public WorkingCalendars(AggregateStore<DecidedDays> store, OutboxMessageFactory messages, PlatformProperties properties, Clock clock) {
        this.store = store;
        this.messages = messages;
        this.zone = ZoneId.of(properties.timeZone());
        this.clock = clock;
    }

    /**
     * Every date administrators decided, by date.
     *
     * @param changedAt when they last changed it (null if never since this was kept)
     */
    public record DecidedDays(String id, List<Adjustment> days, Instant changedAt) {
    }

    /**
     * What was recorded of one date.
     *
     * @param lastChange who recorded it and when ({@code SET})
     */
    public record Adjustment(LocalDate date, String name, boolean dayOff, HistoryEntry lastChange) {
    }

    /** The statute, the government's decisions shipped with the platform, and what administrators recorded over them. */
    public WorkingCalendar current() {
        return calendarWith(adjustments());
    }

    /**
     * The calendar in force, its reminder planner, and when administrators last changed it (null if not since this was
     * kept): reminders planned before the change fall due by the calendar as it is since. One read for many deadlines.
     */
    public record InForce(WorkingCalendar calendar, ReminderPlanner planner, Instant changedAt) {
    }

    public InForce inForce() {
        Optional<DecidedDays> decided = store.find(ID).map(Versioned::value);
        WorkingCalendar calendar = calendarWith(decided.map(DecidedDays::days).orElse(List.of()));
        return new InForce(calendar, new ReminderPlanner(calendar, zone), decided.map(DecidedDays::changedAt).orElse(null));
    }

    private static WorkingCalendar calendarWith(List<Adjustment> adjustments) {
        return GovernmentDecisions.calendarWith(adjustments.stream()
                .map(a -> new GovernmentDecisions.Decision(a.date(), a.dayOff(), a.name())).toList());
    }

    public List<Adjustment> adjustments() {
        return store.find(ID).map(decided -> decided.value().days()).orElse(List.of());
    }

    /**
     * Records a day off or a working day for a date, replacing what was said of that date before. The calendar holds
     * nationwide, so only an administrator of the unit at the head of the directory may change it.
     */
    public Adjustment adjust(LocalDate date, String name, boolean dayOff, Access access) {
        access.requireAdministersEverything("ghi nhận ngày nghỉ bù, ngày làm việc bù");
        Adjustment adjustment = new Adjustment(date, name, dayOff, new HistoryEntry("SET", clock.instant(), access.official().actor()));
        change(days -> Stream.concat(days.stream().filter(a -> !a.date().equals(date)), Stream.of(adjustment)).toList());
        return adjustment;
    }

    /** Removes what was recorded of a date: for an administrator of the head of the directory, as {@link #adjust} is. */
    public void remove(LocalDate date, Access access) {
        access.requireAdministersEverything("xóa ngày nghỉ bù, ngày làm việc bù đã ghi nhận");
        change(days -> days.stream().filter(a -> !a.date().equals(date)).toList());
    }

    /** Applies the edit to the recorded days and publishes them all, in one write; an edit that changes nothing writes nothing. */
    private void change(UnaryOperator<List<Adjustment>> edit) {
        for (int attempt = 1; ; attempt++) {
            Optional<Versioned<DecidedDays>> current = store.find(ID);
            List<Adjustment> before = current.map(decided -> decided.value().days()).orElse(List.of());
            List<Adjustment> after = edit.apply(before).stream().sorted(Comparator.comparing(Adjustment::date)).toList();
            if (after.equals(before)) {
                return;
            }
            DecidedDays changed = new DecidedDays(ID, after, clock.instant());
            var event = List.of(messages.create(EventCatalog.WORKING_CALENDAR_CHANGED, Topics.CALENDAR_KEY, "calendar",
                    new WorkingCalendarChanged(after.stream().map(a -> new CalendarDay(a.date(), a.name(), a.dayOff())).toList(),
                            clock.instant())));
            try {
                if (current.isPresent()) {
                    store.update(changed, current.get().revision(), event);
                    return;
                }
                if (store.insertIfAbsent(changed, event)) {
                    return;
                }
            } catch (ConcurrentUpdateException savedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw savedMeanwhile;
                }
            }
        }
    }
}
