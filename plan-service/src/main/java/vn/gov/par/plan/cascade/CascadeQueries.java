package vn.gov.par.plan.cascade;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.gov.par.plan.plan.Plan;
import vn.gov.par.plan.plan.PlanService;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.persistence.AggregateStore;

/** Reads a cascade in two queries, whatever its size: its obligations, and which prepared drafts were touched. */
@Service
public class CascadeQueries {

    private final PlanService plans;
    private final AggregateStore<SubPlanObligation> obligations;
    private final MongoTemplate mongo;
    private final Clock clock;

    public CascadeQueries(PlanService plans, AggregateStore<SubPlanObligation> obligations, MongoTemplate mongo, Clock clock) {
        this.plans = plans;
        this.obligations = obligations;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The cascade of a plan the official may see, showing the obligations of its own unit and those below it. */
    public CascadeTree cascadeOf(String planId, CascadeTree.Listing listing, Access access) {
        Plan plan = plans.get(planId, access);
        var cascade = obligations.find(Query.query(Criteria.where("rootPlanId").is(plan.rootPlanId())));
        if (!access.seesEverything()) {
            cascade = cascade.stream().filter(obligation -> access.subtree().contains(obligation.unitCode())).toList();
        }
        return CascadeTree.of(plan, cascade, revisedDrafts(plan.rootPlanId()), LocalDate.now(clock), listing);
    }

    private Set<String> revisedDrafts(String rootPlanId) {
        Query revised = Query.query(Criteria.where("rootPlanId").is(rootPlanId).and("revisedAt").ne(null));
        revised.fields().include("_id");
        return mongo.find(revised, Document.class, "plans").stream().map(d -> d.get("_id").toString()).collect(Collectors.toSet());
    }
}
