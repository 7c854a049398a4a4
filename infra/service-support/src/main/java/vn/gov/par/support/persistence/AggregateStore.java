package vn.gov.par.support.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mapping.PersistentProperty;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import vn.gov.par.support.outbox.OutboxMessage;
import vn.gov.par.support.outbox.OutboxRelay;

/**
 * Stores plain domain aggregates (no persistence annotations) one document each, with optimistic
 * locking on a {@code _revision} field and the events a change implies appended to the same
 * document's {@code outbox} in the same single-document write: a crash can never keep one without
 * the other (MongoDB and mongo-java-server both guarantee single-document atomicity). That same write sets
 * {@value #OUTBOX_SINCE}, when the oldest of the document's unpublished events was queued (wall clock), which a sparse
 * index holds for the documents that have events to publish and nothing else: the {@link OutboxRelay} finds them
 * there, and clears it once it has published them. One write per change, and nothing for the relay to miss.
 */
public class AggregateStore<T> {

    public static final String OUTBOX = "outbox";
    public static final String REVISION = "_revision";
    public static final String OUTBOX_SINCE = "_outboxSince";
    /**
     * When the aggregate was last written (wall clock), set by every write of its state: what {@link #writtenSince}
     * asks, on the collections whose owner indexes it.
     */
    public static final String WRITTEN_AT = "_writtenAt";

    private final MongoTemplate mongo;
    private final Class<T> type;
    private final String collection;
    private final Function<T, String> idOf;
    private final Clock wallClock = Clock.systemUTC();

    public AggregateStore(MongoTemplate mongo, Class<T> type, String collection, Function<T, String> idOf) {
        this.mongo = mongo;
        this.type = type;
        this.collection = collection;
        this.idOf = idOf;
        mongo.indexOps(collection).createIndex(new Index().on(OUTBOX_SINCE, Sort.Direction.ASC).sparse().named(OUTBOX_SINCE));
    }

    public String collection() {
        return collection;
    }

    public Optional<Versioned<T>> find(String id) {
        Document document = mongo.findById(id, Document.class, collection);
        return Optional.ofNullable(document).map(this::toVersioned);
    }

    public List<T> find(Query query) {
        return mongo.find(query, Document.class, collection).stream().map(this::toAggregate).toList();
    }

    /** Hands each aggregate the query finds to the action as the store's cursor brings it, so that however many never sit in memory at once. */
    public void forEach(Query query, Consumer<T> action) {
        try (var found = mongo.stream(query, Document.class, collection)) {
            found.map(this::toAggregate).forEach(action);
        }
    }

    /** The aggregates a query finds, each with the revision an update must still find. */
    public List<Versioned<T>> findVersioned(Query query) {
        return mongo.find(query, Document.class, collection).stream().map(this::toVersioned).toList();
    }

    /** Which of these ids the store holds, in one read of the ids alone. */
    private Set<String> existingIds(Collection<String> ids) {
        Query byIds = Query.query(Criteria.where("_id").in(ids));
        byIds.fields().include("_id");
        return mongo.find(byIds, Document.class, collection).stream().map(document -> document.getString("_id")).collect(Collectors.toSet());
    }

    public long count(Query query) {
        return mongo.count(query, collection);
    }

    /**
     * Whether any aggregate was inserted or changed at or after that moment, by this process or another (a deletion is
     * not seen). One read through an index on {@value #WRITTEN_AT}, which the collection's owner creates if it asks this.
     */
    public boolean writtenSince(Instant since) {
        return mongo.exists(Query.query(Criteria.where(WRITTEN_AT).gte(since)), collection);
    }

    /** Inserts the aggregate unless one with its id exists; answers whether it was inserted. */
    public boolean insertIfAbsent(T aggregate, List<OutboxMessage> events) {
        try {
            mongo.insert(newDocument(aggregate, events), collection);
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
        return true;
    }

    /**
     * Inserts, in one write, those of the aggregates whose ids are not taken (the others stay as they are), none of
     * them with events. One write instead of one per aggregate matters when an event brings many (a deadline's
     * reminders, a task's occurrences): each write is a round trip and, on the embedded store, a commit. It
     * answers with the ids that were taken, so a caller that must treat those otherwise reads only them.
     */
    public Set<String> insertAllIfAbsent(Collection<T> aggregates) {
        return insertAllIfAbsent(aggregates, aggregate -> List.of());
    }

    /**
     * Inserts those of the aggregates whose ids are not taken, each with the events it implies, in one write: an
     * aggregate already there keeps its state and queues nothing again.
     *
     * @return the ids of the aggregates that were there already
     */
    public Set<String> insertAllIfAbsent(Collection<T> aggregates, Function<T, List<OutboxMessage>> eventsOf) {
        return Documents.insertAllIfAbsent(mongo, collection,
                aggregates.stream().map(aggregate -> newDocument(aggregate, eventsOf.apply(aggregate))).toList())
                .stream().map(String.class::cast).collect(Collectors.toSet());
    }

    /**
     * Inserts, in one write, those of the aggregates the store does not hold yet, and announces only those: the caller
     * groups them, and each group's one event rides on the document of the group's first aggregate (a unit's tasks of a
     * plan, a unit's year of reports). One already there (a redelivery, one that came otherwise meanwhile) keeps its
     * state and is not announced again.
     */
    public void insertAnnounced(List<T> aggregates, Function<List<T>, List<List<T>>> groupsOf, Function<List<T>, OutboxMessage> announcementOf) {
        Set<String> there = existingIds(aggregates.stream().map(idOf).toList());
        List<T> added = aggregates.stream().filter(aggregate -> !there.contains(idOf.apply(aggregate))).toList();
        if (added.isEmpty()) {
            return;
        }
        Map<String, List<OutboxMessage>> eventsByCarrier = new HashMap<>();
        groupsOf.apply(added).forEach(group -> eventsByCarrier.put(idOf.apply(group.get(0)), List.of(announcementOf.apply(group))));
        insertAllIfAbsent(added, aggregate -> eventsByCarrier.getOrDefault(idOf.apply(aggregate), List.of()));
    }

    private Document newDocument(T aggregate, List<OutboxMessage> events) {
        Document document = toDocument(aggregate);
        document.put("_id", idOf.apply(aggregate));
        document.put(REVISION, 0L);
        document.put(OUTBOX, events.stream().map(this::toDocument).toList());
        Instant now = wallClock.instant();
        document.put(WRITTEN_AT, now);
        if (!events.isEmpty()) {
            document.put(OUTBOX_SINCE, now);
        }
        return document;
    }

    /** Writes the aggregate if it is still at the revision it was read at, and queues its events. */
    public void update(T aggregate, long expectedRevision, List<OutboxMessage> events) {
        String id = idOf.apply(aggregate);
        Query sameRevision = Query.query(Criteria.where("_id").is(id).and(REVISION).is(expectedRevision));
        var result = mongo.updateFirst(sameRevision, changesOf(aggregate, events), collection);
        if (result.getMatchedCount() == 0) {
            throw new ConcurrentUpdateException(collection, id);
        }
    }

    /**
     * {@link #updateAllUnlessChanged(Collection, Function)} in one write per group the aggregates fall in (their province,
     * say); answers how many of each group were written, which only a write of that group alone can say.
     */
    public Map<String, Long> updateAllUnlessChanged(Collection<Versioned<T>> changed, Function<T, String> groupOf,
            Function<T, List<OutboxMessage>> eventsOf) {
        Map<String, List<Versioned<T>>> groups = new LinkedHashMap<>();
        changed.forEach(each -> groups.computeIfAbsent(groupOf.apply(each.value()), group -> new ArrayList<>()).add(each));
        Map<String, Long> written = new LinkedHashMap<>();
        groups.forEach((group, members) -> written.put(group, updateAllUnlessChanged(members, eventsOf)));
        return written;
    }

    public void delete(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), collection);
    }

    /**
     * Writes each aggregate as it is now if it is still at the revision it was read at, in one write, queuing no events;
     * answers how many were written (the others changed meanwhile and are left as they are).
     */
    public long updateAllUnlessChanged(Collection<Versioned<T>> changed) {
        return updateAllUnlessChanged(changed, aggregate -> List.of());
    }

    /**
     * Writes each aggregate as it is now, with the events it implies, if it is still at the revision it was read at, in
     * one write; answers how many were written. One that changed meanwhile is left as it is and queues nothing, so a
     * batch that another writer overtook in part publishes only what it wrote. One write instead of one per aggregate
     * is what lets a sweep announce thousands at once: each write is a round trip and, on the embedded store, a commit.
     */
    public long updateAllUnlessChanged(Collection<Versioned<T>> changed, Function<T, List<OutboxMessage>> eventsOf) {
        if (changed.isEmpty()) {
            return 0;
        }
        BulkOperations updates = mongo.bulkOps(BulkMode.UNORDERED, collection);
        changed.forEach(each -> updates.updateOne(Query.query(Criteria.where("_id").is(idOf.apply(each.value())).and(REVISION).is(each.revision())),
                changesOf(each.value(), eventsOf.apply(each.value()))));
        return updates.execute().getMatchedCount();
    }

    /**
     * Deletes the aggregate if no event of it waits to be published and nobody changed it since it was read at that
     * revision (queuing an event is a change); answers whether it did.
     */
    public boolean deleteIfSettled(String id, long expectedRevision) {
        Document document = mongo.findById(id, Document.class, collection);
        if (document == null || document.get(REVISION, Number.class).longValue() != expectedRevision
                || !document.getList(OUTBOX, Object.class, List.of()).isEmpty()) {
            return false;
        }
        return mongo.remove(Query.query(Criteria.where("_id").is(id).and(REVISION).is(expectedRevision)), collection).getDeletedCount() == 1;
    }

    /**
     * Applies one change to every aggregate the query finds, bumping their revisions so a writer holding an
     * older read fails rather than undoing it. For bulk state changes only (cancel what is pending, say).
     */
    public long updateAll(Query query, Update update) {
        return mongo.updateMulti(query, update.inc(REVISION, 1).set(WRITTEN_AT, wallClock.instant()), collection).getModifiedCount();
    }

    private Update changesOf(T aggregate, List<OutboxMessage> events) {
        Document document = toDocument(aggregate);
        Update update = new Update();
        MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type);
        for (PersistentProperty<?> property : entity) {
            String field = ((org.springframework.data.mongodb.core.mapping.MongoPersistentProperty) property).getFieldName();
            if (field.equals("_id")) {
                continue;
            }
            if (document.containsKey(field)) {
                update.set(field, document.get(field));
            } else {
                update.unset(field);
            }
        }
        Instant now = wallClock.instant();
        update.inc(REVISION, 1).set(WRITTEN_AT, now);
        if (!events.isEmpty()) {
            update.push(OUTBOX).each(events.stream().map(this::toDocument).toArray());
            update.min(OUTBOX_SINCE, now);
        }
        return update;
    }

    private Versioned<T> toVersioned(Document document) {
        long revision = document.get(REVISION, Number.class).longValue();
        return new Versioned<>(toAggregate(document), revision);
    }

    private T toAggregate(Document document) {
        return mongo.getConverter().read(type, document);
    }

    private Document toDocument(Object value) {
        return Documents.of(mongo, value, null);
    }
}
