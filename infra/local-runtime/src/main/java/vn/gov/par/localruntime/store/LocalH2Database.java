package vn.gov.par.localruntime.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend's database, its maps held in memory and journaled ({@link StoreFiles}), with its documents and index
 * keys in BSON where they fit ({@link StoredDocument}, {@link IndexKeyType}), its collections serving queries from the narrowest index ({@link LocalCollection}), its
 * non-unique indexes kept ({@link SecondaryIndex}) instead of ignored, and its unique indexes kept in
 * {@link IndexKeyType} order, under their own map names.
 *
 * <p>The maps are renamed because their order changed: a file written before holds its indexes in the old order under
 * the old names. mongo-java-server builds an index that opens empty from the collection's documents, so such a file
 * gets its indexes rebuilt in the new order when it is opened, and the old maps go once every index of the database is
 * built. Until then a new map that opens beside an old one is a rebuild cut short (H2 commits on its own too), and is
 * emptied to be built again.
 */
final class LocalH2Database extends H2Database {

    /** The prefix H2Database names a collection's map of metadata with. */
    private static final String METADATA = "meta.";
    private static final String LEGACY_INDEX = "._index_";

    private final StoreFiles files;
    private final MVStore store;

    LocalH2Database(String databaseName, StoreFiles files, CursorRegistry cursors) {
        super(databaseName, files.store(), cursors);
        this.files = files;
        this.store = files.store();
        super.initializeNamespacesAndIndexes();
        removeLegacyIndexes();
    }

    /** H2Database calls this from its constructor, before {@link #files} is set; the constructor runs it after. */
    @Override
    protected void initializeNamespacesAndIndexes() {
        if (files != null) {
            super.initializeNamespacesAndIndexes();
        }
    }

    /**
     * An aggregation whose pipeline begins with a $match starts from what an index finds for it (LocalCollection); one
     * that only counts what the match finds, as the driver counts documents, is counted from index keys when they decide
     * the match ({@link CoveredCount}).
     */
    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver, Oplog oplog) {
        if (command.equals("aggregate") && query.get(command) instanceof String collection
                && query.get("pipeline") instanceof List<?> stages && !stages.isEmpty()
                && stages.get(0) instanceof Document first && first.size() == 1 && first.get("$match") instanceof Document match) {
            Document counted = stages.size() == 2 && stages.get(1) instanceof Document second ? coveredCount(collection, match, second) : null;
            return counted != null ? counted : LocalCollection.aggregating(getFullCollectionNamespace(collection), match,
                    () -> super.handleCommand(channel, command, query, databaseResolver, oplog));
        }
        return super.handleCommand(channel, command, query, databaseResolver, oplog);
    }

    /**
     * The answer to a match followed by {@code $group: {_id: <constant>, <name>: {$sum: 1}}} when index keys count it,
     * as the library would give it: one document, none when nothing matched; else null.
     */
    private Document coveredCount(String collectionName, Document match, Document stage) {
        if (!(stage.get("$group") instanceof Document group) || group.size() != 2 || !(group.get("_id") instanceof Number id)
                || !(resolveCollection(collectionName, false) instanceof LocalCollection collection)) {
            return null;
        }
        String name = group.keySet().stream().filter(key -> !key.equals("_id")).findFirst().orElseThrow();
        if (!(group.get(name) instanceof Document sum) || sum.size() != 1 || !(sum.get("$sum") instanceof Integer one) || one != 1) {
            return null;
        }
        OptionalLong count = collection.coveredCount(match);
        if (count.isEmpty()) {
            return null;
        }
        long n = count.getAsLong();
        Object total = n <= Integer.MAX_VALUE ? (Object) (int) n : (Object) n;
        List<Document> batch = n == 0 ? List.of() : List.of(new Document("_id", id).append(name, total));
        Document cursor = new Document("id", 0L).append("ns", getFullCollectionNamespace(collectionName)).append("firstBatch", batch);
        Document response = new Document("cursor", cursor);
        Utils.markOkay(response);
        return response;
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVMap<Object, StoredDocument> documents = files.map(StoredMaps.DOCUMENTS + getFullCollectionNamespace(collectionName));
        return new LocalCollection(this, collectionName, options, documents, metadata(collectionName), cursorRegistry);
    }

    /** Indexes of top-level fields, which are all the services declare; others stay ignored, as the library does. */
    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                      boolean sparse) {
        if (keys.stream().anyMatch(key -> key.getKey().contains("."))) {
            return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
        }
        MVMap<KeyValue, Boolean> entries = files.map(indexMapName(collectionName, StoredMaps.SECONDARY_INDEX, indexName));
        return new SecondaryIndex(indexName, keys, sparse, entries, metadata(collectionName));
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                   boolean sparse) {
        MVMap<KeyValue, Object> positions = files.map(indexMapName(collectionName, StoredMaps.SORTED_INDEX, indexName));
        String legacyName = indexMapName(collectionName, LEGACY_INDEX, indexName);
        if (store.hasMap(legacyName)) {
            positions.clear();
        }
        return new SortedUniqueIndex(positions, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        Set<String> before = store.getMapNames();
        super.dropIndex(collection, indexName);
        files.mapsRemoved(before);
        files.removeMap(indexMapName(collection.getCollectionName(), StoredMaps.SORTED_INDEX, indexName));
        files.removeMap(indexMapName(collection.getCollectionName(), StoredMaps.SECONDARY_INDEX, indexName));
    }

    /** The library drops a collection's or a database's maps itself; the journal learns of it here. */
    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        Set<String> before = store.getMapNames();
        super.dropCollection(collectionName, oplog);
        files.mapsRemoved(before);
    }

    @Override
    public void drop(Oplog oplog) {
        Set<String> before = store.getMapNames();
        super.drop(oplog);
        files.mapsRemoved(before);
    }

    private MVMap<String, Object> metadata(String collectionName) {
        return files.map(METADATA + getFullCollectionNamespace(collectionName));
    }

    private void removeLegacyIndexes() {
        store.getMapNames().stream()
                .filter(name -> name.startsWith(getDatabaseName() + ".") && name.contains(LEGACY_INDEX))
                .toList()
                .forEach(files::removeMap);
    }

    private String indexMapName(String collectionName, String kind, String indexName) {
        return getFullCollectionNamespace(collectionName) + kind + indexName;
    }
}
