package vn.gov.par.notification.reminder;

import java.time.Instant;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Who is being written to right now, so that with several dispatchers one recipient's due reminders are
 * gathered into one digest by one of them. A claim ends when released, or at its lease if its holder died.
 */
@Component
class RecipientClaims {

    private static final String COLLECTION = "recipient_claims";

    private final MongoTemplate mongo;

    RecipientClaims(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    boolean claim(String email, Instant now, Instant leaseUntil) {
        try {
            mongo.insert(new Document("_id", email).append("leaseUntil", leaseUntil), COLLECTION);
            return true;
        } catch (DuplicateKeyException held) {
            Query expired = Query.query(Criteria.where("_id").is(email).and("leaseUntil").lt(now));
            return mongo.updateFirst(expired, new Update().set("leaseUntil", leaseUntil), COLLECTION).getModifiedCount() == 1;
        }
    }

    /** Ends the claim taken with that lease; a claim someone else took after it expired stays. */
    void release(String email, Instant leaseUntil) {
        mongo.remove(Query.query(Criteria.where("_id").is(email).and("leaseUntil").is(leaseUntil)), COLLECTION);
    }
}
