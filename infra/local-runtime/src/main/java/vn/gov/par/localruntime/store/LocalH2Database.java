package vn.gov.par.localruntime.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend's database with its unique indexes kept in {@link IndexKeyType} order, under their own map names.
 *
 * <p>The maps are renamed because their order changed: a file written before holds its indexes in the old order under
 * the old names. mongo-java-server builds an index that opens empty from the collection's documents, so such a file
 * gets its indexes rebuilt in the new order when it is opened, and the old maps go once every index of the database is
 * built. Until then a new map that opens beside an old one is a rebuild cut short (H2 commits on its own too), and is
 * emptied to be built again.
 */
final class LocalH2Database extends H2Database {

    private static final String LEGACY_INDEX = "._index_";
    private static final String SORTED_INDEX = "._sorted_index_";

    private final MVStore store;

    LocalH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
        super(databaseName, store, cursors);
        this.store = store;
        super.initializeNamespacesAndIndexes();
        removeLegacyIndexes();
    }

    /** H2Database calls this from its constructor, before {@link #store} is set; the constructor runs it after. */
    @Override
    protected void initializeNamespacesAndIndexes() {
        if (store != null) {
            super.initializeNamespacesAndIndexes();
        }
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                   boolean sparse) {
        MVMap<KeyValue, Object> positions = store.openMap(indexMapName(collectionName, SORTED_INDEX, indexName),
                new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
        String legacyName = indexMapName(collectionName, LEGACY_INDEX, indexName);
        if (store.hasMap(legacyName)) {
            positions.clear();
        }
        return new SortedUniqueIndex(positions, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        store.removeMap(indexMapName(collection.getCollectionName(), SORTED_INDEX, indexName));
    }

    private void removeLegacyIndexes() {
        store.getMapNames().stream()
                .filter(name -> name.startsWith(getDatabaseName() + ".") && name.contains(LEGACY_INDEX))
                .toList()
                .forEach(store::removeMap);
    }

    private String indexMapName(String collectionName, String kind, String indexName) {
        return getFullCollectionNamespace(collectionName) + kind + indexName;
    }
}
