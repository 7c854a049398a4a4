package vn.gov.par.localruntime.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;

/**
 * The H2 backend's collection, holding its documents as BSON ({@link StoredDocument}), serving a query from the index
 * that narrows it most, and building an index under the same lock as every write, so no document written meanwhile is
 * missed.
 *
 * <p>The library serves a query from the first index that can take it, and only a unique index whose keys are
 * exactly the query's could; with {@link SecondaryIndex} several may, and the first created is often the widest. It
 * never served an aggregation from an index, and counting with a filter is an aggregation for the driver.
 *
 * <p>The library's H2Collection keeps documents as they are; every one of its methods that reads or writes its map of
 * documents is overridden here to hold them as BSON in that same map, so each read decodes a document of its own.
 */
final class LocalCollection extends H2Collection {

    private static final String ID = "_id";
    private static final ThreadLocal<Map.Entry<String, Document>> LEADING_MATCH = new ThreadLocal<>();

    private final MVMap<Object, StoredDocument> documents;

    @SuppressWarnings("unchecked")
    LocalCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                    MVMap<Object, StoredDocument> documents, MVMap<String, Object> metadata, CursorRegistry cursors) {
        super(database, collectionName, options, (MVMap<Object, Document>) (MVMap<?, ?>) documents, metadata, cursors);
        this.documents = documents;
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        StoredDocument previous = documents.putIfAbsent(Missing.ofNullable(key), StoredDocument.of(document));
        if (previous != null) {
            throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
        }
        return key;
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        documents.put(Missing.ofNullable(position), StoredDocument.of(newDocument));
    }

    @Override
    protected void removeDocument(Object position) {
        if (documents.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    protected Document getDocument(Object position) {
        StoredDocument stored = documents.get(position);
        return stored == null ? null : stored.document();
    }

    /**
     * The library measures every document it writes by encoding it once more and keeps their sum in the collection's
     * metadata, one more write each time (a twentieth of the store's samples at a tenth of three-tier). The documents
     * here are held as their BSON already: their size is added up when asked ({@link #getDataSize}).
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /**
     * The size of the collection's documents, for {@code collStats} and {@code dbStats}, which no service asks in its
     * work. The library's constructor asks it too, for its log, before this collection has its map: none then.
     */
    @Override
    protected int getDataSize() {
        return documents == null ? 0 : (int) Math.min(Integer.MAX_VALUE, documents.values().stream().mapToLong(StoredDocument::size).sum());
    }

    @Override
    public int count() {
        return documents.size();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream().map(entry -> new DocumentWithPosition<>(entry.getValue().document(), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Stream<Document> all = isNaturalDescending(orderBy)
                ? streamAllDocumentsWithPosition().sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                .map(DocumentWithPosition::getDocument)
                : documents.values().stream().map(StoredDocument::document);
        return matchDocumentsFromStream(all, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Lookup lookup = narrowestLookupFor(query);
        Iterable<Object> firstInOrder = limit > 0 ? firstInOrder(query, orderBy, numberToSkip + limit, lookup) : null;
        QueryResult found = firstInOrder != null
                ? matchDocuments(query, firstInOrder, orderBy, numberToSkip, limit, batchSize, fieldSelector)
                : lookup == null
                ? matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector)
                : matchDocuments(lookup.findsOnlyMatches() ? new Document() : query, lookup.positions(), orderBy, numberToSkip, limit,
                batchSize, fieldSelector);
        return found;
    }

    /**
     * What an aggregation of this collection starts from: the documents an index finds for the pipeline's leading
     * {@code $match} (which still filters them), else every document.
     */
    @Override
    public Stream<Document> queryAllAsStream() {
        Document match = takeLeadingMatch();
        Lookup lookup = match == null ? null : narrowestLookupFor(match);
        if (lookup == null) {
            return streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument);
        }
        return StreamSupport.stream(lookup.positions().spliterator(), false).map(this::getDocument);
    }

    /** How many documents match the query, counted from index keys without reading a document, when they decide it. */
    OptionalLong coveredCount(Document query) {
        return CoveredCount.of(query, getIndexes(), this::documentMatchesQuery);
    }

    /**
     * Runs an aggregation of this thread whose pipeline begins with {@code match}: the library gives a collection no
     * pipeline, only asks it for its documents ({@link #queryAllAsStream}), so the match waits here until it does.
     */
    static <T> T aggregating(String collectionFullName, Document match, Supplier<T> aggregation) {
        LEADING_MATCH.set(Map.entry(collectionFullName, match));
        try {
            return aggregation.get();
        } finally {
            LEADING_MATCH.remove();
        }
    }

    /** The leading match of this collection's aggregation, once: later reads (a $lookup of itself) read everything. */
    private Document takeLeadingMatch() {
        Map.Entry<String, Document> leading = LEADING_MATCH.get();
        if (leading == null || !leading.getKey().equals(getFullName())) {
            return null;
        }
        LEADING_MATCH.remove();
        return leading.getValue();
    }

    /**
     * The positions of the first {@code wanted} documents a sorted query matches, read in order from an index that gives
     * that order (as MongoDB's plans that avoid a sort do) and narrows the query at least as much as {@code narrowest}:
     * a page of a long list then reads that page, not the whole list to sort it. For a query that requires one of some
     * alternatives, each alternative's index read in order, merged. The index keeps a missing value, null and an empty
     * array under one key, which MongoDB sorts apart, so the documents under such a key are all read (the library sorts
     * what is read). Null when no index gives the order, or when a document found holds an array where the query sorts
     * (MongoDB sorts it by an element, which the index keeps apart).
     */
    private Iterable<Object> firstInOrder(Document query, Document orderBy, int wanted, Lookup narrowest) {
        List<String> orderFields = ascendingFields(orderBy);
        if (orderFields == null) {
            return null;
        }
        Ordered ordered = inOrder(query, orderFields);
        if (ordered == null || narrowest != null && ordered.fieldsServed() < narrowest.fieldsServed()) {
            return null;
        }
        List<Object> first = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (Iterator<SecondaryIndex.Entry> entries = ordered.entries(); entries.hasNext(); ) {
            SecondaryIndex.Entry entry = entries.next();
            boolean keptAsNull = entry.orderValues().contains(null);
            if (first.size() >= wanted && !keptAsNull) {
                break;
            }
            Object position = entry.position();
            if (!seen.add(position)) {
                continue;
            }
            Document document = getDocument(position);
            if (orderFields.stream().anyMatch(field -> document.get(field) instanceof Collection<?>)) {
                return null;
            }
            if (documentMatchesQuery(document, query)) {
                first.add(position);
            }
        }
        return first;
    }

    /** The fields of a sort that asks for each of them ascending; null for any other sort. */
    private static List<String> ascendingFields(Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, Object> field : orderBy.entrySet()) {
            if (field.getKey().startsWith("$") || field.getKey().contains(".") || !(field.getValue() instanceof Number direction)
                    || direction.intValue() != 1) {
                return null;
            }
            fields.add(field.getKey());
        }
        return fields;
    }

    /** The query's documents in the order asked, from one index or from one per alternative merged; null if none gives it. */
    private Ordered inOrder(Document query, List<String> orderFields) {
        Ordered best = null;
        FieldConditions conditions = FieldConditions.of(query);
        for (Index<Object> index : getIndexes()) {
            List<SecondaryIndex.Scan> scans = index instanceof SecondaryIndex secondary ? secondary.inOrderOf(conditions, orderFields) : null;
            if (scans != null && (best == null || served(scans) > best.fieldsServed())) {
                best = new Ordered(served(scans), scans);
            }
        }
        for (List<Document> alternatives : alternativesRequiredBy(query)) {
            List<Ordered> each = alternatives.stream().map(alternative -> inOrder(alternative, orderFields)).toList();
            if (each.contains(null)) {
                continue;
            }
            int served = each.stream().mapToInt(Ordered::fieldsServed).min().orElse(0);
            if (best == null || served > best.fieldsServed()) {
                best = new Ordered(served, each.stream().flatMap(o -> o.scans().stream()).toList());
            }
        }
        return best;
    }

    private static int served(List<SecondaryIndex.Scan> scans) {
        return scans.stream().mapToInt(SecondaryIndex.Scan::fieldsServed).min().orElse(0);
    }

    /** Index reads each in the order asked, merged into one such order (a document may come more than once). */
    private record Ordered(int fieldsServed, List<SecondaryIndex.Scan> scans) {

        private static final Comparator<SecondaryIndex.Entry> ENTRY_ORDER = (a, b) -> {
            for (int i = 0; i < a.orderValues().size(); i++) {
                int compared = IndexKeyType.VALUE_ORDER.compare(a.orderValues().get(i), b.orderValues().get(i));
                if (compared != 0) {
                    return compared;
                }
            }
            return IndexKeyType.VALUE_ORDER.compare(a.position(), b.position());
        };

        Iterator<SecondaryIndex.Entry> entries() {
            PriorityQueue<Map.Entry<SecondaryIndex.Entry, Iterator<SecondaryIndex.Entry>>> heads =
                    new PriorityQueue<>(Map.Entry.comparingByKey(ENTRY_ORDER));
            for (SecondaryIndex.Scan scan : scans) {
                Iterator<SecondaryIndex.Entry> entries = scan.entries();
                if (entries.hasNext()) {
                    heads.add(Map.entry(entries.next(), entries));
                }
            }
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return !heads.isEmpty();
                }

                @Override
                public SecondaryIndex.Entry next() {
                    var head = heads.remove();
                    if (head.getValue().hasNext()) {
                        heads.add(Map.entry(head.getValue().next(), head.getValue()));
                    }
                    return head.getKey();
                }
            };
        }
    }

    /**
     * Where the documents a query can match are found: one index's keys for the query's plain conditions or, when the
     * query requires one of some alternatives ({@code $or}, also inside {@code $and}) each an index narrows more, the
     * union of the alternatives' lookups (as MongoDB's OR plans do), each alternative planned with what the query asks
     * besides. An official's view of the units below it is such an alternative (its own unit, or one above the
     * document's), and without the union every such query read the whole collection; planned alone, an alternative
     * (one unit) lost to an index serving the rest (a national plan's reports of a period, fifteen thousand of them for a
     * province's roll-up). Null when no index narrows the query.
     */
    private Lookup narrowestLookupFor(Document query) {
        Lookup byId = idLookupFor(query);
        if (byId != null) {
            return byId;
        }
        Lookup narrowest = null;
        FieldConditions conditions = FieldConditions.of(query);
        for (Index<Object> index : getIndexes()) {
            Lookup byIndex = lookupIn(index, query, conditions);
            if (byIndex != null && (narrowest == null || byIndex.fieldsServed() > narrowest.fieldsServed())) {
                narrowest = byIndex;
            }
        }
        List<List<Document>> required = alternativesRequiredBy(query);
        Document besides = required.isEmpty() ? null : withoutAlternatives(query);
        for (List<Document> alternatives : required) {
            List<Lookup> lookups = alternatives.stream().map(branch -> narrowestLookupFor(new Document("$and", List.of(besides, branch))))
                    .toList();
            if (lookups.contains(null)) {
                continue;
            }
            int serves = lookups.stream().mapToInt(Lookup::fieldsServed).min().orElse(0);
            if (serves > 0 && (narrowest == null || serves > narrowest.fieldsServed())) {
                narrowest = new Lookup(serves, () -> {
                    Set<Object> positions = new LinkedHashSet<>();
                    lookups.forEach(lookup -> lookup.positions().forEach(positions::add));
                    return positions;
                });
            }
        }
        return narrowest;
    }

    /**
     * The documents a query asking for one or a few ids (with other conditions beside, as a write conditional on a
     * revision or a lease asks) can match, from the {@code _id} index: the library's serves only a query on the id
     * alone. Nothing narrows more. Null when the query does not ask for given ids.
     */
    private Lookup idLookupFor(Document query) {
        List<Object> ids = idsAskedBy(query);
        Index<Object> idIndex = ids == null ? null : getIndexes().stream()
                .filter(index -> index.isUnique() && index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals(ID)).findFirst().orElse(null);
        if (idIndex == null) {
            return null;
        }
        return new Lookup(Integer.MAX_VALUE, () -> {
            Set<Object> positions = new LinkedHashSet<>();
            ids.forEach(id -> idIndex.getPositions(new Document(ID, id)).forEach(positions::add));
            return positions;
        });
    }

    /** The ids a query requires a document to have one of ({@code _id} equal to or in them, also inside {@code $and}); else null. */
    private static List<Object> idsAskedBy(Document query) {
        Object condition = query.get(ID);
        if (condition instanceof Document operators && operators.size() == 1) {
            if (operators.get("$eq") != null && !(operators.get("$eq") instanceof Document)) {
                return List.of(operators.get("$eq"));
            }
            if (operators.get("$in") instanceof List<?> ids && ids.stream().noneMatch(id -> id == null || id instanceof Document)) {
                return List.copyOf(ids);
            }
            return null;
        }
        if (condition != null && !(condition instanceof Document) && !(condition instanceof List<?>)) {
            return List.of(condition);
        }
        if (query.get("$and") instanceof List<?> clauses) {
            return clauses.stream().filter(Document.class::isInstance).map(clause -> idsAskedBy((Document) clause))
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
        return null;
    }

    /** The query without its alternatives ({@code $or}, also inside {@code $and}): what every document it matches meets besides. */
    private static Document withoutAlternatives(Document query) {
        Document besides = new Document();
        query.forEach((key, value) -> {
            if (key.equals("$and") && value instanceof List<?> clauses) {
                besides.put(key, clauses.stream().map(clause -> clause instanceof Document document ? withoutAlternatives(document) : clause)
                        .toList());
            } else if (!key.equals("$or")) {
                besides.put(key, value);
            }
        });
        return besides;
    }

    /** The lists of alternatives of which a document the query matches meets at least one. */
    private static List<List<Document>> alternativesRequiredBy(Document query) {
        List<List<Document>> required = new ArrayList<>();
        query.forEach((key, value) -> {
            if (key.equals("$or") && value instanceof List<?> branches && !branches.isEmpty()
                    && branches.stream().allMatch(Document.class::isInstance)) {
                required.add(branches.stream().map(Document.class::cast).toList());
            } else if (key.equals("$and") && value instanceof List<?> clauses) {
                clauses.stream().filter(Document.class::isInstance).map(Document.class::cast)
                        .forEach(clause -> required.addAll(alternativesRequiredBy(clause)));
            }
        });
        return required;
    }

    /**
     * The positions of every document a query can match, read when asked; the store checks each against the query unless
     * the lookup finds only documents that meet it.
     */
    private record Lookup(int fieldsServed, Supplier<Iterable<Object>> reader, BooleanSupplier exact) {

        /** A lookup whose documents the store checks each against the query. */
        Lookup(int fieldsServed, Supplier<Iterable<Object>> reader) {
            this(fieldsServed, reader, () -> false);
        }

        Iterable<Object> positions() {
            return reader.get();
        }

        boolean findsOnlyMatches() {
            return exact.getAsBoolean();
        }
    }

    /**
     * Where one index finds the query's documents; null if it does not narrow them. A unique index serves a query only
     * when it can look every document up by its exact key: nothing narrows more.
     */
    private static Lookup lookupIn(Index<Object> index, Document query, FieldConditions conditions) {
        if (index instanceof SecondaryIndex secondary) {
            int serves = secondary.fieldsServed(conditions);
            return serves == 0 ? null
                    : new Lookup(serves, () -> secondary.positions(conditions), () -> secondary.findsOnlyMatches(query, conditions));
        }
        return index.canHandle(query) ? new Lookup(Integer.MAX_VALUE, () -> index.getPositions(query)) : null;
    }

    @Override
    public synchronized void addIndex(Index<Object> index) {
        super.addIndex(index);
        if (index instanceof SecondaryIndex secondary) {
            secondary.markBuilt();
        }
    }
}
