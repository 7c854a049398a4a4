package vn.gov.par.task.assignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
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

/**
 * Where assignee texts that named no unit are kept, for people to see per plan, and for operators across plans: on the
 * plan as taken in ({@link IssuedPlans}), its texts under their ids ({@code entries}) with the ids of those still
 * unresolved ({@code open}), so that a page across plans is found from the ids alone.
 */
@Component
public class UnresolvedAssignees {

    // On the plan's document, not one per text: a commune's plan issued as drafted keeps a dozen (docs/performance.md).
    private static final String COLLECTION = IssuedPlans.COLLECTION;
    private static final String ENTRIES = "entries";
    private static final String OPEN = "open";
    private static final Comparator<UnresolvedAssignee> IN_PLAN_ORDER = Comparator.comparingInt(UnresolvedAssignee::activityIndex)
            .thenComparing(assignee -> assignee.role().name()).thenComparing(UnresolvedAssignee::id);

    private final MongoTemplate mongo;

    public UnresolvedAssignees(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("issuerCode", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
    }

    /**
     * Texts of one plan taken in, kept in one write; the same texts again (a pass resumed after a crash) are written as
     * they are now.
     */
    void keepAll(String planId, List<UnresolvedAssignee> assignees) {
        if (assignees.isEmpty()) {
            return;
        }
        Update update = new Update();
        assignees.forEach(assignee -> update.set(ENTRIES + "." + assignee.id(), Documents.of(mongo, assignee, null)));
        update.addToSet(OPEN).each(assignees.stream().map(UnresolvedAssignee::id).toArray());
        mongo.updateFirst(byPlan(planId), update, COLLECTION);
    }

    /**
     * A unit of a group that had none has joined the directory and got its work: the group is no longer empty, and a
     * text left with nothing unresolved is settled.
     */
    void groupFilled(String planId, String id, String groupAsWritten) {
        String entry = ENTRIES + "." + id;
        mongo.updateFirst(byPlan(planId), new Update().pull(entry + ".emptyGroups", groupAsWritten), COLLECTION);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(planId).and(entry + ".emptyGroups").size(0).and(entry + ".unmatched").size(0)
                .and(entry + ".namesRelatedBodies").is(false)), new Update().unset(entry).pull(OPEN, id), COLLECTION);
    }

    /**
     * The plan's, if the official sees the unit that issued it (its own or one below): the texts are for the issuer's
     * people to settle, so the units that implement the plan below do not get them. Otherwise none, as for an unknown plan.
     */
    public List<UnresolvedAssignee> ofPlan(String planId, Access access) {
        Document plan = mongo.findOne(texts(byPlan(planId)), Document.class, COLLECTION);
        return plan == null || !access.sees(plan.getString("issuerCode")) ? List.of() : openOf(plan);
    }

    /**
     * Those of the plans issued by the units the official sees (its own and those below it), or by one of them, a page at
     * a time, by plan and activity; every plan's for an official of the unit heading the directory.
     */
    public PageView<UnresolvedAssignee> list(String issuerCode, int page, int size, Access access) {
        List<Criteria> parts = new ArrayList<>();
        if (!access.seesEverything()) {
            parts.add(Criteria.where("issuerCode").in(access.subtree()));
        }
        if (issuerCode != null) {
            parts.add(Criteria.where("issuerCode").is(issuerCode));
        }
        Query plans = Query.query(parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts)).with(Sort.by("_id"));
        plans.fields().include(OPEN);
        // The ids tell how many texts each plan holds: only the plans the page falls on are read whole.
        long total = 0;
        long first = (long) page * size;
        long beforePage = 0;
        List<String> onPage = new ArrayList<>();
        for (Document plan : mongo.find(plans, Document.class, COLLECTION)) {
            int open = plan.getList(OPEN, String.class, List.of()).size();
            if (open > 0 && total + open > first && total < first + size) {
                beforePage = onPage.isEmpty() ? total : beforePage;
                onPage.add(plan.getString("_id"));
            }
            total += open;
        }
        Map<String, Document> read = mongo.find(texts(Query.query(Criteria.where("_id").in(onPage))), Document.class, COLLECTION).stream()
                .collect(Collectors.toMap(plan -> plan.getString("_id"), Function.identity()));
        List<UnresolvedAssignee> content = onPage.stream().map(read::get).flatMap(plan -> openOf(plan).stream())
                .skip(first - beforePage).limit(size).toList();
        return new PageView<>(content, page, size, total);
    }

    private List<UnresolvedAssignee> openOf(Document plan) {
        Collection<String> open = plan.getList(OPEN, String.class, List.of());
        Document entries = plan.get(ENTRIES, Document.class);
        return open.stream().map(id -> mongo.getConverter().read(UnresolvedAssignee.class, entries.get(id, Document.class)))
                .sorted(IN_PLAN_ORDER).toList();
    }

    /** The plan's texts and its issuer, not the plan's content beside them. */
    private static Query texts(Query plans) {
        plans.fields().include("issuerCode", ENTRIES, OPEN);
        return plans;
    }

    private static Query byPlan(String planId) {
        return Query.query(Criteria.where("_id").is(planId));
    }
}
