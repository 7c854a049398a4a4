package vn.gov.par.testsupport;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every document of a service's database, by collection, as canonical JSON: two snapshots are equal exactly when
 * nothing was written in between, so a refused request can be shown to have left no partial state (the outbox
 * travels inside the documents it belongs to, and its markers are a collection of their own).
 * Scheduler locks are left out: a sweep takes them whatever the requests do.
 */
public record StoreSnapshot(Map<String, String> collections) {

    private static final String SCHEDULER_LOCKS = "scheduler_locks";
    private static final String OUTBOX_MARKERS = "outbox_markers";

    public static StoreSnapshot of(MongoTemplate mongo) {
        Map<String, String> collections = new TreeMap<>();
        for (String name : mongo.getCollectionNames()) {
            if (!name.equals(SCHEDULER_LOCKS)) {
                collections.put(name, mongo.getCollection(name).find().sort(new Document("_id", 1)).map(Document::toJson)
                        .into(new ArrayList<>()).stream().collect(Collectors.joining("\n")));
            }
        }
        return new StoreSnapshot(collections);
    }

    /** No event waits in an outbox for the relay. */
    public boolean outboxEmpty() {
        return collections.getOrDefault(OUTBOX_MARKERS, "").isEmpty();
    }

    /** Names of the collections that differ from the other snapshot, for a message that says where the partial state is. */
    public Set<String> changedSince(StoreSnapshot earlier) {
        Set<String> names = new TreeSet<>(collections.keySet());
        names.addAll(earlier.collections.keySet());
        names.removeIf(name -> collections.getOrDefault(name, "").equals(earlier.collections.getOrDefault(name, "")));
        return names;
    }
}
