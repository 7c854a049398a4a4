package vn.gov.par.support.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
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
 * writer between marking and writing is not overtaken; a writer held up for longer than that marks its document
 * again once written; and a slow scan of the aggregate collections re-marks any document that still holds events
 * without a marker.
 *
 * <p>A marker also remembers since when its document has held events ({@code pendingSince}): the first marking sets it
 * and later ones keep it; once the relay has published the document's events it is cleared, or, if events arrived
 * during that pass, moved to when the pass began. The relay's lag is read from it.
 *
 * <p>Marker times follow the wall clock, never the business {@link Clock} tests move about.
 */
public class OutboxMarkers {

    static final String COLLECTION = "outbox_markers";
    private static final String TARGET_COLLECTION = "collection";
    private static final String DOCUMENT_ID = "documentId";
    private static final String MARKED_AT = "markedAt";
    private static final String PENDING_SINCE = "pendingSince";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String LEASE_OWNER = "leaseOwner";
    private static final int MARKS_PER_WRITE = 1_000;

    private final MongoTemplate mongo;
    private final Clock wallClock;

    public OutboxMarkers(MongoTemplate mongo) {
        this(mongo, Clock.systemUTC());
    }

    /** With the wall clock markers are stamped by (a test passes one it moves). */
    public OutboxMarkers(MongoTemplate mongo, Clock wallClock) {
        this.mongo = mongo;
        this.wallClock = wallClock;
        // The relay takes a marker only if its lease is still the one it was read with, and removes it only if it was
        // not marked again meanwhile. A store that serves a query from an index only when the index has exactly the
        // query's keys (the embedded one) would otherwise read every marker for each of those writes, and markers pile
        // up exactly when the relay is slowest.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC).on(LEASE_UNTIL, Sort.Direction.ASC).unique());
        mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC).on(MARKED_AT, Sort.Direction.ASC).unique());
        mongo.indexOps(COLLECTION).createIndex(new Index().on(LEASE_OWNER, Sort.Direction.ASC).sparse());
    }

    /** Marks the document as possibly holding events; called before the write that queues them. */
    public void mark(String collection, Object documentId) {
        markAll(collection, List.of(documentId));
    }

    /** Marks the documents as {@link #mark} does, a write per thousand of them. */
    public void markAll(String collection, List<?> documentIds) {
        Instant now = wallClock.instant();
        // A thousand per write, so a collection's worth (the relay's slow scan) does not hold the store in one command.
        for (int from = 0; from < documentIds.size(); from += MARKS_PER_WRITE) {
            BulkOperations marks = mongo.bulkOps(BulkMode.UNORDERED, COLLECTION);
            documentIds.subList(from, Math.min(documentIds.size(), from + MARKS_PER_WRITE)).forEach(id -> marks.upsert(
                    byKey(key(collection, id)), new Update().set(MARKED_AT, now).min(PENDING_SINCE, now)
                            .setOnInsert(TARGET_COLLECTION, collection).setOnInsert(DOCUMENT_ID, id)));
            marks.execute();
        }
    }

    /**
     * A marker the relay holds for a while, so other instances leave its document alone.
     *
     * @param pendingSince since when its document has held events, as far as the markers know (a marker written before
     *                     this was recorded answers its last marking)
     * @param leasedAt     when the relay leased it: events its document holds after the pass arrived after this
     */
    record Leased(String key, String collection, Object documentId, Instant markedAt, Instant pendingSince, Instant leasedAt) {
    }

    /**
     * Leases up to {@code limit} markers no other relay holds (or whose lease ran out): each is taken, by its id, only
     * if its lease is still the one it was read with, so two relays never both take it. Three round trips whatever the
     * batch: the free markers, the leases in one bulk write, and the markers read back to see which leases are ours.
     */
    List<Leased> lease(String owner, Duration leaseFor, int limit) {
        Instant now = wallClock.instant();
        Criteria free = new Criteria().orOperator(Criteria.where(LEASE_UNTIL).exists(false), Criteria.where(LEASE_UNTIL).lt(now));
        List<Document> candidates = mongo.find(Query.query(free).limit(limit), Document.class, COLLECTION);
        if (candidates.isEmpty()) {
            return List.of();
        }
        BulkOperations leases = mongo.bulkOps(BulkMode.UNORDERED, COLLECTION);
        Update lease = new Update().set(LEASE_UNTIL, now.plus(leaseFor)).set(LEASE_OWNER, owner);
        candidates.forEach(candidate -> leases.updateOne(
                Query.query(Criteria.where("_id").is(candidate.get("_id")).and(LEASE_UNTIL).is(candidate.get(LEASE_UNTIL))), lease));
        leases.execute();
        Query candidatesById = Query.query(Criteria.where("_id").in(candidates.stream().map(c -> c.get("_id")).toList()));
        return mongo.find(candidatesById, Document.class, COLLECTION).stream()
                .filter(marker -> owner.equals(marker.getString(LEASE_OWNER)))
                .map(marker -> leased(marker, now))
                .toList();
    }

    private static Leased leased(Document marker, Instant leasedAt) {
        Instant markedAt = marker.get(MARKED_AT, Date.class).toInstant();
        Date pendingSince = marker.get(PENDING_SINCE, Date.class);
        return new Leased(marker.getString("_id"), marker.getString(TARGET_COLLECTION), marker.get(DOCUMENT_ID), markedAt,
                pendingSince == null ? markedAt : pendingSince.toInstant(), leasedAt);
    }

    /**
     * After the pass of {@code owner} published the markers' documents: the marker of a document found with no events left goes once
     * no writer can still be on its way (until then it no longer counts as pending); one marked again since it was
     * leased, and those of documents written during the pass, are given back. A few round trips whatever their number.
     */
    void settleAll(String owner, List<Leased> emptied, List<Leased> writtenMeanwhile, Duration grace) {
        Instant now = wallClock.instant();
        Map<Boolean, List<Leased>> quiet = emptied.stream().collect(Collectors.partitioningBy(m -> now.isAfter(m.markedAt().plus(grace))));
        if (!emptied.isEmpty()) {
            BulkOperations settles = mongo.bulkOps(BulkMode.UNORDERED, COLLECTION);
            quiet.get(true).forEach(m -> settles.remove(Query.query(Criteria.where("_id").is(m.key()).and(MARKED_AT).is(m.markedAt()))));
            quiet.get(false).forEach(m -> settles.updateOne(byKey(m.key()),
                    new Update().set(LEASE_UNTIL, m.markedAt().plus(grace)).unset(LEASE_OWNER).unset(PENDING_SINCE)));
            settles.execute();
        }
        List<Leased> givenBack = new ArrayList<>(writtenMeanwhile);
        givenBack.addAll(stillHeld(owner, quiet.get(true)));
        releaseAll(givenBack);
    }

    /** Those of the markers that are still there and still leased as they were: marked again before they could go. */
    private List<Leased> stillHeld(String owner, List<Leased> markers) {
        if (markers.isEmpty()) {
            return List.of();
        }
        Query heldByOwner = Query.query(Criteria.where("_id").in(markers.stream().map(Leased::key).toList()).and(LEASE_OWNER).is(owner));
        Set<String> held = mongo.find(heldByOwner, Document.class, COLLECTION).stream().map(found -> found.getString("_id"))
                .collect(Collectors.toSet());
        return markers.stream().filter(m -> held.contains(m.key())).toList();
    }

    /** Gives back markers marked or written again during the pass that published them: they wait from that pass. */
    private void releaseAll(List<Leased> markers) {
        if (markers.isEmpty()) {
            return;
        }
        BulkOperations releases = mongo.bulkOps(BulkMode.UNORDERED, COLLECTION);
        markers.forEach(m -> releases.updateOne(byKey(m.key()),
                new Update().unset(LEASE_UNTIL).unset(LEASE_OWNER).set(PENDING_SINCE, m.leasedAt())));
        releases.execute();
    }

    /** Gives the markers back, to be leased again on the next pass. */
    void release(String owner) {
        mongo.updateMulti(Query.query(Criteria.where(LEASE_OWNER).is(owner)), new Update().unset(LEASE_UNTIL).unset(LEASE_OWNER), COLLECTION);
    }

    /** The wall clock's time, which markers are stamped with. */
    Instant now() {
        return wallClock.instant();
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
