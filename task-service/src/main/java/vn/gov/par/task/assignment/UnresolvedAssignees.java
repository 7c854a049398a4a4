package vn.gov.par.task.assignment;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.gov.par.support.persistence.Documents;

/** Where assignee texts that named no unit are kept, for people to see per plan. */
@Component
public class UnresolvedAssignees {

    private static final String COLLECTION = "unresolved_assignees";

    private final MongoTemplate mongo;

    public UnresolvedAssignees(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void keep(UnresolvedAssignee assignee) {
        // The same plan event again finds it kept: nothing new to keep.
        Documents.insertIfAbsent(mongo, COLLECTION, assignee, assignee.id());
    }

    public List<UnresolvedAssignee> ofPlan(String planId) {
        return mongo.find(Query.query(Criteria.where("planId").is(planId)).with(Sort.by("activityIndex", "role")), UnresolvedAssignee.class,
                COLLECTION);
    }
}
