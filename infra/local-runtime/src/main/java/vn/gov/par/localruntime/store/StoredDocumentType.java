package vn.gov.par.localruntime.store;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A collection's documents as the snapshot file and the journal keep them: BSON where {@link BsonForm} allows, else
 * H2's form.
 *
 * <p>H2's default type Java-serialises every document; BSON is smaller and is what a {@link StoredDocument} already
 * holds, so writing one is a copy. Documents written before in H2's form are still read, and held as BSON from then on.
 */
final class StoredDocumentType extends BasicDataType<StoredDocument> {

    static final StoredDocumentType INSTANCE = new StoredDocumentType();

    private final ObjectDataType h2Form = new ObjectDataType();

    private StoredDocumentType() {
    }

    @Override
    public int getMemory(StoredDocument document) {
        return document.heapBytes();
    }

    @Override
    public void write(WriteBuffer buffer, StoredDocument document) {
        if (document.bson() == null) {
            h2Form.write(buffer, document.unencodable());
            return;
        }
        buffer.put(BsonForm.TAG).put(document.bson());
    }

    @Override
    public StoredDocument read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BsonForm.TAG) {
            return StoredDocument.of((Document) h2Form.read(buffer));
        }
        buffer.get();
        byte[] bson = new byte[buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(buffer.position())];
        buffer.get(bson);
        return StoredDocument.ofBson(bson);
    }

    @Override
    public StoredDocument[] createStorage(int size) {
        return new StoredDocument[size];
    }
}
