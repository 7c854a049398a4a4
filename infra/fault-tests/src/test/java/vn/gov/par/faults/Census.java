package vn.gov.par.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.mongodb.client.MongoClient;

/**
 * What the cascades left in the services' stores, counted there: plans, sub-plan obligations, tasks and their
 * occurrences, report obligations and deadlines; and, for each, the fields that make one of them one (a unit's
 * obligation under a parent plan; one task per assignment; one report per unit and period; one deadline per thing owed).
 * Reminders are not among them: a deadline plans its reminders and none is stored before it is due, which no cascade on
 * today's clock reaches.
 */
record Census(Map<String, Long> documents) {

    static final Map<String, List<String>> IDENTITIES = identities();

    private static Map<String, List<String>> identities() {
        Map<String, List<String>> identities = new LinkedHashMap<>();
        identities.put("par-plan.plans", List.of("rootPlanId", "issuerCode"));
        identities.put("par-plan.obligations", List.of("parentPlanId", "unitCode"));
        identities.put("par-task.tasks", List.of("planId", "activityIndex", "unitCode", "role"));
        identities.put("par-task.occurrences", List.of("taskId", "label", "dueDate"));
        identities.put("par-report.reports", List.of("planId", "unitCode", "periodType"));
        identities.put("par-notification.deadlines", List.of("kind", "sourceId"));
        return identities;
    }

    static Census take(MongoClient mongo) {
        Map<String, Long> documents = new LinkedHashMap<>();
        IDENTITIES.keySet().forEach(name -> documents.put(name, collection(mongo, name).countDocuments()));
        return new Census(documents);
    }

    Census minus(Census earlier) {
        Map<String, Long> added = new LinkedHashMap<>();
        documents.forEach((name, count) -> added.put(name, count - earlier.documents.getOrDefault(name, 0L)));
        return new Census(added);
    }

    /** Every group of documents that share an identity, described; empty when each thing exists once. */
    static List<String> duplicates(MongoClient mongo) {
        List<String> found = new ArrayList<>();
        IDENTITIES.forEach((name, fields) -> {
            Document identity = new Document();
            fields.forEach(field -> identity.append(field, "$" + field));
            collection(mongo, name).aggregate(List.of(
                            new Document("$group", new Document("_id", identity).append("copies", new Document("$sum", 1))),
                            new Document("$match", new Document("copies", new Document("$gt", 1))),
                            new Document("$limit", 5)))
                    .forEach(group -> found.add(name + " " + group.toJson()));
        });
        return found;
    }

    private static com.mongodb.client.MongoCollection<Document> collection(MongoClient mongo, String name) {
        String[] parts = name.split("\\.", 2);
        return mongo.getDatabase(parts[0]).getCollection(parts[1]);
    }
}
