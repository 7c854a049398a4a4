package vn.gov.par.localruntime.store;

import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.h2.mvstore.WriteBuffer;

/**
 * Which values the store keeps as BSON, the wire's own encoding, rather than in H2's default form (Java serialisation):
 * exactly those that BSON gives back as the same classes with the same values. Anything else (a value
 * mongo-java-server uses internally, a date finer than a millisecond) stays in H2's form, so a write never fails and
 * a value never comes back changed.
 *
 * <p>H2's default form starts every value with a tag from 0 to 119; {@link #TAG} marks the BSON form, so a file may
 * hold both and values written before are still read.
 */
final class BsonForm {

    static final byte TAG = (byte) 0xB5;

    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    private static final int OBJECT = 16;
    private static final int REFERENCE = 4;
    private static final int MAP_ENTRY = 40;
    private static final int STRING = 40;

    private BsonForm() {
    }

    static boolean fits(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean || value instanceof ObjectId
                || value instanceof UUID || value instanceof Decimal128) {
            return true;
        }
        if (value instanceof Instant instant) {
            return instant.getNano() % 1_000_000 == 0;
        }
        if (value instanceof List<?> list) {
            return allFit(list);
        }
        return value.getClass() == Document.class && fitsDocument((Document) value);
    }

    static boolean allFit(Iterable<?> values) {
        for (Object value : values) {
            if (!fits(value)) {
                return false;
            }
        }
        return true;
    }

    static boolean fitsDocument(Document document) {
        for (Map.Entry<String, Object> field : document.entrySet()) {
            if (field.getKey().indexOf('\0') >= 0 || !fits(field.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Encodes into a buffer this thread keeps for it, and copies the result into H2's: a commit writes every key of
     * each page it changed, and allocating a buffer for each of them showed in the profile of a commit.
     */
    static void write(WriteBuffer target, Consumer<ByteBuf> encoder) {
        ByteBuf scratch = SCRATCH.get().clear();
        encoder.accept(scratch);
        target.put(scratch.nioBuffer());
    }

    /** Encodes into the same buffer, and copies the result into an array of its own. */
    static byte[] bytes(Consumer<ByteBuf> encoder) {
        ByteBuf scratch = SCRATCH.get().clear();
        encoder.accept(scratch);
        byte[] bytes = new byte[scratch.readableBytes()];
        scratch.readBytes(bytes);
        return bytes;
    }

    /**
     * Roughly what a value read from disk occupies on the heap (64-bit JVM, compressed references). H2 sizes its page
     * cache and its pages by what values say they occupy; BSON is several times smaller than the maps and strings a
     * document becomes, so an estimate from the encoded size would let the cache outgrow its share of the heap.
     */
    static int heapBytes(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = OBJECT + 72 + REFERENCE * 2 * Math.max(16, map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += MAP_ENTRY + heapBytes(entry.getKey()) + heapBytes(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> collection) {
            int size = OBJECT + 24 + REFERENCE * collection.size();
            for (Object element : collection) {
                size += heapBytes(element);
            }
            return size;
        }
        if (value instanceof String text) {
            return STRING + text.length() * 2;
        }
        return value == null ? 0 : 24;
    }
}
