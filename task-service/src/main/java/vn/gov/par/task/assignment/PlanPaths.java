package vn.gov.par.task.assignment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.support.persistence.Documents;

/**
 * Where each issued plan sits in its cascade: the plans from the top down to it. A plan's parent is issued
 * before it, so its path is usually known; if its event has not been seen, the top and the parent stand in.
 */
@Component
public class PlanPaths {

    private static final String COLLECTION = "plan_paths";

    private final MongoTemplate mongo;

    public PlanPaths(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public List<String> pathOf(PlanIssued plan) {
        LinkedHashSet<String> path = new LinkedHashSet<>();
        if (plan.parentPlanId() != null) {
            Document parent = mongo.findById(plan.parentPlanId(), Document.class, COLLECTION);
            if (parent != null) {
                path.addAll(parent.getList("path", String.class));
            } else {
                path.add(plan.rootPlanId());
                path.add(plan.parentPlanId());
            }
        }
        path.add(plan.planId());
        List<String> kept = new ArrayList<>(path);
        return Documents.insertIfAbsent(mongo, COLLECTION, new Document("path", kept), plan.planId()) ? kept
                : mongo.findById(plan.planId(), Document.class, COLLECTION).getList("path", String.class);
    }
}
