package vn.gov.par.task.task;

import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import vn.gov.par.contracts.plan.PlanCancelled;
import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.persistence.Documents;
import vn.gov.par.support.text.VietnameseDates;

/** The plans cancelled after they were issued: their work is owed no more, so nobody records progress on it or schedules it. */
@Component
public class CancelledPlans {

    private static final String COLLECTION = "cancelled_plans";

    private final MongoTemplate mongo;

    public CancelledPlans(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void onPlanCancelled(PlanCancelled cancelled) {
        Documents.insertIfAbsent(mongo, COLLECTION, cancelled, cancelled.planId());
    }

    public boolean isCancelled(String planId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(planId)), COLLECTION);
    }

    /** Refuses a change to the work of a cancelled plan, as a conflict with the plan's state. */
    void refuseIfCancelled(String planId, String planNumber, String change) {
        Optional.ofNullable(mongo.findById(planId, PlanCancelled.class, COLLECTION)).ifPresent(cancelled -> {
            throw RuleViolationException.conflict("plan-cancelled", "Kế hoạch " + (planNumber == null ? "" : "số " + planNumber + " ")
                    + "đã bị hủy ngày " + VietnameseDates.format(cancelled.cancelledOn()) + "; không " + change + " nữa.");
        });
    }
}
