package vn.gov.par.plan.cascade;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import vn.gov.par.plan.plan.Plan;
import vn.gov.par.support.persistence.AggregateStore;

/**
 * What a cascade's tree is drawn from: its obligations, and which of the prepared drafts still owed their units have
 * started editing. A national cascade is fifteen thousand obligations, read again for every look at its first level
 * while it changes a few times a minute at most; so the last reads of each cascade are kept, and used again as long
 * as neither obligations nor plans were written since (asked through an index, of this instance and every other).
 * Statuses are not kept: they follow from today and the calendar, and are worked out on every look.
 *
 * <p>A write stamped before a read may still be committing during it; a read is therefore used again only while
 * nothing was written since {@link #COMMIT_MARGIN} before it began, which holds once writes have been quiet that
 * long.
 */
@Component
class CascadeReads {

    /** Longer than any write takes from its stamp to its commit, and than instances' clocks differ. */
    private static final Duration COMMIT_MARGIN = Duration.ofSeconds(5);
    private static final int CASCADES_KEPT = 16;

    /**
     * @param obligations   every obligation of the cascade
     * @param revisedDrafts the drafts of its open obligations that their units have started editing
     * @param readFrom      when the reads began
     */
    record Cascade(List<SubPlanObligation> obligations, Set<String> revisedDrafts, Instant readFrom) {
    }

    private final AggregateStore<SubPlanObligation> obligations;
    private final AggregateStore<Plan> plans;
    private final MongoTemplate mongo;
    private final Duration commitMargin;
    private final Clock wallClock = Clock.systemUTC();
    private final Map<String, Cascade> kept = new LinkedHashMap<>(CASCADES_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cascade> eldest) {
            return size() > CASCADES_KEPT;
        }
    };

    @Autowired
    CascadeReads(AggregateStore<SubPlanObligation> obligations, AggregateStore<Plan> plans, MongoTemplate mongo) {
        this(obligations, plans, mongo, COMMIT_MARGIN);
    }

    CascadeReads(AggregateStore<SubPlanObligation> obligations, AggregateStore<Plan> plans, MongoTemplate mongo, Duration commitMargin) {
        this.obligations = obligations;
        this.plans = plans;
        this.mongo = mongo;
        this.commitMargin = commitMargin;
    }

    /** The cascade under that root (within that province, when given), as the store holds it now. */
    Cascade of(String rootPlanId, String provinceCode) {
        String key = provinceCode == null ? rootPlanId : rootPlanId + "@" + provinceCode;
        Cascade last = last(key);
        if (last != null && !writtenSince(last.readFrom().minus(commitMargin))) {
            return last;
        }
        Cascade read = read(rootPlanId, provinceCode);
        synchronized (kept) {
            kept.put(key, read);
        }
        return read;
    }

    private Cascade last(String key) {
        synchronized (kept) {
            return kept.get(key);
        }
    }

    private boolean writtenSince(Instant since) {
        return obligations.writtenSince(since) || plans.writtenSince(since);
    }

    private Cascade read(String rootPlanId, String provinceCode) {
        Instant readFrom = wallClock.instant();
        Criteria inCascade = Criteria.where("rootPlanId").is(rootPlanId);
        if (provinceCode != null) {
            inCascade = inCascade.and("provinceCode").is(provinceCode);
        }
        List<SubPlanObligation> cascade = obligations.find(Query.query(inCascade));
        return new Cascade(cascade, revisedDrafts(cascade), readFrom);
    }

    /** Asked by id, so a cascade mostly issued asks for little. */
    private Set<String> revisedDrafts(List<SubPlanObligation> cascade) {
        List<String> open = cascade.stream().filter(SubPlanObligation::isOpen).map(SubPlanObligation::draftPlanId).toList();
        if (open.isEmpty()) {
            return Set.of();
        }
        Query revised = Query.query(Criteria.where("_id").in(open).and("revisedAt").ne(null));
        revised.fields().include("_id");
        return mongo.find(revised, Document.class, plans.collection()).stream().map(d -> d.get("_id").toString()).collect(Collectors.toSet());
    }
}
