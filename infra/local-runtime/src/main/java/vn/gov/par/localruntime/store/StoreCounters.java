package vn.gov.par.localruntime.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the store was asked and wrote, counted by the store itself as MongoDB counts it in {@code serverStatus}: each command
 * received by name ({@code metrics.commands.<name>.total}, a round trip each) and the documents inserted, updated and
 * deleted ({@code metrics.document}); and, as MongoDB's {@code top} command answers, the commands each collection was sent
 * and the microseconds they took, by kind (waiting for the collection while another command held it included, as in
 * MongoDB's). The benchmark harness reads them to say what a cascade costs in store work, and where: counts that do not
 * depend on the machine and carry over to a real MongoDB.
 */
final class StoreCounters {

    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Usage>> byCollection = new ConcurrentHashMap<>();
    private final LongAdder inserted = new LongAdder();
    private final LongAdder updated = new LongAdder();
    private final LongAdder deleted = new LongAdder();

    /** One command sent to {@code database}, what its reply says it wrote, and how long it took. */
    void count(String database, String command, Document query, Document reply, long nanos) {
        commands.computeIfAbsent(command, name -> new LongAdder()).increment();
        String collection = collectionOf(command, query);
        if (collection != null) {
            Map<String, Usage> kinds = byCollection.computeIfAbsent(database + "." + collection, namespace -> new ConcurrentHashMap<>());
            kinds.computeIfAbsent("total", kind -> new Usage()).add(nanos);
            kinds.computeIfAbsent(topKind(command), kind -> new Usage()).add(nanos);
        }
        switch (command) {
            case "insert" -> inserted.add(number(reply.get("n")));
            case "update" -> {
                updated.add(number(reply.get("nModified")));
                if (reply.get("upserted") instanceof List<?> upserts) {
                    inserted.add(upserts.size());
                }
            }
            case "delete" -> deleted.add(number(reply.get("n")));
            case "findAndModify" -> {
                if (reply.get("lastErrorObject") instanceof Document written) {
                    updated.add(number(written.get("n")));
                }
            }
            default -> {
                // reads and administration write no documents
            }
        }
    }

    /** Adds the counts to a {@code serverStatus} reply, under MongoDB's own names. */
    void addTo(Document serverStatus) {
        Document byName = new Document();
        new TreeMap<>(commands).forEach((name, count) -> byName.put(name, new Document("failed", 0L).append("total", count.sum())));
        Document metrics = serverStatus.get("metrics") instanceof Document existing ? existing : new Document();
        metrics.put("commands", byName);
        metrics.put("document", new Document("inserted", inserted.sum()).append("updated", updated.sum()).append("deleted", deleted.sum()));
        serverStatus.put("metrics", metrics);
    }

    /** The reply to {@code top}: per "database.collection", each kind's {@code count} and {@code time} in microseconds. */
    Document top() {
        Document totals = new Document("note", "all times in microseconds");
        new TreeMap<>(byCollection).forEach((namespace, kinds) -> {
            Document usage = new Document();
            new TreeMap<>(kinds).forEach((kind, used) -> usage.put(kind, new Document("time", used.nanos.sum() / 1_000)
                    .append("count", used.count.sum())));
            totals.put(namespace, usage);
        });
        return new Document("totals", totals).append("ok", 1.0);
    }

    /** The collection a command is about, as the wire protocol names it; null for one about none. */
    private static String collectionOf(String command, Document query) {
        Object named = command.equals("getMore") ? query.get("collection") : query.get(command);
        return named instanceof String collection && !collection.isEmpty() ? collection : null;
    }

    /** The kinds MongoDB's {@code top} counts a command under. */
    static String topKind(String command) {
        return switch (command) {
            case "insert" -> "insert";
            case "find" -> "queries";
            case "getMore" -> "getmore";
            case "update" -> "update";
            case "delete" -> "remove";
            default -> "commands";
        };
    }

    private static final class Usage {
        private final LongAdder count = new LongAdder();
        private final LongAdder nanos = new LongAdder();

        void add(long took) {
            count.increment();
            nanos.add(took);
        }
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }
}
