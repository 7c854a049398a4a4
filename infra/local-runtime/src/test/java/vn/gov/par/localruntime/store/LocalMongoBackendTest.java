package vn.gov.par.localruntime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.bson.types.BSONTimestamp;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
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

    @Test
    void queriesForGivenIdsWithOtherConditionsBesideFindAndChangeExactlyTheDocumentsThatMeetThemAll() {
        withStore(new LocalMongoBackend(dir.resolve("by-id.mv")), units -> {
            writeUnits(units);

            assertThat(ids(units, Filters.and(Filters.in("_id", "unit-1", "unit-2", "unit-3", "unit-404"), Filters.eq("revision", 2))))
                    .containsExactly("unit-2");
            assertThat(ids(units, Filters.and(Filters.eq("_id", "unit-4"), Filters.eq("revision", 0)))).isEmpty();
            assertThat(ids(units, Filters.and(Filters.eq("_id", "unit-4"), Filters.or(Filters.eq("revision", 0), Filters.eq("active", true)))))
                    .containsExactly("unit-4");
            assertThat(units.updateOne(Filters.and(Filters.eq("_id", "unit-5"), Filters.eq("revision", 1)), Updates.inc("revision", 1))
                    .getModifiedCount()).as("read at another revision: not written").isZero();
            assertThat(units.updateOne(Filters.and(Filters.eq("_id", "unit-5"), Filters.eq("revision", 2)), Updates.inc("revision", 1))
                    .getModifiedCount()).isEqualTo(1);
            assertThat(ids(units, Filters.and(Filters.in("_id", List.of()), Filters.eq("revision", 3)))).isEmpty();
        });
    }

    @Test
    void theStoreCountsEachCommandItIsSentAndEachDocumentItWritesAsMongoDbDoes() {
        MongoServer server = new MongoServer(new LocalMongoBackend(dir.resolve("counted.mv")));
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + server.bind().getPort())) {
            MongoCollection<Document> units = client.getDatabase("par").getCollection("units");
            com.mongodb.client.MongoDatabase admin = client.getDatabase("admin");
            units.insertMany(List.of(unit(1), unit(2), unit(3)));
            Document before = admin.runCommand(new Document("serverStatus", 1));
            Document topBefore = admin.runCommand(new Document("top", 1));

            units.insertMany(List.of(unit(4), unit(5)));
            units.updateMany(Filters.in("_id", "unit-1", "unit-2", "unit-404"), Updates.set("active", false));
            units.updateOne(Filters.eq("_id", "unit-9"), Updates.set("active", true), new com.mongodb.client.model.UpdateOptions().upsert(true));
            units.deleteOne(Filters.eq("_id", "unit-3"));
            units.find(Filters.eq("_id", "unit-1")).first();
            Document after = admin.runCommand(new Document("serverStatus", 1));
            Document topAfter = admin.runCommand(new Document("top", 1));

            assertThat(delta(before, after, "commands", "insert", "total")).as("one command for two documents").isEqualTo(1);
            assertThat(delta(before, after, "commands", "update", "total")).isEqualTo(2);
            assertThat(delta(before, after, "commands", "find", "total")).isEqualTo(1);
            assertThat(delta(before, after, "document", "inserted")).as("two inserted, one upserted").isEqualTo(3);
            assertThat(delta(before, after, "document", "updated")).isEqualTo(2);
            assertThat(delta(before, after, "document", "deleted")).isEqualTo(1);
            assertThat(used(topAfter, "insert") - used(topBefore, "insert")).as("by collection, as MongoDB's top").isEqualTo(1);
            assertThat(used(topAfter, "update") - used(topBefore, "update")).isEqualTo(2);
            assertThat(used(topAfter, "remove") - used(topBefore, "remove")).isEqualTo(1);
            assertThat(used(topAfter, "queries") - used(topBefore, "queries")).isEqualTo(1);
            assertThat(used(topAfter, "total") - used(topBefore, "total")).isEqualTo(5);
        } finally {
            server.shutdown();
        }
    }

    @Test
    void aCollectionsSizeIsThatOfItsDocumentsAsWrittenUpdatedAndDeleted() {
        MongoServer server = new MongoServer(new LocalMongoBackend(dir.resolve("sized.mv")));
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + server.bind().getPort())) {
            com.mongodb.client.MongoDatabase database = client.getDatabase("par");
            MongoCollection<Document> units = database.getCollection("units");
            units.insertMany(List.of(unit(1), unit(2), unit(3)));
            units.updateOne(Filters.eq("_id", "unit-1"), Updates.set("name", "Phường Đông Hưng, tỉnh Hưng Yên, sau sáp nhập"));
            units.deleteOne(Filters.eq("_id", "unit-2"));

            long held = 0;
            for (RawBsonDocument document : units.withDocumentClass(RawBsonDocument.class).find()) {
                held += document.getByteBuffer().remaining();
            }
            assertThat(database.runCommand(new Document("collStats", "units")).get("size", Number.class).longValue())
                    .as("the BSON of the two documents left, one of them grown").isEqualTo(held);
        } finally {
            server.shutdown();
        }
    }

    /** How many commands of a kind the collection par.units was sent, as {@code top} answers. */
    private static long used(Document top, String kind) {
        Document used = top.get("totals", Document.class).get("par.units", Document.class).get(kind, Document.class);
        return used == null ? 0 : used.get("count", Number.class).longValue();
    }

    private static long delta(Document before, Document after, String... path) {
        return number(after, path) - number(before, path);
    }

    private static long number(Document status, String... path) {
        Object value = status.get("metrics");
        for (String key : path) {
            value = value instanceof Document document ? document.get(key) : null;
        }
        return value instanceof Number n ? n.longValue() : 0;
    }

    @Test
    void nonUniqueIndexesFindEveryDocumentAfterARestartAndKeepUpWithChanges() {
        Path file = dir.resolve("secondary.mv");
        withStore(new LocalMongoBackend(file), units -> {
            writeUnits(units);
            units.createIndex(Indexes.ascending("province", "score"));
        });

        LocalMongoBackend reopened = new LocalMongoBackend(file);
        withStore(reopened, units -> {
            assertNonUniqueIndexServes(reopened, units);
            units.updateMany(Filters.eq("province", "HY"), Updates.set("province", "TB"));
            units.deleteMany(Filters.and(Filters.eq("province", "TB"), Filters.lt("score", 20.0)));
            assertThat(ids(units, Filters.eq("province", "HY"))).isEmpty();
            assertThat(ids(units, Filters.and(Filters.eq("province", "TB"), Filters.gte("score", 0.0))))
                    .isEqualTo(expectedIds(i -> i % 3 != 2 && i / 4.0 >= 20.0));
        });
    }

    /**
     * A sparse index (as the outbox's, {@code _outboxSince}) holds a document from the write that gives it the field,
     * null included, to the one that takes it away, while updates of its other fields leave it where it is.
     */
    @Test
    void aSparseIndexFollowsItsFieldAppearingAndGoingAwayAcrossUpdates() {
        LocalMongoBackend backend = new LocalMongoBackend(dir.resolve("sparse.mv"));
        withStore(backend, units -> {
            units.createIndex(Indexes.ascending("parentCode"), new IndexOptions().sparse(true));
            units.insertMany(List.of(unit(1).append("parentCode", "HY"), new Document("_id", "unit-2").append("name", "Xã Tân Lập")));

            units.updateOne(Filters.eq("_id", "unit-2"), Updates.set("parentCode", null));
            units.updateOne(Filters.eq("_id", "unit-1"), Updates.set("name", "Xã Đông Hưng mới"));
            assertThat(secondaryIndex(backend).getCount()).as("both have the field").isEqualTo(2);
            assertThat(ids(units, Filters.exists("parentCode"))).containsExactlyInAnyOrder("unit-1", "unit-2");

            units.updateOne(Filters.eq("_id", "unit-1"), Updates.unset("parentCode"));
            units.updateOne(Filters.eq("_id", "unit-2"), Updates.set("name", "Xã Tân Lập mới"));
            assertThat(secondaryIndex(backend).getCount()).as("only unit-2 has it").isEqualTo(1);
            assertThat(ids(units, Filters.exists("parentCode"))).containsExactly("unit-2");
        });
    }

    /**
     * A count the index's keys decide is counted from them, and one they cannot is not: after a unit's list of
     * supervisors is once an empty array (kept under the same key as a missing one), units without supervisors are
     * counted from the documents, also once the store is opened again.
     */
    @Test
    void countsStayExactWhenAFieldOnceHeldAnArrayAlsoAfterARestart() {
        Path file = dir.resolve("counted.mv");
        Document withoutSupervisor = new Document("supervisor", null).append("province", "HY");
        LocalMongoBackend backend = new LocalMongoBackend(file);
        withStore(backend, units -> {
            units.createIndex(Indexes.ascending("province", "supervisor"));
            units.insertMany(List.of(unit(0), unit(3).append("supervisor", "HY"), unit(6).append("supervisor", null)));
            assertThat(units.countDocuments(withoutSupervisor)).isEqualTo(2);
            assertThat(countedFromKeys(backend, withoutSupervisor)).as("no array yet: the keys decide").isTrue();

            units.insertOne(unit(9).append("supervisor", List.of()));
            assertThat(units.countDocuments(withoutSupervisor)).as("an empty array is not null").isEqualTo(2);
            assertThat(units.countDocuments(Filters.eq("province", "HY"))).isEqualTo(4);
        });

        LocalMongoBackend reopened = new LocalMongoBackend(file);
        withStore(reopened, units -> {
            assertThat(countedFromKeys(reopened, withoutSupervisor)).as("the array is remembered").isFalse();
            assertThat(units.countDocuments(withoutSupervisor)).isEqualTo(2);
            assertThat(countedFromKeys(reopened, new Document("province", "HY"))).isTrue();
            assertThat(units.countDocuments(Filters.eq("province", "HY"))).isEqualTo(4);
        });
    }

    /**
     * The units at the top of a directory are those without a parent, the field missing or null: an index finds them
     * both (MongoDB keeps both under one key), in either order of its fields, and counts them from its keys; a sparse
     * index, which holds no key for a unit without the field, is not used for them.
     */
    @Test
    void aNullFieldIsFoundThroughTheIndexMissingOrNull() {
        LocalMongoBackend backend = new LocalMongoBackend(dir.resolve("null.mv"));
        withStore(backend, units -> {
            units.createIndex(Indexes.ascending("parentCode"));
            units.createIndex(Indexes.compoundIndex(Indexes.ascending("level"), Indexes.descending("parentCode")));
            units.insertMany(List.of(unit(0), unit(1).append("parentCode", null).append("level", "PROVINCE"),
                    unit(2).append("parentCode", "unit-1").append("level", "DISTRICT"), unit(3).append("parentCode", "unit-0")));
            Document top = new Document("parentCode", null);

            assertThat(secondaryIndex(backend).fieldsServed(new de.bwaldvogel.mongo.bson.Document(top))).isPositive();
            assertThat(ids(units, top)).containsExactlyInAnyOrder("unit-0", "unit-1");
            assertThat(ids(units, Filters.eq("parentCode", null))).containsExactlyInAnyOrder("unit-0", "unit-1");
            assertThat(ids(units, Filters.in("parentCode", "unit-1", null))).containsExactlyInAnyOrder("unit-0", "unit-1", "unit-2");
            assertThat(ids(units, Filters.and(Filters.eq("level", "PROVINCE"), Filters.eq("parentCode", null)))).containsExactly("unit-1");
            assertThat(ids(units, Filters.and(Filters.eq("level", null), Filters.eq("parentCode", null)))).containsExactly("unit-0");
            assertThat(units.countDocuments(top)).isEqualTo(2);
            assertThat(countedFromKeys(backend, top)).isTrue();

            units.updateMany(top, Updates.set("name", "Đơn vị cấp trên cùng"));
            assertThat(ids(units, Filters.eq("name", "Đơn vị cấp trên cùng"))).containsExactlyInAnyOrder("unit-0", "unit-1");
        });
        LocalMongoBackend sparse = new LocalMongoBackend(dir.resolve("null-sparse.mv"));
        withStore(sparse, units -> {
            units.createIndex(Indexes.ascending("parentCode"), new IndexOptions().sparse(true));
            units.insertMany(List.of(unit(0), unit(1).append("parentCode", null), unit(2).append("parentCode", "unit-1")));
            assertThat(secondaryIndex(sparse).fieldsServed(new de.bwaldvogel.mongo.bson.Document("parentCode", null))).isZero();
            assertThat(ids(units, Filters.eq("parentCode", null))).containsExactlyInAnyOrder("unit-0", "unit-1");
            assertThat(units.countDocuments(Filters.eq("parentCode", null))).isEqualTo(2);
        });
    }

    /**
     * A find whose conditions an index's keys decide (fields equal to a value or one of some, all looked up) returns the
     * documents the keys name without checking each: exactly those a find without the index returns, whatever the
     * values' number types, an array holding the value, a missing field; a condition beside on a field the keys do not
     * hold, or a field that held arrays in arrays, is still checked on each document.
     */
    @Test
    void aFindTheIndexKeysDecideReturnsExactlyTheDocumentsThatMeetIt() {
        List<Document> documents = List.of(
                new Document("_id", "a").append("unitCode", "T01").append("level", 2).append("name", "Sở Nội vụ"),
                new Document("_id", "b").append("unitCode", "T01").append("level", 2.0).append("name", "Sở Tư pháp"),
                new Document("_id", "c").append("unitCode", "T02").append("level", 3L),
                new Document("_id", "d").append("unitCode", List.of("T02", "T03")).append("level", 2),
                new Document("_id", "e").append("level", 2),
                new Document("_id", "f").append("unitCode", "t01").append("level", 2),
                new Document("_id", "g").append("unitCode", List.of()).append("level", 2));
        List<Bson> finds = List.of(Filters.eq("unitCode", "T01"), Filters.in("unitCode", "T01", "T03", "T99"),
                Filters.and(Filters.in("unitCode", "T01", "T02"), Filters.eq("level", 2)),
                Filters.and(Filters.eq("unitCode", "T01"), Filters.in("level", 2L, 3)),
                Filters.and(Filters.eq("unitCode", "T01"), Filters.eq("name", "Sở Tư pháp")));
        LocalMongoBackend indexed = new LocalMongoBackend(dir.resolve("decided.mv"));
        LocalMongoBackend plain = new LocalMongoBackend(dir.resolve("undecided.mv"));
        List<Set<String>> expected = new ArrayList<>();
        withStore(plain, units -> {
            units.insertMany(documents);
            finds.forEach(find -> expected.add(ids(units, find)));
        });
        assertThat(expected).containsExactly(Set.of("a", "b"), Set.of("a", "b", "d"), Set.of("a", "b", "d"), Set.of("a", "b"), Set.of("b"));

        withStore(indexed, units -> {
            units.createIndex(Indexes.ascending("unitCode", "level"));
            units.insertMany(documents);
            for (int i = 0; i < finds.size(); i++) {
                assertThat(ids(units, finds.get(i))).as(finds.get(i).toString()).isEqualTo(expected.get(i));
            }
            assertThat(findsOnlyMatches(indexed, finds.get(2))).as("both fields looked up, the keys decide").isTrue();
            assertThat(findsOnlyMatches(indexed, finds.get(4))).as("the name is not in the keys").isFalse();

            units.deleteMany(Filters.in("unitCode", "T01", "T02"));
            assertThat(ids(units, new Document())).containsExactlyInAnyOrder("e", "f", "g");

            units.insertOne(new Document("_id", "h").append("unitCode", List.of(List.of("T01"))).append("level", 2));
            units.insertOne(new Document("_id", "i").append("unitCode", "T01").append("level", 2));
            assertThat(findsOnlyMatches(indexed, finds.get(0))).as("an array in an array").isFalse();
            assertThat(ids(units, finds.get(0))).as("an array in an array holds no T01 itself").containsExactly("i");
        });
    }

    private static boolean findsOnlyMatches(LocalMongoBackend backend, Bson filter) {
        var query = StoreQueries.storedFilter(filter);
        return secondaryIndex(backend).findsOnlyMatches(query, FieldConditions.of(query));
    }

    /** Whether the store counts a filter of fields equal to values from index keys. */
    private static boolean countedFromKeys(LocalMongoBackend backend, Document filter) {
        var collection = (LocalCollection) backend.resolveDatabase("par").resolveCollection("units", true);
        return collection.coveredCount(new de.bwaldvogel.mongo.bson.Document(filter)).isPresent();
    }

    @Test
    void aFileWrittenBeforeGetsItsNonUniqueIndexesBuiltWhenOpened() {
        Path file = dir.resolve("legacy-secondary.mv");
        withStore(new H2Backend(MVStore.open(file.toString())), units -> {
            writeUnits(units);
            units.createIndex(Indexes.ascending("province", "score"));
        });

        LocalMongoBackend opened = new LocalMongoBackend(file);
        withStore(opened, units -> assertNonUniqueIndexServes(opened, units));
    }

    @Test
    void aNonUniqueIndexWhoseBuildWasCutShortIsBuiltAgain() {
        Path file = dir.resolve("secondary-cut-short.mv");
        withStore(new LocalMongoBackend(file), units -> {
            units.createIndex(Indexes.ascending("province", "score"));
            writeUnits(units);
        });
        MVStore store = MVStore.open(file.toString());
        try {
            MVMap<KeyValue, Object> entries = store.openMap("par.units._secondary_index_province_1_score_1",
                    new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
            new ArrayList<>(entries.keyList().subList(0, COUNT / 2)).forEach(entries::remove);
            store.openMap("meta.par.units").remove("secondaryIndexBuilt.province_1_score_1");
        } finally {
            store.close();
        }

        LocalMongoBackend reopened = new LocalMongoBackend(file);
        withStore(reopened, units -> assertNonUniqueIndexServes(reopened, units));
    }

    @Test
    void aDroppedNonUniqueIndexIsBuiltAfreshWhenCreatedAgain() {
        withStore(new LocalMongoBackend(dir.resolve("dropped-secondary.mv")), units -> {
            units.createIndex(Indexes.ascending("province"));
            units.insertOne(unit(0));
            units.dropIndex("province_1");
            units.insertOne(unit(3));
            units.createIndex(Indexes.ascending("province"));
            units.insertOne(unit(6));

            assertThat(ids(units, Filters.eq("province", "HY"))).containsExactlyInAnyOrder("unit-0", "unit-3", "unit-6");

            units.drop();
            units.createIndex(Indexes.ascending("province"));
            units.insertOne(unit(9));

            assertThat(ids(units, Filters.eq("province", "HY"))).containsExactly("unit-9");
        });
    }

    @Test
    void valuesBsonCannotCarryExactlyComeBackUnchangedAfterARestart() {
        Path file = dir.resolve("odd-values.mv");
        Document odd = new Document("_id", "odd").append("pattern", new BsonRegularExpression("^Xã .*", "i"))
                .append("bytes", new Binary(new byte[] {1, 2, 3})).append("lowest", new MinKey()).append("highest", new MaxKey())
                .append("stamp", new BSONTimestamp(1_700_000_000, 7)).append("amount", Decimal128.parse("12.50"));
        Document[] stored = new Document[1];
        withStore(new LocalMongoBackend(file), units -> {
            units.insertOne(odd);
            units.updateOne(Filters.eq("_id", "odd"), Updates.currentDate("touchedAt"));
            stored[0] = units.find(Filters.eq("_id", "odd")).first();
        });

        withStore(new LocalMongoBackend(file), units -> assertThat(units.find(Filters.eq("_id", "odd")).first()).isEqualTo(stored[0]));
    }

    /**
     * Updates that add and remove fields of the same documents from several clients at once, as the services' writes do
     * (a field unset when it becomes null, set again later), while every command commits. A document changed in place
     * while an earlier commit was still writing it out made that commit fail, and H2 then stopped answering for good.
     */
    @Test
    void concurrentUpdatesOfTheSameDocumentsAreAllAnsweredAndKept() {
        withStore(new LocalMongoBackend(dir.resolve("contended.mv")), units -> {
            IntStream.range(0, 3).mapToObj(LocalMongoBackendTest::unit).forEach(units::insertOne);
            int writers = 4;
            int rounds = 300;
            inParallel(writers, w -> {
                for (int round = 0; round < rounds; round++) {
                    Bson unit = Filters.eq("_id", "unit-" + round % 3);
                    units.updateOne(unit, round % 2 == 0 ? Updates.set("note" + w, "Đã rà soát lần " + round) : Updates.unset("note" + w));
                    units.updateOne(unit, Updates.inc("revisions", 1));
                }
            });
            int revisions = 0;
            for (Document unit : units.find()) {
                revisions += unit.getInteger("revisions");
            }
            assertThat(revisions).isEqualTo(writers * rounds);
        });
    }

    /**
     * What a client was told is written is in the file the moment it is told, with reads running beside the writes (they
     * commit nothing): a copy of the file taken then, which is what a kill -9 would leave, has every acknowledged insert,
     * update, find-and-modify and delete.
     */
    @Test
    void everyAcknowledgedWriteIsInTheFileAsSoonAsItIsAnswered() {
        Path file = dir.resolve("acknowledged.mv");
        Bson first = Filters.eq("_id", "unit-1");
        withStore(new LocalMongoBackend(file), units -> {
            units.insertMany(List.of(unit(1), unit(2)));
            assertThat(units.countDocuments()).isEqualTo(2);
            assertThat(afterAKill(file)).extracting(u -> u.getString("_id")).containsExactlyInAnyOrder("unit-1", "unit-2");

            units.updateOne(first, Updates.set("note", "Đã rà soát"));
            assertThat(units.find(first).first()).isNotNull();
            assertThat(afterAKill(file)).filteredOn(u -> u.getString("_id").equals("unit-1")).singleElement()
                    .satisfies(u -> assertThat(u.getString("note")).isEqualTo("Đã rà soát"));

            units.findOneAndUpdate(first, Updates.inc("revision", 10));
            assertThat(afterAKill(file)).filteredOn(u -> u.getString("_id").equals("unit-1")).singleElement()
                    .satisfies(u -> assertThat(u.getInteger("revision")).isEqualTo(11));

            units.deleteOne(Filters.eq("_id", "unit-2"));
            assertThat(units.aggregate(List.of(Aggregates.count())).first()).isNotNull();
            assertThat(afterAKill(file)).extracting(u -> u.getString("_id")).containsExactly("unit-1");
        });
    }

    /**
     * Writes from several clients at once share commits, and still each is in the file the moment its client is told:
     * a copy taken then, by the client told, holds it. A write counted as committed by a commit that began before it
     * finished would be missing from some copy.
     */
    @Test
    void writesFromSeveralClientsAtOnceAreEachInTheFileWhenAnswered() {
        Path file = dir.resolve("shared-commits.mv");
        withStore(new LocalMongoBackend(file), units -> {
            int writers = 4;
            int inserts = 40;
            inParallel(writers, w -> {
                for (int i = 0; i < inserts; i++) {
                    String id = "unit-" + w + "-" + i;
                    units.insertOne(new Document("_id", id).append("name", "Xã Đông Hưng " + i));
                    if (i % 8 == 7) {
                        assertThat(afterAKill(file)).extracting(u -> u.getString("_id")).contains(id);
                    }
                }
            });
            assertThat(afterAKill(file)).hasSize(writers * inserts);
        });
    }

    /**
     * Once the journal outgrows the last snapshot, a new one is written in the background while clients go on writing,
     * and the journal it holds is deleted: what a kill -9 leaves after that (the snapshot and the journal after it) has
     * exactly the documents the clients were last told of, those written while the snapshot was being made included.
     */
    @Test
    void snapshotsWrittenWhileClientsWriteLoseNothingAndLetTheJournalGo() {
        Path file = dir.resolve("snapshots.mv");
        LocalMongoBackend backend = new LocalMongoBackend(file, 16 * 1024);
        withStore(backend, units -> {
            int writers = 4;
            inParallel(writers, w -> {
                for (int round = 0; round < 6; round++) {
                    for (int i = w; i < COUNT; i += writers) {
                        units.replaceOne(Filters.eq("_id", "unit-" + i), unit(i).append("round", round), new ReplaceOptions().upsert(true));
                    }
                }
            });
            units.deleteMany(Filters.eq("province", "TB"));
            backend.awaitSnapshot();

            assertThat(file).exists();
            assertThat(journal(file).resolve("000000000000.journal")).as("the journal the snapshots hold").doesNotExist();
            assertThat(afterAKill(file)).hasSize(COUNT - COUNT / 3)
                    .allSatisfy(unit -> assertThat(unit.getInteger("round")).isEqualTo(5))
                    .noneSatisfy(unit -> assertThat(unit.getString("province")).isEqualTo("TB"));
        });
    }

    /**
     * A kill -9 in the middle of writing out a journal record leaves it cut short; it was never answered. The store
     * opens without it, with every write before it, and what it is told after is kept across the next restart.
     */
    @Test
    void aJournalRecordCutShortByAKillIsLeftOutAndWritesGoOnAfterIt() throws IOException {
        Path file = dir.resolve("cut-short-record.mv");
        Path[] copy = new Path[1];
        withStore(new LocalMongoBackend(file), units -> {
            units.insertMany(List.of(unit(1), unit(2)));
            copy[0] = copyAsAKillLeavesIt(file);
        });
        try (var segments = Files.list(journal(copy[0]))) {
            Path last = segments.max(Path::compareTo).orElseThrow();
            Files.write(last, new byte[] {0, 0, 1, 0, 7, 7, 7, 7, 1, 2, 3}, StandardOpenOption.APPEND);
        }

        withStore(new LocalMongoBackend(copy[0]), units -> {
            assertThat(units.find().map(unit -> unit.getString("_id")).into(new ArrayList<>())).containsExactlyInAnyOrder("unit-1", "unit-2");
            units.insertOne(unit(3));
        });

        assertThat(documents(copy[0])).extracting(unit -> unit.getString("_id")).containsExactlyInAnyOrder("unit-1", "unit-2", "unit-3");
    }

    /** A collection dropped stays so after a kill -9, its documents and index keys with it, as the journal alone tells. */
    @Test
    void aDroppedCollectionStaysSoAfterAKill() {
        Path file = dir.resolve("dropped-then-killed.mv");
        withStore(new LocalMongoBackend(file), units -> {
            writeUnits(units);
            units.drop();
            units.insertOne(unit(7).append("_id", "unit-7b"));

            Path copy = copyAsAKillLeavesIt(file);
            withStore(new LocalMongoBackend(copy), copied -> {
                assertThat(copied.find().map(unit -> unit.getString("_id")).into(new ArrayList<>())).containsExactly("unit-7b");
                copied.insertOne(unit(7));
            });
        });
    }

    /** Runs {@code writer} once for each of {@code writers} clients at once, and fails with the first that failed. */
    private static void inParallel(int writers, IntConsumer writer) {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> work = IntStream.range(0, writers).<Future<?>>mapToObj(w -> pool.submit(() -> writer.accept(w))).toList();
            assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
                for (Future<?> done : work) {
                    done.get();
                }
            });
        } finally {
            pool.shutdownNow();
        }
    }

    /** The documents a store opened on a copy of its files, as they are on disk now, holds. */
    private List<Document> afterAKill(Path file) {
        return documents(copyAsAKillLeavesIt(file));
    }

    /** A copy of the store's files (the snapshot, if any, and the journal) as they are on disk now, which a kill -9 would leave. */
    private Path copyAsAKillLeavesIt(Path file) {
        Path copy = dir.resolve("copy-" + UUID.randomUUID() + ".mv");
        try {
            if (Files.exists(file)) {
                Files.copy(file, copy);
            }
            Path journal = Files.createDirectories(journal(copy));
            try (var segments = Files.list(journal(file))) {
                for (Path segment : segments.toList()) {
                    Files.copy(segment, journal.resolve(segment.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    private static Path journal(Path file) {
        return file.resolveSibling(file.getFileName() + ".journal");
    }

    private static List<Document> documents(Path file) {
        List<Document> documents = new ArrayList<>();
        withStore(new LocalMongoBackend(file), units -> units.find().into(documents));
        return documents;
    }

    /** The index has a key for every unit, narrows the queries, and they find exactly the units that match. */
    private static void assertNonUniqueIndexServes(LocalMongoBackend backend, MongoCollection<Document> units) {
        SecondaryIndex index = secondaryIndex(backend);
        assertThat(index.getCount()).isEqualTo(COUNT);
        assertThat(index.fieldsServed(new de.bwaldvogel.mongo.bson.Document("province", "HY"))).isPositive();
        assertThat(ids(units, Filters.eq("province", "HY"))).isEqualTo(expectedIds(i -> i % 3 == 0));
        assertThat(ids(units, Filters.and(Filters.in("province", "HY", "TB"), Filters.lt("score", 10.0))))
                .isEqualTo(expectedIds(i -> i % 3 != 2 && i / 4.0 < 10.0));
        assertThat(ids(units, Filters.and(Filters.eq("province", "HB"), Filters.gt("score", 70.0))))
                .isEqualTo(expectedIds(i -> i % 3 == 2 && i / 4.0 > 70.0));
    }

    private static SecondaryIndex secondaryIndex(LocalMongoBackend backend) {
        return backend.resolveDatabase("par").resolveCollection("units", true).getIndexes().stream()
                .filter(SecondaryIndex.class::isInstance).map(SecondaryIndex.class::cast).findFirst().orElseThrow();
    }

    private static Set<String> ids(MongoCollection<Document> units, Bson filter) {
        Set<String> ids = new HashSet<>();
        units.find(filter).forEach(unit -> ids.add(unit.getString("_id")));
        return ids;
    }

    private static Set<String> expectedIds(IntPredicate matches) {
        return IntStream.range(0, COUNT).filter(matches).mapToObj(i -> "unit-" + i).collect(Collectors.toSet());
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
                .append("parentCode", null).append("province", List.of("HY", "TB", "HB").get(i % 3))
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
