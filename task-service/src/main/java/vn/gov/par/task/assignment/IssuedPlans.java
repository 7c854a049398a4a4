package vn.gov.par.task.assignment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.support.outbox.TraceHeaders;
import vn.gov.par.support.persistence.Documents;

/**
 * The plans this service has taken in, as issued, each with how far the assignment of its work has gone: the queue the
 * assignment job works through, and what lets a unit that joins the directory later still get the work its plans assign
 * to groups it belongs to, and roll-ups tell a known plan from an unknown one.
 */
@Component
public class IssuedPlans {

    /** Also where the plan's unresolved assignee texts are kept ({@link UnresolvedAssignees}). */
    static final String COLLECTION = "issued_plans";
    /** Every activity's assignees have their tasks (or the plan was cancelled first): set once the last is written, never before. */
    private static final String ASSIGNED = "assigned";
    /** The code of the last unit whose tasks are written: units are assigned in the order of their codes. */
    private static final String ASSIGNED_THROUGH = "assignedThrough";
    private static final String FAILED_PASSES = "failedPasses";
    private static final String KEPT_AT = "keptAt";
    private static final String TRACE_HEADERS = "traceHeaders";
    /** The plans from the top of the cascade down to this one, worked out on the first pass over its work. */
    private static final String PATH = "path";

    /**
     * A plan still to assign, the last unit whose tasks of it are written (null if none), and the trace its event was
     * handled in (the events its assignment queues continue it).
     */
    record Unassigned(PlanIssued plan, String assignedThrough, Map<String, String> traceHeaders) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final TraceHeaders traceHeaders;

    public IssuedPlans(MongoTemplate mongo, Clock clock, TraceHeaders traceHeaders) {
        this.mongo = mongo;
        this.clock = clock;
        this.traceHeaders = traceHeaders;
        mongo.indexOps(COLLECTION).createIndex(new Index("issuerCode", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index(ASSIGNED, Sort.Direction.ASC).on(FAILED_PASSES, Sort.Direction.ASC)
                .on(KEPT_AT, Sort.Direction.ASC));
    }

    /** Queues the plan's assignment; a plan already taken in stays as far as it got. */
    void keep(PlanIssued plan) {
        Document queued = Documents.of(mongo, plan, plan.planId()).append(ASSIGNED, false)
                .append(FAILED_PASSES, 0).append(KEPT_AT, clock.instant()).append(TRACE_HEADERS, traceHeaders.current());
        try {
            mongo.insert(queued, COLLECTION);
        } catch (DuplicateKeyException alreadyKept) {
            // a redelivered event: its plan is queued or assigned already
        }
    }

    /**
     * The plans taken in longest ago whose assignment has not finished, at most {@code limit} of them, in that order; plans
     * whose passes failed come after the others.
     */
    List<Unassigned> nextUnassigned(int limit) {
        Query next = Query.query(Criteria.where(ASSIGNED).is(false))
                .with(Sort.by(Sort.Order.asc(FAILED_PASSES), Sort.Order.asc(KEPT_AT))).limit(limit);
        return mongo.find(next, Document.class, COLLECTION).stream().map(found -> new Unassigned(
                mongo.getConverter().read(PlanIssued.class, found), found.getString(ASSIGNED_THROUGH),
                headersOf(found.get(TRACE_HEADERS, Document.class)))).toList();
    }

    long countUnassigned() {
        return mongo.count(Query.query(Criteria.where(ASSIGNED).is(false)), COLLECTION);
    }

    void markAssignedThrough(String planId, String unitCode) {
        mongo.updateFirst(byId(planId), new Update().set(ASSIGNED_THROUGH, unitCode), COLLECTION);
    }

    void markAssigned(String planId) {
        mongo.updateFirst(byId(planId), new Update().set(ASSIGNED, true), COLLECTION);
    }

    /** A pass over the plan failed: it goes after the plans whose passes did not, so that it holds none of them up. */
    void markPassFailed(String planId) {
        mongo.updateFirst(byId(planId), new Update().inc(FAILED_PASSES, 1), COLLECTION);
    }

    boolean isAssigned(String planId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(planId).and(ASSIGNED).is(true)), COLLECTION);
    }

    /**
     * Where the plan sits in its cascade: the plans from the top down to it. A plan's parent is issued before it, so its
     * path is usually known; if the parent has not been taken in, the top and the parent stand in. The first path worked
     * out stays, so a pass resumed later writes the same tasks.
     */
    List<String> pathOf(PlanIssued plan) {
        LinkedHashSet<String> path = new LinkedHashSet<>();
        if (plan.parentPlanId() != null) {
            List<String> parent = keptPath(plan.parentPlanId());
            path.addAll(parent != null ? parent : List.of(plan.rootPlanId(), plan.parentPlanId()));
        }
        path.add(plan.planId());
        List<String> worked = new ArrayList<>(path);
        // Written unless kept before, then read only if it was: a first pass, the cascade's, reads the parent alone.
        boolean first = mongo.updateFirst(Query.query(Criteria.where("_id").is(plan.planId()).and(PATH).exists(false)),
                new Update().set(PATH, worked), COLLECTION).getModifiedCount() > 0;
        return first ? worked : Optional.ofNullable(keptPath(plan.planId())).orElse(worked);
    }

    private List<String> keptPath(String planId) {
        Query query = byId(planId);
        query.fields().include(PATH);
        Document found = mongo.findOne(query, Document.class, COLLECTION);
        return found == null ? null : found.getList(PATH, String.class);
    }

    /** The plans issued by any of these units (a unit's ancestors): the ones whose groups may take it in. */
    List<PlanIssued> issuedByAnyOf(List<String> issuerCodes) {
        return mongo.find(Query.query(Criteria.where("issuerCode").in(issuerCodes)), PlanIssued.class, COLLECTION);
    }

    /** The unit that issued the plan, if this service has taken the plan in (roll-ups tell a known plan from an unknown one by it). */
    public Optional<String> issuerOf(String planId) {
        Query query = byId(planId);
        query.fields().include("issuerCode");
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(found -> found.getString("issuerCode"));
    }

    private static Map<String, String> headersOf(Document stored) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (stored != null) {
            stored.forEach((name, value) -> headers.put(name, String.valueOf(value)));
        }
        return headers;
    }

    private static Query byId(String planId) {
        return Query.query(Criteria.where("_id").is(planId));
    }
}
