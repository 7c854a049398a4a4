package vn.gov.par.task.reporting;

import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import vn.gov.par.contracts.report.ReportPeriodsScheduled;
import vn.gov.par.support.persistence.Documents;

/** task-service's copy of each plan's report periods, from report-service's events: the latest one wins. */
@Component
public class ReportPeriods {

    private static final String COLLECTION = "report_periods";

    private final MongoTemplate mongo;

    public ReportPeriods(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void keep(ReportPeriodsScheduled scheduled) {
        Documents.upsert(mongo, COLLECTION, new PlanReportPeriods(scheduled.planId(), scheduled.year(), scheduled.recognised(),
                scheduled.periods()), scheduled.planId());
    }

    public Optional<PlanReportPeriods> of(String planId) {
        return Optional.ofNullable(mongo.findById(planId, PlanReportPeriods.class, COLLECTION));
    }
}
