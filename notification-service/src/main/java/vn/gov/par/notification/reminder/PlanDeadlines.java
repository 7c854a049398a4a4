package vn.gov.par.notification.reminder;

import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The deadlines of each plan, one document per plan, so that a plan's end reads its deadlines by id instead of
 * searching every deadline of the country. A deadline is recorded before it is written with its plan, so none
 * is missing; recording it again changes nothing.
 */
@Component
class PlanDeadlines {

    private static final String COLLECTION = "plan_deadlines";
    private static final String DEADLINE_IDS = "deadlineIds";

    private final MongoTemplate mongo;

    PlanDeadlines(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void record(Deadline deadline) {
        if (deadline.planId() != null) {
            mongo.upsert(Query.query(Criteria.where("_id").is(deadline.planId())), new Update().addToSet(DEADLINE_IDS, deadline.id()),
                    COLLECTION);
        }
    }

    List<String> of(String planId) {
        Document plan = mongo.findById(planId, Document.class, COLLECTION);
        return plan == null ? List.of() : plan.getList(DEADLINE_IDS, String.class);
    }
}
