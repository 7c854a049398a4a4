package vn.gov.par.task.task;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;

/**
 * The indexes of the occurrences collection, on a real MongoDB and on the embedded store alike: what this service's lists,
 * roll-ups and sweeps read by, and what every write of an occurrence keeps up (the store-writes benchmark declares the same).
 */
public final class OccurrenceIndexes {

    public static final String COLLECTION = "occurrences";

    /** The fields the occurrence list filters by, in the combinations it is asked for. */
    private static final List<List<String>> LIST_FILTERS = List.of(List.of("planId"), List.of("planId", "status"), List.of("unitCode"),
            List.of("provinceCode"), List.of("provinceCode", "status"), List.of("ancestorCodes"), List.of());

    private OccurrenceIndexes() {
    }

    public static void declare(MongoTemplate mongo) {
        var indexes = mongo.indexOps(COLLECTION);
        // The list's filters, each followed by its sort (dueDate, unitCode), so a page is read in order from the index, and
        // then by whether the work was released, so the index alone counts the list's total. The same index without
        // releasedOn, which a store made before holds, is dropped: every write kept it up for nothing.
        Set<String> existing = indexes.getIndexInfo().stream().map(IndexInfo::getName).collect(Collectors.toSet());
        for (List<String> filter : LIST_FILTERS) {
            List<String> sorted = Stream.concat(filter.stream(), Stream.of("dueDate", "unitCode")).distinct().toList();
            String withoutReleased = String.join("_1_", sorted) + "_1";
            if (existing.contains(withoutReleased)) {
                indexes.dropIndex(withoutReleased);
            }
            Index index = new Index();
            sorted.forEach(field -> index.on(field, Sort.Direction.ASC));
            indexes.createIndex(index.on("releasedOn", Sort.Direction.ASC));
        }
        // Roll-ups, the sweeps, a task's own occurrences. The overdue sweep's leads with what it has still to announce: by
        // status alone it read every occurrence announced overdue before (a year's, in service) to find the few new ones.
        indexes.createIndex(new Index("planPath", Sort.Direction.ASC).on("unitCode", Sort.Direction.ASC));
        indexes.createIndex(new Index("status", Sort.Direction.ASC).on("dueDate", Sort.Direction.ASC));
        indexes.createIndex(new Index("overdueAnnounced", Sort.Direction.ASC).on("status", Sort.Direction.ASC).on("dueDate", Sort.Direction.ASC));
        indexes.createIndex(new Index("taskId", Sort.Direction.ASC).on("dueDate", Sort.Direction.ASC));
    }
}
