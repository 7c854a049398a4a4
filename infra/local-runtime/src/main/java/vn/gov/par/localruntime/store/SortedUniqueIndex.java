package vn.gov.par.localruntime.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/** A unique index kept in an H2 map whose keys are ordered by {@link IndexKeyType}; otherwise as the H2 backend's own. */
final class SortedUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<StoredIndexKey, Object> positions;

    SortedUniqueIndex(MVMap<StoredIndexKey, Object> positions, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.positions = positions;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return positions.remove(new StoredIndexKey(key));
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return positions.putIfAbsent(new StoredIndexKey(key), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> positions.entrySet().stream()
                .<Map.Entry<KeyValue, Object>>map(entry -> new SimpleImmutableEntry<>(entry.getKey().values(), entry.getValue())).iterator();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return positions.get(new StoredIndexKey(key));
    }

    @Override
    public long getCount() {
        return positions.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
