package vn.gov.par.notification.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import vn.gov.par.notification.reminder.ReminderPlanner;
import vn.gov.par.support.PlatformProperties;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.access.HistoryEntry;
import vn.gov.par.support.persistence.Documents;

/**
 * The working calendar in force: Vietnam's statutory holidays (lunar ones resolved for each year) and compensatory
 * days, the government's yearly decisions shipped with the service ({@link GovernmentDecisions}), and what
 * administrators record over them (days off, make-up Saturdays, corrections), kept in the store so every instance and
 * every restart sees the same calendar.
 */
@Component
public class WorkingCalendars {

    private static final String COLLECTION = "calendar_adjustments";

    private final MongoTemplate mongo;
    private final ZoneId zone;
    private final Clock clock;

    public WorkingCalendars(MongoTemplate mongo, PlatformProperties properties, Clock clock) {
        this.mongo = mongo;
        this.zone = ZoneId.of(properties.timeZone());
        this.clock = clock;
    }

    /**
     * What was recorded of one date.
     *
     * @param lastChange who recorded it and when ({@code SET}); null for one recorded before who did it was kept
     */
    public record Adjustment(LocalDate date, String name, boolean dayOff, HistoryEntry lastChange) {
    }

    /** The statute, the government's decisions shipped with the service, and what administrators recorded over them. */
    public WorkingCalendar current() {
        Map<LocalDate, Adjustment> byDate = new TreeMap<>();
        GovernmentDecisions.shipped().forEach(d -> byDate.put(d.date(), new Adjustment(d.date(), d.name(), d.dayOff(), null)));
        adjustments().forEach(a -> byDate.put(a.date(), a));
        Collection<Adjustment> adjustments = byDate.values();
        return new WorkingCalendar(adjustments.stream().filter(Adjustment::dayOff).map(a -> new Holiday(a.date(), a.name())).toList(),
                adjustments.stream().filter(a -> !a.dayOff()).map(Adjustment::date).toList());
    }

    public ReminderPlanner planner() {
        return new ReminderPlanner(current(), zone);
    }

    public List<Adjustment> adjustments() {
        return mongo.find(new Query().with(Sort.by("date")), Adjustment.class, COLLECTION);
    }

    /**
     * Records a day off or a working day for a date, replacing what was said of that date before. The calendar holds
     * nationwide, so only an administrator of the unit at the head of the directory may change it.
     */
    public Adjustment adjust(LocalDate date, String name, boolean dayOff, Access access) {
        access.requireAdministersEverything("ghi nhận ngày nghỉ bù, ngày làm việc bù");
        Adjustment adjustment = new Adjustment(date, name, dayOff, new HistoryEntry("SET", clock.instant(), access.official().actor()));
        Documents.upsert(mongo, COLLECTION, adjustment, adjustment.date().toString());
        return adjustment;
    }

    /** Removes what was recorded of a date: for an administrator of the head of the directory, as {@link #adjust} is. */
    public void remove(LocalDate date, Access access) {
        access.requireAdministersEverything("xóa ngày nghỉ bù, ngày làm việc bù đã ghi nhận");
        mongo.getCollection(COLLECTION).deleteOne(new Document("_id", date.toString()));
    }
}
