package vn.gov.par.report.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.ArrayOperators;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import vn.gov.par.support.calendar.WorkingCalendar;
import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.metrics.CountGauge;

/**
 * Report obligations by status ({@code par.reports}) and the overdue ones per province ({@code par.overdue}, kind report),
 * refreshed on a schedule rather than on every scrape. One count of the reports by status, province, due date, number of
 * submissions and the day their unit retired holds both: overdue is decided from those, by the rule the sweep uses.
 */
@Component
class ReportGauges {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final WorkingCalendarView calendar;
    private final CountGauge byStatus;
    private final CountGauge overdue;

    ReportGauges(MongoTemplate mongo, Clock clock, MeterRegistry meters, WorkingCalendarView calendar) {
        this.calendar = calendar;
        this.mongo = mongo;
        this.clock = clock;
        this.byStatus = new CountGauge("par.reports", "Report obligations by status", meters);
        this.overdue = new CountGauge("par.overdue", "Overdue items now, per province", meters);
    }

    /** Synchronized so that of two refreshes the one begun last is the one the gauges show. */
    @Scheduled(fixedDelayString = "${par.metrics.refresh-interval:60s}", initialDelayString = "${par.metrics.refresh-initial-delay:5s}")
    public synchronized void refresh() {
        LocalDate today = LocalDate.now(clock);
        WorkingCalendar workingCalendar = calendar.current();
        Map<Tags, Long> statuses = CountGauge.zeroes("status", ReportStatus.values());
        Map<Tags, Long> overdueByProvince = new HashMap<>();
        Aggregation count = Aggregation.newAggregation(
                Aggregation.project("status", "provinceCode", "dueDate", "unitRetiredOn")
                        .and(ArrayOperators.Size.lengthOfArray("submissions")).as("submissions"),
                Aggregation.group("status", "provinceCode", "dueDate", "submissions", "unitRetiredOn").count().as("n"));
        for (Document row : mongo.aggregate(count, "reports", Document.class).getMappedResults()) {
            Document id = row.get("_id", Document.class);
            long n = ((Number) row.get("n")).longValue();
            ReportStatus status = ReportStatus.valueOf(id.getString("status"));
            // Due dates are stored as midnight UTC (see PlatformAutoConfiguration's conversions).
            LocalDate dueDate = LocalDate.ofInstant(id.get("dueDate", Date.class).toInstant(), ZoneOffset.UTC);
            boolean everSubmitted = ((Number) id.get("submissions")).intValue() > 0;
            boolean unitRetired = id.get("unitRetiredOn") != null;
            statuses.merge(Tags.of("status", status.name()), n, Long::sum);
            overdueByProvince.merge(Tags.of("kind", "report").and(CountGauge.province(id.getString("provinceCode"))),
                    Report.isOverdue(status, everSubmitted, unitRetired, dueDate, today, workingCalendar) ? n : 0L, Long::sum);
        }
        byStatus.set(statuses);
        overdue.set(overdueByProvince);
    }
}
