package vn.gov.par.localruntime.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The store's non-unique indexes find exactly what reading the whole collection finds: the same generated documents,
 * changed and deleted the same way, in one collection with indexes and one without, answer every generated query with
 * the same documents. Queries, counts (aggregations beginning with the query, some counted from index keys alone),
 * updates and deletes all select documents through the indexes.
 */
class SecondaryIndexGeneratedTest {

    private static final List<String> FIELDS = List.of("a", "b", "c");
    private static final List<Date> DATES = List.of(date("2026-01-20"), date("2026-03-31"), date("2026-06-30"));

    private static Path dir;
    private static MongoServer server;
    private static MongoClient client;
    private static LocalMongoBackend backend;

    @BeforeContainer
    static void startStore() throws IOException {
        dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "secondary-index");
        backend = new LocalMongoBackend(dir.resolve("store.mv"));
        server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://localhost:" + address.getPort());
    }

    @AfterContainer
    static void stopStore() {
        client.close();
        server.shutdown();
    }

    record Change(String kind, Document filter, Document update) {
    }

    @Property(tries = 150, seed = "7301")
    void indexedQueriesFindWhatAFullReadFinds(@ForAll("documents") List<Document> documents, @ForAll("changes") List<Change> changes,
                                              @ForAll("queries") List<Document> queries) {
        MongoCollection<Document> indexed = collection("indexed");
        MongoCollection<Document> scanned = collection("scanned");
        indexed.createIndex(Indexes.ascending("a"));
        indexed.createIndex(Indexes.ascending("a", "b"));
        indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("b"), Indexes.descending("c")));
        indexed.createIndex(Indexes.ascending("c"), new IndexOptions().sparse(true));

        both(indexed, scanned, collection -> collection.insertMany(documents));
        for (Change change : changes) {
            both(indexed, scanned, collection -> apply(change, collection));
        }

        for (Document query : queries) {
            Statistics.label("served by an index").collect(servedByAnIndex(query));
            Statistics.label("counted from index keys").collect(countedFromKeys(query));
            Statistics.label("found by index keys alone").collect(foundByKeysAlone(query));
            Set<Object> found = ids(indexed, query);
            Set<Object> expected = ids(scanned, query);
            assertThat(found).as("%s found %s, a full read finds also or only %s", query.toJson(), found, differing(scanned, found, expected))
                    .isEqualTo(expected);
            assertThat(indexed.countDocuments(query)).as("%s counted (an aggregation)", query.toJson()).isEqualTo(expected.size());
            for (Document orderBy : ORDERS) {
                for (int skip : List.of(0, 2)) {
                    List<Document> page = page(indexed, query, orderBy, skip);
                    List<Document> expectedPage = page(scanned, query, orderBy, skip);
                    if (sortsAnArray(page, orderBy) || sortsAnArray(expectedPage, orderBy)) {
                        continue; // sorted by an element, which neither the index nor this test follows: read whole, as before
                    }
                    assertThat(sortKeys(page, orderBy)).as("%s sorted by %s from %d", query.toJson(), orderBy.toJson(), skip)
                            .isEqualTo(sortKeys(expectedPage, orderBy));
                    assertThat(idsBetween(page, orderBy)).as("%s sorted by %s from %d: between the page's first and last keys",
                            query.toJson(), orderBy.toJson(), skip).isEqualTo(idsBetween(expectedPage, orderBy));
                }
            }
        }
        Statistics.label("served by an index").coverage(coverage -> coverage.check(true).percentage(share -> share > 40));
        Statistics.label("counted from index keys").coverage(coverage -> coverage.check(true).percentage(share -> share > 5));
        Statistics.label("found by index keys alone").coverage(coverage -> coverage.check(true).percentage(share -> share > 5));
    }

    /**
     * Sorts a page of a list may ask for: by a field an index begins with, by one after another, by one only a sparse index
     * has, by one after another and then by the one before it (which a query fixing that one leaves in order).
     */
    private static final List<Document> ORDERS = List.of(new Document("a", 1), new Document("b", 1), new Document("a", 1).append("b", 1),
            new Document("c", 1), new Document("b", 1).append("c", 1), new Document("b", 1).append("a", 1));
    private static final int PAGE_SIZE = 3;

    private static List<Document> page(MongoCollection<Document> collection, Document query, Document orderBy, int skip) {
        List<Document> page = new ArrayList<>();
        collection.find(query).sort(orderBy).skip(skip).limit(PAGE_SIZE).forEach(page::add);
        return page;
    }

    /**
     * What the page is sorted by as MongoDB compares it: a missing field as null, every number as the same number, also
     * inside a subdocument ({x: 2} and {x: 2.0} are equal, so either may come first).
     */
    private static List<List<Object>> sortKeys(List<Document> page, Document orderBy) {
        return page.stream().map(document -> orderBy.keySet().stream().map(field -> asCompared(document.get(field))).toList()).toList();
    }

    private static Object asCompared(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof Document subdocument) {
            Document compared = new Document();
            subdocument.forEach((field, inner) -> compared.append(field, asCompared(inner)));
            return compared;
        }
        return value;
    }

    private static boolean sortsAnArray(List<Document> page, Document orderBy) {
        return page.stream().anyMatch(document -> orderBy.keySet().stream().anyMatch(field -> document.get(field) instanceof List<?>));
    }

    /**
     * The documents of the page sorted strictly between its first and last keys: of those with either, any may make the
     * page (the sort says nothing of their order), of those between, every one must.
     */
    private static Set<Object> idsBetween(List<Document> page, Document orderBy) {
        List<List<Object>> keys = sortKeys(page, orderBy);
        Set<Object> ids = new HashSet<>();
        for (int i = 0; i < page.size(); i++) {
            if (!keys.get(i).equals(keys.get(0)) && !keys.get(i).equals(keys.get(keys.size() - 1))) {
                ids.add(page.get(i).get("_id"));
            }
        }
        return ids;
    }

    private static MongoCollection<Document> collection(String name) {
        MongoCollection<Document> collection = client.getDatabase("generated").getCollection(name);
        collection.drop();
        return collection;
    }

    private static void both(MongoCollection<Document> indexed, MongoCollection<Document> scanned, Consumer<MongoCollection<Document>> action) {
        action.accept(indexed);
        action.accept(scanned);
    }

    private static void apply(Change change, MongoCollection<Document> collection) {
        switch (change.kind()) {
            case "updateMany" -> collection.updateMany(change.filter(), change.update());
            case "deleteMany" -> collection.deleteMany(change.filter());
            default -> collection.insertOne(change.update());
        }
    }

    private static Set<Object> ids(MongoCollection<Document> collection, Document query) {
        Set<Object> ids = new HashSet<>();
        collection.find(query).forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    private static List<String> differing(MongoCollection<Document> scanned, Set<Object> found, Set<Object> expected) {
        Set<Object> differing = new HashSet<>(found);
        differing.addAll(expected);
        differing.removeIf(id -> found.contains(id) && expected.contains(id));
        List<String> documents = new ArrayList<>();
        scanned.find(new Document("_id", new Document("$in", new ArrayList<>(differing)))).forEach(d -> documents.add(d.toJson()));
        return documents;
    }

    private static boolean servedByAnIndex(Document query) {
        var asStored = (de.bwaldvogel.mongo.bson.Document) StoreQueries.asStored(query);
        var collection = backend.resolveDatabase("generated").resolveCollection("indexed", true);
        return collection.getIndexes().stream()
                .anyMatch(index -> index instanceof SecondaryIndex secondary && secondary.fieldsServed(asStored) > 0);
    }

    private static boolean countedFromKeys(Document query) {
        var collection = (LocalCollection) backend.resolveDatabase("generated").resolveCollection("indexed", true);
        return collection.coveredCount((de.bwaldvogel.mongo.bson.Document) StoreQueries.asStored(query)).isPresent();
    }

    private static boolean foundByKeysAlone(Document query) {
        var asStored = (de.bwaldvogel.mongo.bson.Document) StoreQueries.asStored(query);
        var collection = backend.resolveDatabase("generated").resolveCollection("indexed", true);
        return collection.getIndexes().stream()
                .anyMatch(index -> index instanceof SecondaryIndex secondary && secondary.findsOnlyMatches(asStored, FieldConditions.of(asStored)));
    }

    @Provide
    Arbitrary<List<Document>> documents() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), value(true), value(false), value(true))
                .as((idKind, a, b, c) -> new Object[] {idKind, a, b, c})
                .list().ofMinSize(5).ofMaxSize(40)
                .map(rows -> {
                    List<Document> documents = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        Object[] row = rows.get(i);
                        documents.add(document(id((Integer) row[0], i), row[1], row[2], row[3]));
                    }
                    return documents;
                });
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        Arbitrary<Change> update = Combinators.combine(condition(), Arbitraries.of(FIELDS), value(false))
                .as((filter, field, value) -> new Change("updateMany", filter, value == Missing.FIELD
                        ? new Document("$unset", new Document(field, "")) : new Document("$set", new Document(field, value))));
        Arbitrary<Change> delete = condition().map(filter -> new Change("deleteMany", filter, null));
        Arbitrary<Change> insert = Combinators.combine(Arbitraries.integers().between(1000, 1100), value(true), value(false), value(true))
                .as((n, a, b, c) -> new Change("insert", null, document("late-" + n, a, b, c)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, update), net.jqwik.api.Tuple.of(2, delete), net.jqwik.api.Tuple.of(2, insert))
                .list().ofMaxSize(8).uniqueElements(change -> change.kind().equals("insert") ? change.update().get("_id") : change);
    }

    @Provide
    Arbitrary<List<Document>> queries() {
        return condition().list().ofMinSize(10).ofMaxSize(20);
    }

    /** One to three conditions on the indexed fields, some of them inside $and, some of them alternatives, some both. */
    private static Arbitrary<Document> condition() {
        Arbitrary<Document> single = Combinators.combine(Arbitraries.of(FIELDS), fieldCondition())
                .as((field, condition) -> new Document(field, condition));
        return single.list().ofMinSize(1).ofMaxSize(3).flatMap(parts -> Arbitraries.integers().between(0, 3).map(shape -> {
            Document query = new Document();
            if (shape == 0) {
                return new Document("$and", parts);
            }
            if (shape == 1 && parts.size() > 1) {
                query.put("$or", parts.subList(1, parts.size()));
                query.putAll(parts.get(0));
                return query;
            }
            if (shape == 2 && parts.size() > 1) {
                // as an official's view narrowed to a unit asks: both of two sets of alternatives
                return new Document("$and", List.of(new Document("$or", parts.subList(0, 2)), new Document("$or", parts.subList(1, parts.size()))));
            }
            parts.forEach(part -> part.forEach(query::putIfAbsent));
            return query;
        }));
    }

    private static Arbitrary<Object> fieldCondition() {
        Arbitrary<Object> scalar = scalar();
        return Arbitraries.oneOf(List.of(
                scalar,
                scalar.map(value -> (Object) new Document("$eq", value)),
                scalar.list().ofMinSize(1).ofMaxSize(3).map(values -> (Object) new Document("$in", values)),
                Combinators.combine(Arbitraries.of("$lt", "$lte", "$gt", "$gte"), scalar).as((operator, value) -> (Object) new Document(operator, value)),
                Combinators.combine(scalar, scalar).as((low, high) -> (Object) new Document("$gte", low).append("$lt", high)),
                scalar.map(value -> (Object) new Document("$ne", value)),
                Arbitraries.of(true, false).map(exists -> (Object) new Document("$exists", exists)),
                Arbitraries.<Object>just(null),
                Arbitraries.<Object>just(new Document("$eq", null)),
                scalar.map(value -> (Object) List.of(value)),
                scalar.map(value -> (Object) new Document("$in", java.util.Arrays.asList(value, null)))));
    }

    /** A field's value: plain values colliding often, null, and (where allowed) arrays, nested arrays, subdocuments. */
    private static Arbitrary<Object> value(boolean arraysAllowed) {
        Arbitrary<Object> scalar = scalar();
        List<Arbitrary<Object>> choices = new ArrayList<>(List.of(scalar, scalar, scalar, Arbitraries.<Object>just(null),
                scalar.map(value -> (Object) new Document("x", value)), Arbitraries.<Object>just(Missing.FIELD)));
        if (arraysAllowed) {
            choices.add(scalar.list().ofMaxSize(3).map(values -> (Object) values));
            choices.add(scalar.list().ofMinSize(1).ofMaxSize(2).map(values -> (Object) List.of(values, values.get(0))));
        }
        return Arbitraries.oneOf(choices);
    }

    private static Arbitrary<Object> scalar() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.<Object>of("x", "y", "Hà Nội"),
                Arbitraries.<Object>of(1, 2, 3),
                Arbitraries.<Object>of(2L, 3L),
                Arbitraries.<Object>of(1.0, 2.0, 2.5),
                Arbitraries.<Object>of(true, false),
                Arbitraries.<Object>of(DATES.toArray())));
    }

    private enum Missing { FIELD }

    private static Document document(Object id, Object a, Object b, Object c) {
        Document document = new Document("_id", id);
        List<Object> values = java.util.Arrays.asList(a, b, c);
        for (int i = 0; i < FIELDS.size(); i++) {
            if (values.get(i) != Missing.FIELD) {
                document.put(FIELDS.get(i), values.get(i));
            }
        }
        return document;
    }

    /** Ids of the kinds the store keeps documents under. */
    private static Object id(int kind, int i) {
        return switch (kind) {
            case 0 -> "d" + i;
            case 1 -> i;
            case 2 -> (long) i + 1_000_000;
            default -> new ObjectId(new Date(1_700_000_000_000L), i);
        };
    }

    private static Date date(String day) {
        return Date.from(Instant.parse(day + "T00:00:00Z"));
    }
}
