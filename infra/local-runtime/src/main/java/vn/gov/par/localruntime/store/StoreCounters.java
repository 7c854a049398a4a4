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
 * deleted ({@code metrics.document}). The benchmark harness reads them to say what a cascade costs in store work,
 * a figure that does not depend on the machine and carries over to a real MongoDB.
 */
final class StoreCounters {

    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();
    private final LongAdder inserted = new LongAdder();
    private final LongAdder updated = new LongAdder();
    private final LongAdder deleted = new LongAdder();

    /** One command and what its reply says it wrote. */
    void count(String command, Document reply) {
        commands.computeIfAbsent(command, name -> new LongAdder()).increment();
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

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }
}
