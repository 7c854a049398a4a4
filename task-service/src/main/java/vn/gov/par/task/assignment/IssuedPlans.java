package vn.gov.par.task.assignment;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.support.persistence.Documents;

/**
 * The plans this service has assigned, as issued: a unit that joins the directory later still gets the work its
 * plans assign to groups it belongs to, and roll-ups tell a known plan from an unknown one.
 */
@Component
public class IssuedPlans {

    private static final String COLLECTION = "issued_plans";
    private static final String ASSIGNED = "assigned";

    private final MongoTemplate mongo;

    public IssuedPlans(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("issuerCode", Sort.Direction.ASC));
    }

    void keep(PlanIssued plan) {
        Documents.insertIfAbsent(mongo, COLLECTION, plan, plan.planId());
    }

    /** Every assignee the plan names has its tasks: set once the last is written, never before. */
    void markAssigned(String planId) {
        mongo.updateFirst(byId(planId), new Update().set(ASSIGNED, true), COLLECTION);
    }

    boolean isAssigned(String planId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(planId).and(ASSIGNED).is(true)), COLLECTION);
    }

    /** The plans issued by any of these units (a unit's ancestors): the ones whose groups may take it in. */
    List<PlanIssued> issuedByAnyOf(List<String> issuerCodes) {
        return mongo.find(Query.query(Criteria.where("issuerCode").in(issuerCodes)), PlanIssued.class, COLLECTION);
    }

    public boolean isKnown(String planId) {
        return mongo.exists(byId(planId), COLLECTION);
    }

    private static Query byId(String planId) {
        return Query.query(Criteria.where("_id").is(planId));
    }
}
