package vn.gov.par.localruntime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMongoBackendTest {

    private static final int COUNT = 300;

    @TempDir
    Path dir;

    @Test
    void keysAreFoundAndDuplicatesRefusedBeforeAndAfterARestart() {
        Path file = dir.resolve("store.mv");
        withStore(new LocalMongoBackend(file), LocalMongoBackendTest::writeUnits);

        withStore(new LocalMongoBackend(file), LocalMongoBackendTest::assertIndexesServeAndGuard);
    }

    @Test
    void aFileWrittenBeforeKeepsItsIndexesWhenOpenedAgain() {
        Path file = dir.resolve("legacy.mv");
        withStore(new H2Backend(MVStore.open(file.toString())), LocalMongoBackendTest::writeUnits);

        withStore(new LocalMongoBackend(file), units -> {
            assertIndexesServeAndGuard(units);
            units.updateOne(Filters.eq("_id", "unit-3"), Updates.set("name", "Phường Đông Hưng 3"));
        });
        withStore(new LocalMongoBackend(file), units -> {
            assertThat(units.find(Filters.eq("_id", "unit-3")).first().getString("name"))
                    .isEqualTo("Phường Đông Hưng 3");
            units.updateOne(Filters.eq("_id", "unit-3"), Updates.set("name", unit(3).getString("name")));
            assertIndexesServeAndGuard(units);
        });
        MVStore reopened = MVStore.open(file.toString());
        try {
            assertThat(reopened.getMapNames()).noneMatch(name -> name.contains("._index_"))
                    .anyMatch(name -> name.equals("par.units._sorted_index_code_1_revision_1"));
        } finally {
            reopened.close();
        }
    }

    @Test
    void aRebuildCutShortIsDoneAgain() {
        Path file = dir.resolve("cut-short.mv");
        withStore(new H2Backend(MVStore.open(file.toString())), LocalMongoBackendTest::writeUnits);
        MVStore store = MVStore.open(file.toString());
        try {
            store.openMap("par.units._sorted_index__id_",
                    new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE))
                    .put(new KeyValue("unit-0"), "unit-0");
        } finally {
            store.close();
        }

        withStore(new LocalMongoBackend(file), LocalMongoBackendTest::assertIndexesServeAndGuard);
    }

    @Test
    void aDroppedCollectionForgetsItsKeys() {
        withStore(new LocalMongoBackend(dir.resolve("dropped.mv")), units -> {
            units.insertOne(unit(1));
            units.drop();

            units.insertOne(unit(1));

            assertThat(units.countDocuments(Filters.eq("_id", "unit-1"))).isEqualTo(1);
        });
    }

    private static void writeUnits(MongoCollection<Document> units) {
        units.createIndex(Indexes.ascending("code", "revision"), new IndexOptions().unique(true));
        IntStream.range(0, COUNT).mapToObj(LocalMongoBackendTest::unit).forEach(units::insertOne);
    }

    private static void assertIndexesServeAndGuard(MongoCollection<Document> units) {
        for (int i = 0; i < COUNT; i++) {
            Document byId = units.find(Filters.eq("_id", "unit-" + i)).first();
            Document byKey = units.find(Filters.and(Filters.eq("code", code(i)), Filters.eq("revision", i % 3)))
                    .first();
            assertThat(byId).isEqualTo(unit(i)).isEqualTo(byKey);
        }
        assertDuplicate(() -> units.insertOne(unit(7)));
        assertDuplicate(() -> units.insertOne(unit(7).append("_id", "another")));
    }

    private static void assertDuplicate(Runnable write) {
        assertThatThrownBy(write::run).isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    /** A document with every kind of value the services store, so each comes back as it went in. */
    private static Document unit(int i) {
        return new Document("_id", "unit-" + i).append("code", code(i)).append("revision", i % 3)
                .append("name", "Xã Đông Hưng " + i)
                .append("issuedAt", Date.from(Instant.parse("2026-01-15T02:00:00Z").plusSeconds(i)))
                .append("owner", new ObjectId(new Date(1_700_000_000_000L), i))
                .append("population", 12_000_000_000L + i).append("score", i / 4.0).append("active", i % 5 != 0)
                .append("parentCode", null)
                .append("contacts", List.of(new Document("email", "vp" + i + "@hungyen.gov.vn").append("roles",
                        List.of("Chánh Văn phòng", "Đầu mối CCHC")), new Document("email", "cchc@hungyen.gov.vn")));
    }

    /** Codes of mixed types, as ids are across the platform's collections. */
    private static Object code(int i) {
        return i % 2 == 0 ? "%05d".formatted(i) : (Object) (long) i;
    }

    private static void withStore(MongoBackend backend, Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + address.getPort())) {
            use.accept(client.getDatabase("par").getCollection("units"));
        } finally {
            server.shutdown();
        }
    }
}
