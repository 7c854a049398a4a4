package vn.gov.par.localruntime.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A collection's documents as the store keeps them on disk: BSON, the wire's own encoding.
 *
 * <p>H2's default type Java-serialises every document, and every commit writes every document of each page it
 * changed: serialising and deserialising documents was most of the store's time in the national benchmark. Documents
 * written before in that form are still read; they are written again as BSON when their page next changes.
 */
final class StoredDocumentType extends BasicDataType<Document> {

    static final StoredDocumentType INSTANCE = new StoredDocumentType();

    /** H2's default type starts every value with a tag from 0 to 119; this one tells the BSON forms apart. */
    static final byte BSON = (byte) 0xB5;

    private final ObjectDataType serialisedForm = new ObjectDataType();

    private StoredDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return HeapFootprint.of(document);
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(BSON).put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) serialisedForm.read(buffer);
        }
        buffer.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buffer);
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
