package vn.gov.par.localruntime.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

/** Documents and index keys go to disk as BSON when BSON gives back exactly what went in, and in H2's form otherwise. */
class StoredFormsTest {

    private static final Instant ISSUED = Instant.parse("2027-02-28T01:30:00.123Z");

    @Test
    void aDocumentOfTheServicesKindsIsWrittenAsBsonAndReadBackTheSame() {
        Document unit = new Document("_id", "HY-0001").append("name", "Xã Đông Hưng").append("revision", 3)
                .append("population", 12_000_000_000L).append("score", 7.5).append("active", true).append("parentCode", null)
                .append("issuedAt", ISSUED).append("owner", new ObjectId()).append("key", UUID.randomUUID())
                .append("budget", Decimal128.fromNumber(12.5))
                .append("contacts", List.of(new Document("email", "vp@hungyen.gov.vn").append("roles", List.of("Đầu mối CCHC"))));

        Document read = roundTrip(StoredDocument.of(unit), StoredDocumentType.INSTANCE::write, StoredDocumentType.INSTANCE::read, BsonForm.TAG)
                .document();

        assertThat(read).isEqualTo(unit);
        unit.forEach((field, value) -> {
            if (value != null && !(value instanceof List<?>)) {
                assertThat(read.get(field)).as(field).isExactlyInstanceOf(value.getClass());
            }
        });
    }

    @Test
    void aDocumentBsonWouldChangeIsWrittenInH2sFormAndReadBackTheSame() {
        Document odd = new Document("_id", "odd").append("touchedAt", Instant.parse("2027-02-28T01:30:00.123456Z"))
                .append("tags", Set.of("CCHC")).append("stamp", new BsonTimestamp(1_700_000_000_007L))
                .append("bytes", new BinData(new byte[] {1, 2, 3}));

        Document read = roundTrip(StoredDocument.of(odd), StoredDocumentType.INSTANCE::write, StoredDocumentType.INSTANCE::read, null)
                .document();

        assertThat(read).isEqualTo(odd);
    }

    @Test
    void indexKeysAreWrittenAsBsonUnlessAValueDoesNotFit() {
        KeyValue plain = new KeyValue("HY", 7.0, ISSUED, null, "HY-0001");
        KeyValue odd = new KeyValue("HY", new BsonTimestamp(1_700_000_000_007L));

        assertThat(roundTrip(plain, IndexKeyType.INSTANCE::write, IndexKeyType.INSTANCE::read, BsonForm.TAG))
                .isEqualTo(plain);
        assertThat(roundTrip(odd, IndexKeyType.INSTANCE::write, IndexKeyType.INSTANCE::read, null))
                .isEqualTo(odd);
    }

    /**
     * A snapshot writes again the keys the store read from the one before it: each must be read whole, wherever on the
     * page it lies, and written again as it was.
     */
    @Test
    void indexKeysReadFromAPageAreWrittenAgainExactlyAsTheyWere() {
        List<KeyValue> keys = List.of(new KeyValue("HY", 7.0, ISSUED, null, "HY-0001"),
                new KeyValue("HY", new BsonTimestamp(1_700_000_000_007L)), new KeyValue("Xã Đông Hưng"));
        WriteBuffer page = new WriteBuffer().put((byte) 42);
        keys.forEach(key -> IndexKeyType.INSTANCE.write(page, key));
        ByteBuffer written = page.getBuffer().flip();

        written.get();
        List<KeyValue> read = keys.stream().map(key -> IndexKeyType.INSTANCE.read(written)).toList();
        WriteBuffer again = new WriteBuffer().put((byte) 42);
        read.forEach(key -> IndexKeyType.INSTANCE.write(again, key));

        assertThat(read).containsExactlyElementsOf(keys);
        assertThat(again.getBuffer().flip()).isEqualTo(written.rewind());
    }

    /** Writes the value, checks the form it was written in (BSON's tag, or any other: H2's), reads it back. */
    private static <T> T roundTrip(T value, BiConsumer<WriteBuffer, T> write, Function<ByteBuffer, T> read, Byte expectedTag) {
        WriteBuffer buffer = new WriteBuffer();
        write.accept(buffer, value);
        ByteBuffer written = buffer.getBuffer().flip();
        if (expectedTag == null) {
            assertThat(written.get(0)).isNotEqualTo(BsonForm.TAG);
        } else {
            assertThat(written.get(0)).isEqualTo(expectedTag);
        }
        T readBack = read.apply(written);
        assertThat(written.hasRemaining()).as("read to the end of what was written").isFalse();
        return readBack;
    }
}
