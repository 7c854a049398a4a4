package vn.gov.par.task.task;

import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * For each plan, the ids of its tasks checked at the plan's report periods, so the periods' arrival finds them by id
 * rather than by searching every task of the country. An id is listed before its task is written: a listed id whose
 * task is not there yet is skipped, and that task looks for the periods itself once written.
 */
@Component
class TasksCheckedAtReportPeriods {

    private static final String COLLECTION = "report_period_tasks";

    private final MongoTemplate mongo;

    TasksCheckedAtReportPeriods(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void addAll(String planId, List<String> taskIds) {
        mongo.upsert(Query.query(Criteria.where("_id").is(planId)), new Update().addToSet("taskIds").each(taskIds.toArray()), COLLECTION);
    }

    List<String> taskIdsOf(String planId) {
        Document listed = mongo.findById(planId, Document.class, COLLECTION);
        return listed == null ? List.of() : listed.getList("taskIds", String.class, List.of());
    }
}
