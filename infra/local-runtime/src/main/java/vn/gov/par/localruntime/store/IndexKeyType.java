package vn.gov.par.localruntime.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The keys of an index, ordered by value and stored as BSON values where {@link BsonForm} allows, else in H2's form.
 *
 * <p>H2's default type orders objects it does not know by Java-serialising both sides of every comparison, so each
 * step of every index lookup serialised two keys: a third of the store's time under a by-id workload. Values are
 * compared the way MongoDB orders them; keys that compare equal but are not equal fall back to the serialised order,
 * so the order stays consistent with {@link KeyValue#equals}, which is what the index's uniqueness relies on. The maps
 * are held in memory, so a key is encoded only for its journal record and for a snapshot: it keeps no bytes, which
 * would only take heap.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    private static final Comparator<Object> LIBRARY_ORDER = ValueComparator.ascWithoutListHandling();

    /**
     * Values in MongoDB's order, as the library compares them, but two strings (most of what keys hold) directly,
     * without first walking its list of types for each: that walk was most of the store's time spent finding keys in
     * an index (JFR). Every comparison of index values in the store goes through it.
     */
    static final Comparator<Object> VALUE_ORDER = (left, right) -> left instanceof String l && right instanceof String r
            ? l.compareTo(r) : LIBRARY_ORDER.compare(left, right);

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

    /** What the values occupy: H2 splits pages by it. */
    @Override
    public int getMemory(KeyValue key) {
        int size = 40;
        for (Object value : key) {
            size += 4 + BsonForm.heapBytes(value);
        }
        return size;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        if (!BsonForm.allFit(key)) {
            serialisedForm.write(buffer, key);
            return;
        }
        buffer.put(BsonForm.TAG).putVarInt(key.size());
        BsonForm.write(buffer, bson -> {
            for (Object value : key) {
                byte type = BsonEncoder.determineType(value);
                bson.writeByte(type);
                BsonEncoder.encodeValue(type, value, bson);
            }
        });
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BsonForm.TAG) {
            return (KeyValue) serialisedForm.read(buffer);
        }
        buffer.get();
        int size = DataUtils.readVarInt(buffer);
        ByteBuf bson = Unpooled.wrappedBuffer(buffer);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(BsonDecoder.decodeValue(bson.readByte(), bson));
        }
        buffer.position(buffer.position() + bson.readerIndex());
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
