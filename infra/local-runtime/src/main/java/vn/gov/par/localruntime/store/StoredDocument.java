package vn.gov.par.localruntime.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.Unpooled;

/**
 * A document as the store holds it in memory: its BSON, decoded into a new {@link Document} each time it is read.
 * As maps and strings a document took about five times its BSON on the heap, and the collector traced every one of
 * those objects; an array of bytes is one object it does not look into. A document BSON cannot carry exactly
 * ({@link BsonForm}) is held as a copy instead. Every read gets a document of its own, so no client's change to what it
 * read reaches what is stored.
 */
final class StoredDocument {

    private final byte[] bson;
    private final Document unencodable;

    private StoredDocument(byte[] bson, Document unencodable) {
        this.bson = bson;
        this.unencodable = unencodable;
    }

    static StoredDocument of(Document document) {
        if (!BsonForm.fitsDocument(document)) {
            return new StoredDocument(null, document.cloneDeeply());
        }
        return new StoredDocument(BsonForm.bytes(bson -> BsonEncoder.encodeDocument(document, bson)), null);
    }

    static StoredDocument ofBson(byte[] bson) {
        return new StoredDocument(bson, null);
    }

    Document document() {
        return bson != null ? BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson)) : unencodable.cloneDeeply();
    }

    /** The BSON, or null for a document held as a copy. */
    byte[] bson() {
        return bson;
    }

    /** The document held as a copy, not to be changed; null for one held as BSON. */
    Document unencodable() {
        return unencodable;
    }

    /** The length of its BSON; roughly its size on the heap for a document held as a copy. */
    int size() {
        return bson != null ? bson.length : BsonForm.heapBytes(unencodable);
    }

    /** Roughly what it occupies on the heap (64-bit JVM, compressed references). */
    int heapBytes() {
        return bson != null ? 32 + bson.length : 16 + BsonForm.heapBytes(unencodable);
    }
}
