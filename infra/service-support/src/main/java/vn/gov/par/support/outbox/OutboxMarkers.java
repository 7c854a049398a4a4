package vn.gov.par.support.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which documents may hold events waiting in their outbox: one small marker per document, written just before
 * the write that queues the events. The relay reads the markers instead of asking every aggregate collection for
 * documents with a non-empty outbox, which a store without secondary indexes (the embedded one) answers by
 * reading every document, several times a second.
 *
 * <p>A marker may outlive its events (the write after it failed, say); events never go unnoticed: a marker is
 * taken away only when its document was found empty and the marker was set more than a grace period ago, so a
 * writer between marking and writing is not overtaken, and a slow scan of the aggregate collections re-marks any
 * document that still holds events without a marker.
 *
 * <p>Marker times follow the wall clock, never the business {@link Clock} tests move about.
 */
public class OutboxMarkers {

    static final String COLLECTION = "outbox_markers";
    private static final String TARGET_COLLECTION = "collection";
    private static final String DOCUMENT_ID = "documentId";
    private static final String MARKED_AT = "markedAt";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String LEASE_OWNER = "leaseOwner";

    private final MongoTemplate mongo;
    private final Clock wallClock = Clock.systemUTC();

    public OutboxMarkers(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on(LEASE_OWNER, Sort.Direction.ASC).sparse());
    }

    /** Marks the document as possibly holding events; called before the write that queues them. */
    public void mark(String collection, Object documentId) {
        mongo.upsert(byKey(key(collection, documentId)), new Update().set(MARKED_AT, wallClock.instant())
                .setOnInsert(TARGET_COLLECTION, collection).setOnInsert(DOCUMENT_ID, documentId), COLLECTION);
    }

    /** A marker the relay holds for a while, so other instances leave its document alone. */
    record Leased(String key, String collection, Object documentId, Instant markedAt) {
    }

    /** Leases up to {@code limit} markers no other relay holds (or whose lease ran out). */
    List<Leased> lease(String owner, Duration leaseFor, int limit) {
        Instant now = wallClock.instant();
        Criteria free = new Criteria().orOperator(Criteria.where(LEASE_UNTIL).exists(false), Criteria.where(LEASE_UNTIL).lt(now));
        Query candidates = Query.query(free).limit(limit);
        candidates.fields().include("_id");
        List<Object> keys = mongo.find(candidates, Document.class, COLLECTION).stream().map(d -> d.get("_id")).toList();
        if (keys.isEmpty()) {
            return List.of();
        }
        mongo.updateMulti(Query.query(new Criteria().andOperator(Criteria.where("_id").in(keys), free)),
                new Update().set(LEASE_UNTIL, now.plus(leaseFor)).set(LEASE_OWNER, owner), COLLECTION);
        return mongo.find(Query.query(Criteria.where(LEASE_OWNER).is(owner)), Document.class, COLLECTION).stream()
                .map(d -> new Leased(d.getString("_id"), d.getString(TARGET_COLLECTION), d.get(DOCUMENT_ID),
                        d.get(MARKED_AT, java.util.Date.class).toInstant()))
                .toList();
    }

    /** The document was found with no events left: the marker goes once no writer can still be on its way. */
    void settle(Leased marker, Duration grace) {
        Instant quietSince = marker.markedAt().plus(grace);
        if (wallClock.instant().isAfter(quietSince)) {
            mongo.remove(Query.query(Criteria.where("_id").is(marker.key()).and(MARKED_AT).is(marker.markedAt())), COLLECTION);
        } else {
            mongo.updateFirst(byKey(marker.key()), new Update().set(LEASE_UNTIL, quietSince).unset(LEASE_OWNER), COLLECTION);
        }
    }

    /** Gives the markers back, to be leased again on the next pass. */
    void release(String owner) {
        mongo.updateMulti(Query.query(Criteria.where(LEASE_OWNER).is(owner)), new Update().unset(LEASE_UNTIL).unset(LEASE_OWNER), COLLECTION);
    }

    void release(Leased marker) {
        mongo.updateFirst(byKey(marker.key()), new Update().unset(LEASE_UNTIL).unset(LEASE_OWNER), COLLECTION);
    }

    /** Documents marked as possibly holding events: zero once every outbox is drained and settled. */
    long count() {
        return mongo.count(new Query(), COLLECTION);
    }

    private static Query byKey(String key) {
        return Query.query(Criteria.where("_id").is(key));
    }

    private static String key(String collection, Object documentId) {
        return collection + ":" + documentId;
    }
}
