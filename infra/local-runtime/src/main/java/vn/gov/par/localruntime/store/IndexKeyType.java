package vn.gov.par.localruntime.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import java.util.Comparator;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The keys of a unique index, stored exactly as H2's default type stores them but ordered by value.
 *
 * <p>H2's default type orders objects it does not know by Java-serialising both sides of every comparison, so each
 * step of every index lookup serialised two keys: a third of the store's time under a by-id workload. Values are
 * compared the way MongoDB orders them; keys that compare equal but are not equal fall back to the serialised order,
 * so the order stays consistent with {@link KeyValue#equals}, which is what the index's uniqueness relies on.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    private static final Comparator<Object> VALUE_ORDER = ValueComparator.ascWithoutListHandling();

    private final ObjectDataType serialisedForm = new ObjectDataType();

    private IndexKeyType() {
    }

    @Override
    public int compare(KeyValue left, KeyValue right) {
        if (left == right) {
            return 0;
        }
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            int byValue = VALUE_ORDER.compare(left.get(i), right.get(i));
            if (byValue != 0) {
                return byValue;
            }
        }
        if (left.size() != right.size()) {
            return Integer.compare(left.size(), right.size());
        }
        return left.equals(right) ? 0 : serialisedForm.compare(left, right);
    }

    @Override
    public int getMemory(KeyValue key) {
        return serialisedForm.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        serialisedForm.write(buffer, key);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        return (KeyValue) serialisedForm.read(buffer);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
