package vn.gov.par.support.calendar;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.dao.DuplicateKeyException;

import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.contracts.calendar.CalendarDay;
import vn.gov.par.contracts.calendar.WorkingCalendarChanged;
import vn.gov.par.support.messaging.EventSubscription;

/**
 * A service's own copy of the working calendar administrators keep in notification-service, from its
 * {@code calendar.events}: the days they decided, over the statute and the decisions shipped with the platform. An
 * event carries every decided day, so applying it replaces the copy; an older one, redelivered, changes nothing.
 */
public class WorkingCalendarView {

    private static final String COLLECTION = "working_calendar_view";
    private static final String ID = "decided";

    private final MongoTemplate mongo;

    /** The copy: every day decided, as of {@code changedAt}. */
    record Decided(String id, List<CalendarDay> days, Instant changedAt) {
    }

    public WorkingCalendarView(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The subscription to {@code calendar.events} that keeps this view, for the service's list of subscriptions. */
    public EventSubscription subscription(EventCodec codec, MeterRegistry meters) {
        return EventSubscription.named("calendarEvents", codec, meters)
                .on(EventCatalog.WORKING_CALENDAR_CHANGED, this::record)
                .build();
    }

    public void record(WorkingCalendarChanged e) {
        Query notNewer = Query.query(Criteria.where("_id").is(ID).and("changedAt").lt(e.changedAt()));
        Update replace = new Update().set("days", e.days()).set("changedAt", e.changedAt());
        if (mongo.updateFirst(notNewer, replace, COLLECTION).getMatchedCount() == 0) {
            try {
                mongo.insert(new Decided(ID, e.days(), e.changedAt()), COLLECTION);
            } catch (DuplicateKeyException newerOrSameAlreadyThere) {
                // what is there is as new as this, or newer
            }
        }
    }

    /** The calendar in force, with the days administrators decided as last heard of. */
    public WorkingCalendar current() {
        Decided decided = mongo.findById(ID, Decided.class, COLLECTION);
        List<CalendarDay> days = decided == null ? List.of() : decided.days();
        return GovernmentDecisions.calendarWith(days.stream()
                .map(day -> new GovernmentDecisions.Decision(day.date(), day.dayOff(), day.name())).toList());
    }
}
