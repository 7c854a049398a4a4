package vn.gov.par.task.reporting;

import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import vn.gov.par.contracts.report.ReportPeriodsScheduled;
import vn.gov.par.support.persistence.Documents;

/**
 * task-service's copy of each plan's report periods, from report-service's events: the latest one wins. The document
 * also holds who supervises the plan ({@link vn.gov.par.support.directory.PlanSupervision}), from the same events.
 */
@Component
public class ReportPeriods {

    public static final String COLLECTION = "report_periods";
    /** Set with the periods: a document that has it has them. */
    private static final String YEAR = "year";

    private final MongoTemplate mongo;

    public ReportPeriods(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void keep(ReportPeriodsScheduled scheduled) {
        Document periods = Documents.of(mongo, new PlanReportPeriods(scheduled.planId(), scheduled.year(), scheduled.recognised(),
                scheduled.periods()), null);
        Update update = new Update();
        periods.forEach((field, value) -> {
            if (!field.equals("_id")) {
                update.set(field, value);
            }
        });
        // Field by field: the plan's supervision, on the same document, stays.
        mongo.upsert(byPlan(scheduled.planId()), update, COLLECTION);
    }

    public Optional<PlanReportPeriods> of(String planId) {
        return Optional.ofNullable(mongo.findOne(byPlan(planId).addCriteria(Criteria.where(YEAR).exists(true)), PlanReportPeriods.class,
                COLLECTION));
    }

    private static Query byPlan(String planId) {
        return Query.query(Criteria.where("_id").is(planId));
    }
}
