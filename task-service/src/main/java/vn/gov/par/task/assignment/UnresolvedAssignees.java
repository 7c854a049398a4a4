package vn.gov.par.task.assignment;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import vn.gov.par.support.access.Access;
import vn.gov.par.support.persistence.Documents;
import vn.gov.par.support.web.PageView;

/** Where assignee texts that named no unit are kept, for people to see per plan, and for operators across plans. */
@Component
public class UnresolvedAssignees {

    private static final String COLLECTION = "unresolved_assignees";
    private static final Sort ORDER = Sort.by("planId", "activityIndex", "role", "_id");

    private final MongoTemplate mongo;

    public UnresolvedAssignees(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("planId", Sort.Direction.ASC).on("activityIndex", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index("issuerCode", Sort.Direction.ASC).on("planId", Sort.Direction.ASC)
                .on("activityIndex", Sort.Direction.ASC));
    }

    void keepAll(List<UnresolvedAssignee> assignees) {
        // The same plan event again finds them kept: nothing new to keep. One write for an activity's texts, not one each.
        Documents.insertAllIfAbsent(mongo, COLLECTION, assignees.stream().map(assignee -> Documents.of(mongo, assignee, assignee.id())).toList());
    }

    /**
     * A unit of a group that had none has joined the directory and got its work: the group is no longer empty, and a
     * text left with nothing unresolved is settled.
     */
    void groupFilled(String id, String groupAsWritten) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().pull("emptyGroups", groupAsWritten), COLLECTION);
        mongo.remove(Query.query(Criteria.where("_id").is(id).and("emptyGroups").size(0).and("unmatched").size(0)
                .and("namesRelatedBodies").is(false)), COLLECTION);
    }

    /**
     * The plan's, if the official sees the unit that issued it (its own or one below): the texts are for the issuer's
     * people to settle, so the units that implement the plan below do not get them. Otherwise none, as for an unknown plan.
     */
    public List<UnresolvedAssignee> ofPlan(String planId, Access access) {
        List<UnresolvedAssignee> found = mongo.find(Query.query(Criteria.where("planId").is(planId)).with(ORDER), UnresolvedAssignee.class,
                COLLECTION);
        // One plan, one issuer: asked once.
        return found.isEmpty() || access.sees(found.get(0).issuerCode()) ? found : List.of();
    }

    /**
     * Those of the plans issued by the units the official sees (its own and those below it), or by one of them, a page at
     * a time; every plan's for an official of the unit heading the directory.
     */
    public PageView<UnresolvedAssignee> list(String issuerCode, int page, int size, Access access) {
        List<Criteria> parts = new ArrayList<>();
        if (!access.seesEverything()) {
            parts.add(Criteria.where("issuerCode").in(access.subtree()));
        }
        if (issuerCode != null) {
            parts.add(Criteria.where("issuerCode").is(issuerCode));
        }
        Query query = Query.query(parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts));
        long total = mongo.count(query, COLLECTION);
        List<UnresolvedAssignee> content = mongo.find(query.with(ORDER).skip((long) page * size).limit(size), UnresolvedAssignee.class,
                COLLECTION);
        return new PageView<>(content, page, size, total);
    }
}
