package vn.gov.par.notification.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import vn.gov.par.notification.reminder.ReminderPlanner;
import vn.gov.par.support.PlatformProperties;
import vn.gov.par.support.persistence.Documents;

/**
 * The working calendar in force: Vietnam's statutory holidays (lunar ones resolved for each year), plus
 * what operators add (compensatory days off, corrections) or make working (make-up Saturdays), kept in
 * the store so every instance and every restart sees the same calendar.
 */
@Component
public class WorkingCalendars {

    private static final String COLLECTION = "calendar_adjustments";

    private final MongoTemplate mongo;
    private final ZoneId zone;

    public WorkingCalendars(MongoTemplate mongo, PlatformProperties properties) {
        this.mongo = mongo;
        this.zone = ZoneId.of(properties.timeZone());
    }

    public record Adjustment(LocalDate date, String name, boolean dayOff) {
    }

    public WorkingCalendar current() {
        List<Adjustment> adjustments = adjustments();
        return new WorkingCalendar(adjustments.stream().filter(Adjustment::dayOff).map(a -> new Holiday(a.date(), a.name())).toList(),
                adjustments.stream().filter(a -> !a.dayOff()).map(Adjustment::date).toList());
    }

    public ReminderPlanner planner() {
        return new ReminderPlanner(current(), zone);
    }

    public List<Adjustment> adjustments() {
        return mongo.find(new Query().with(Sort.by("date")), Adjustment.class, COLLECTION);
    }

    /** Records a day off or a working day for a date, replacing what was said of that date before. */
    public void adjust(Adjustment adjustment) {
        Documents.upsert(mongo, COLLECTION, adjustment, adjustment.date().toString());
    }

    public void remove(LocalDate date) {
        mongo.getCollection(COLLECTION).deleteOne(new Document("_id", date.toString()));
    }
}
