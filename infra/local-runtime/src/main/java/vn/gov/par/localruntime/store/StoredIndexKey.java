package vn.gov.par.localruntime.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.function.Function;

/**
 * An index key as the store's index maps hold it: its values, and the bytes it is stored as ({@link IndexKeyType}) once
 * it has been written or read. A commit writes every key of each index page it changed, nearly all of them as a commit
 * before wrote them: encoding each of them again was 29 % of the store's samples in two minutes of a cascade (JFR), and
 * the bytes kept cost a copy.
 */
final class StoredIndexKey {

    private final KeyValue values;
    private volatile byte[] stored;

    StoredIndexKey(KeyValue values) {
        this(values, null);
    }

    StoredIndexKey(KeyValue values, byte[] stored) {
        this.values = values;
        this.stored = stored;
    }

    KeyValue values() {
        return values;
    }

    /** The bytes of the stored form, made by {@code encoder} the first time they are asked for. */
    byte[] stored(Function<KeyValue, byte[]> encoder) {
        byte[] bytes = stored;
        if (bytes == null) {
            bytes = encoder.apply(values);
            stored = bytes;
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredIndexKey key && values.equals(key.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
