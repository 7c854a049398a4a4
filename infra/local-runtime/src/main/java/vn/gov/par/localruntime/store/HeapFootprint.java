package vn.gov.par.localruntime.store;

import java.util.Collection;
import java.util.Map;

/**
 * Roughly what a document read from disk occupies on the heap (64-bit JVM, compressed references).
 *
 * <p>H2 sizes its page cache by what its values say they occupy; a document's BSON is several times smaller than the
 * maps, entries and strings it becomes, so an estimate from the encoded size would let the cache outgrow its share.
 */
final class HeapFootprint {

    private static final int OBJECT = 16;
    private static final int REFERENCE = 4;
    private static final int MAP_ENTRY = 40;
    private static final int STRING = 24 + 16;

    private HeapFootprint() {
    }

    static int of(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = OBJECT + 56 + 16 + REFERENCE * 2 * Math.max(16, map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += MAP_ENTRY + of(entry.getKey()) + of(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> list) {
            int size = 24 + 16 + REFERENCE * list.size();
            for (Object element : list) {
                size += of(element);
            }
            return size;
        }
        if (value instanceof String text) {
            return STRING + text.length() * 2;
        }
        return value == null ? 0 : 24;
    }
}
