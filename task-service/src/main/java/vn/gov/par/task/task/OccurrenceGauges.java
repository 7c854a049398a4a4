package vn.gov.par.task.task;

import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import vn.gov.par.support.metrics.CountGauge;

/**
 * Task occurrences by status ({@code par.tasks}) and the overdue ones per province ({@code par.overdue}, kind task), from one
 * count of the occurrences by status and province, refreshed on a schedule rather than on every scrape.
 */
@Component
class OccurrenceGauges {

    private final MongoTemplate mongo;
    private final CountGauge byStatus;
    private final CountGauge overdue;

    OccurrenceGauges(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.byStatus = new CountGauge("par.tasks", "Task occurrences by status", meters);
        this.overdue = new CountGauge("par.overdue", "Overdue items now, per province", meters);
    }

    /** Synchronized so that of two refreshes the one begun last is the one the gauges show. */
    @Scheduled(fixedDelayString = "${par.metrics.refresh-interval:60s}", initialDelayString = "${par.metrics.refresh-initial-delay:5s}")
    public synchronized void refresh() {
        Map<Tags, Long> statuses = CountGauge.zeroes("status", OccurrenceStatus.values());
        Map<Tags, Long> overdueByProvince = new HashMap<>();
        // Work released by a unit's retirement is owed by nobody: it is in no state anyone tracks.
        Aggregation count = Aggregation.newAggregation(Aggregation.match(Criteria.where("releasedOn").is(null)),
                Aggregation.group("status", "provinceCode").count().as("n"));
        for (Document row : mongo.aggregate(count, "occurrences", Document.class).getMappedResults()) {
            Document id = row.get("_id", Document.class);
            long n = ((Number) row.get("n")).longValue();
            OccurrenceStatus status = OccurrenceStatus.valueOf(id.getString("status"));
            statuses.merge(Tags.of("status", status.name()), n, Long::sum);
            overdueByProvince.merge(Tags.of("kind", "task").and(CountGauge.province(id.getString("provinceCode"))),
                    status == OccurrenceStatus.OVERDUE ? n : 0L, Long::sum);
        }
        byStatus.set(statuses);
        overdue.set(overdueByProvince);
    }
}
