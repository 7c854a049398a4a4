package vn.gov.par.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import vn.gov.par.support.persistence.AggregateStore;

/**
 * Every document of a service's database, by collection, as canonical JSON: two snapshots are equal exactly when
 * nothing was written in between, so a refused request can be shown to have left no partial state (an event it
 * implied would sit in the outbox of the document it belongs to). Left out: scheduler locks, which a sweep takes
 * whatever the requests do.
 *
 * @param pendingEvents whether any document holds events the relay has yet to publish
 */
public record StoreSnapshot(Map<String, String> collections, boolean pendingEvents) {

    private static final Set<String> NOT_STATE = Set.of("scheduler_locks");

    public static StoreSnapshot of(MongoTemplate mongo) {
        Map<String, String> collections = new TreeMap<>();
        boolean pending = false;
        for (String name : mongo.getCollectionNames()) {
            if (NOT_STATE.contains(name)) {
                continue;
            }
            List<Document> documents = mongo.getCollection(name).find().sort(new Document("_id", 1)).into(new ArrayList<>());
            pending |= documents.stream().anyMatch(d -> !d.getList(AggregateStore.OUTBOX, Object.class, List.of()).isEmpty());
            collections.put(name, documents.stream().map(Document::toJson).collect(Collectors.joining("\n")));
        }
        return new StoreSnapshot(collections, pending);
    }

    /** Names of the collections that differ from the other snapshot, for a message that says where the partial state is. */
    public Set<String> changedSince(StoreSnapshot earlier) {
        Set<String> names = new TreeSet<>(collections.keySet());
        names.addAll(earlier.collections.keySet());
        names.removeIf(name -> collections.getOrDefault(name, "").equals(earlier.collections.getOrDefault(name, "")));
        return names;
    }
}
