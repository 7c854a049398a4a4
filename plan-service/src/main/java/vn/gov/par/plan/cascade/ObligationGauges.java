package vn.gov.par.plan.cascade;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import vn.gov.par.support.calendar.WorkingCalendar;
import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.metrics.CountGauge;
import vn.gov.par.support.persistence.AggregateStore;

/**
 * Sub-plan obligations by status ({@code par.obligations}) and the overdue ones per province ({@code par.overdue}, kind
 * subplan), refreshed on a schedule. An obligation's status is not stored (overdue follows from today, drafted from its
 * draft's revision), so a refresh reads the few fields that decide it, and the ids of the drafts units have revised, and lets
 * each obligation say where it stands, as the cascade tree does.
 */
@Component
class ObligationGauges {

    private final AggregateStore<SubPlanObligation> obligations;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final WorkingCalendarView calendar;
    private final CountGauge byStatus;
    private final CountGauge overdue;

    ObligationGauges(AggregateStore<SubPlanObligation> obligations, MongoTemplate mongo, Clock clock, MeterRegistry meters,
            WorkingCalendarView calendar) {
        this.calendar = calendar;
        this.obligations = obligations;
        this.mongo = mongo;
        this.clock = clock;
        this.byStatus = new CountGauge("par.obligations", "Sub-plan obligations by status", meters);
        this.overdue = new CountGauge("par.overdue", "Overdue items now, per province", meters);
    }

    /** Synchronized so that of two refreshes the one begun last is the one the gauges show. */
    @Scheduled(fixedDelayString = "${par.metrics.refresh-interval:60s}", initialDelayString = "${par.metrics.refresh-initial-delay:5s}")
    public synchronized void refresh() {
        LocalDate today = LocalDate.now(clock);
        WorkingCalendar workingCalendar = calendar.current();
        Set<String> revised = revisedDrafts();
        Map<Tags, Long> statuses = CountGauge.zeroes("status", ObligationStatus.values());
        Map<Tags, Long> overdueByProvince = new HashMap<>();
        for (SubPlanObligation obligation : obligations.find(statusFields())) {
            ObligationStatus status = obligation.status(today, workingCalendar, revised.contains(obligation.draftPlanId()));
            statuses.merge(Tags.of("status", status.name()), 1L, Long::sum);
            overdueByProvince.merge(Tags.of("kind", "subplan").and(CountGauge.province(obligation.provinceCode())),
                    status == ObligationStatus.OVERDUE ? 1L : 0L, Long::sum);
        }
        byStatus.set(statuses);
        overdue.set(overdueByProvince);
    }

    private static Query statusFields() {
        Query query = new Query();
        query.fields().include("provinceCode", "dueDate", "draftPlanId", "issuedOn", "cancelledOn");
        return query;
    }

    private Set<String> revisedDrafts() {
        Query revised = Query.query(Criteria.where("obligationId").ne(null).and("revisedAt").ne(null));
        revised.fields().include("_id");
        return mongo.find(revised, Document.class, "plans").stream().map(d -> d.get("_id").toString()).collect(Collectors.toSet());
    }
}
