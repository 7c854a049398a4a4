package vn.gov.par.plan.plan;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.persistence.AggregateStore;

/**
 * Keeps a plan number unique per issuer and year. The claim is its own document whose id is the
 * number, so the store's unique _id enforces it even with several instances issuing at once. A claim
 * left a while ago by a plan that was never issued under that number is taken over.
 */
@Component
class PlanNumberRegistry {

    private static final String COLLECTION = "plan_numbers";

    private static final Duration CLAIM_GRACE = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final AggregateStore<Plan> plans;
    private final Clock clock;

    PlanNumberRegistry(MongoTemplate mongo, AggregateStore<Plan> plans, Clock clock) {
        this.mongo = mongo;
        this.plans = plans;
        this.clock = clock;
    }

    void claim(Plan plan, String number) {
        String key = plan.issuerCode() + "|" + plan.content().year() + "|" + number.strip().toUpperCase(Locale.ROOT);
        try {
            mongo.insert(new Document("_id", key).append("planId", plan.id()).append("claimedAt", Date.from(clock.instant())), COLLECTION);
            return;
        } catch (DuplicateKeyException taken) {
            // fall through: see who holds it
        }
        Document claim = mongo.findById(key, Document.class, COLLECTION);
        String holderId = claim.getString("planId");
        if (holderId.equals(plan.id())) {
            return;
        }
        boolean issuedUnderIt = plans.find(holderId).map(v -> v.value())
                .filter(holder -> holder.number() != null && holder.number().equalsIgnoreCase(number.strip())).isPresent();
        // A fresh claim may belong to an issue still in flight on another instance: only a stale one is taken over.
        Date stale = Date.from(clock.instant().minus(CLAIM_GRACE));
        boolean takenOver = !issuedUnderIt && mongo.updateFirst(
                Query.query(Criteria.where("_id").is(key).and("planId").is(holderId).and("claimedAt").lt(stale)),
                new Update().set("planId", plan.id()).set("claimedAt", Date.from(clock.instant())), COLLECTION).getModifiedCount() == 1;
        if (!takenOver) {
            throw RuleViolationException.conflict("plan-number-taken",
                    "Số kế hoạch " + number.strip() + " đã được " + plan.issuerName() + " sử dụng trong năm " + plan.content().year() + ".");
        }
    }
}
