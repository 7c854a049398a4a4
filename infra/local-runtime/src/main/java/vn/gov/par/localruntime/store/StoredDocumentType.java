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
 * A collection's documents as the store keeps them on disk: BSON where {@link BsonForm} allows, else H2's form.
 *
 * <p>H2's default type Java-serialises every document, and every commit writes every document of each page it
 * changed: with index keys, that was most of what a commit cost. Documents written before in H2's form are still
 * read, and written as BSON when their page next changes.
 */
final class StoredDocumentType extends BasicDataType<Document> {

    static final StoredDocumentType INSTANCE = new StoredDocumentType();

    private final ObjectDataType h2Form = new ObjectDataType();

    private StoredDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return BsonForm.heapBytes(document);
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        if (!BsonForm.fitsDocument(document)) {
            h2Form.write(buffer, document);
            return;
        }
        buffer.put(BsonForm.TAG);
        BsonForm.write(buffer, bson -> BsonEncoder.encodeDocument(document, bson));
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BsonForm.TAG) {
            return (Document) h2Form.read(buffer);
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
