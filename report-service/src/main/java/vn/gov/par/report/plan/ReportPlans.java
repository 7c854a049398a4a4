package vn.gov.par.report.plan;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.report.schedule.ReportingClauseParser;
import vn.gov.par.report.schedule.ReportingRules;
import vn.gov.par.report.schedule.ReportingSchedule;
import vn.gov.par.support.persistence.Documents;

/** Keeps, per issued plan, its reporting schedule read from the clause; the first reading of an event wins. */
@Component
public class ReportPlans {

    private static final String COLLECTION = "report_plans";

    private final MongoTemplate mongo;
    private final ReportingRules rules;

    public ReportPlans(MongoTemplate mongo, ReportingRules rules) {
        this.mongo = mongo;
        this.rules = rules;
    }

    public void onPlanIssued(PlanIssued plan) {
        ReportingSchedule schedule = ReportingClauseParser.parse(plan.reportingClause(), plan.year(), rules);
        ReportPlan kept = new ReportPlan(plan.planId(), plan.rootPlanId(), plan.number(), plan.title(), plan.year(), plan.issuedOn(), plan.issuerCode(),
                plan.issuerName(), plan.activities().stream().map(a -> new ReportPlan.PlanActivityLine(a.label(), a.content())).toList(),
                plan.reportingClause(), schedule.recognised(), schedule.via(), schedule.periods());
        // The same event again finds the first reading kept.
        Documents.insertIfAbsent(mongo, COLLECTION, kept, plan.planId());
    }

    public Optional<ReportPlan> find(String planId) {
        return Optional.ofNullable(mongo.findById(planId, ReportPlan.class, COLLECTION));
    }

    /** Plans whose reporting clause could not be read, for a person to look at. */
    public List<ReportPlan> unrecognised() {
        return mongo.find(Query.query(Criteria.where("scheduleRecognised").is(false)), ReportPlan.class, COLLECTION);
    }
}
