package vn.gov.par.localruntime.store;

import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.DataType;

/**
 * One of the store's maps, held in memory, recording each change it takes in the {@link Journal} as it takes it: every
 * write of H2's maps goes through {@link #operate} or {@link #clear}. The change and its record are made under the
 * journal's lock, so the journal holds a map's changes in the order the map took them.
 */
final class JournaledMap<K, V> extends MVMap<K, V> {

    private final Journal journal;
    private final String name;

    private JournaledMap(Map<String, Object> config, DataType<K> keyType, DataType<V> valueType, Journal journal, String name) {
        super(config, keyType, valueType);
        this.journal = journal;
        this.name = name;
    }

    /**
     * Records the key's value after the change (its removal when it has none), unless nothing changed: a removal of a
     * key that was not there, or an insertion refused because one was. The same value put again is recorded: it may
     * have been changed in place.
     */
    @Override
    public V operate(K key, V value, DecisionMaker<? super V> decisionMaker) {
        if (!journal.recording()) {
            return super.operate(key, value, decisionMaker);
        }
        journal.lock();
        try {
            V previous = super.operate(key, value, decisionMaker);
            V now = get(key);
            if (now != previous || now != null && now == value) {
                journal.changed(name, getKeyType(), key, getValueType(), now);
            }
            return previous;
        } finally {
            journal.unlock();
        }
    }

    @Override
    public void clear() {
        if (!journal.recording()) {
            super.clear();
            return;
        }
        journal.lock();
        try {
            super.clear();
            journal.cleared(name);
        } finally {
            journal.unlock();
        }
    }

    /** Builds the store's map of that name, recording its creation unless the journal is being replayed. */
    static final class Builder extends MVMap.BasicBuilder<JournaledMap<Object, Object>, Object, Object> {

        private final Journal journal;
        private final String name;

        Builder(Journal journal, String name) {
            this.journal = journal;
            this.name = name;
            setKeyType(StoredMaps.keyType(name));
            setValueType(StoredMaps.valueType(name));
        }

        @Override
        protected JournaledMap<Object, Object> create(Map<String, Object> config) {
            JournaledMap<Object, Object> map = new JournaledMap<>(config, getKeyType(), getValueType(), journal, name);
            if (journal.recording()) {
                journal.created(name);
            }
            return map;
        }
    }
}
