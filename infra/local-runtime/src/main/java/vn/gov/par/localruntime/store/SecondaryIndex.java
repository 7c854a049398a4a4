package vn.gov.par.localruntime.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index of top-level fields, which mongo-java-server accepts but ignores: without it every query not on
 * {@code _id} read the whole collection, and the services' sweeps read every reminder and occurrence each minute.
 *
 * <p>Each document is kept under the normalised values of its fields followed by its {@code _id} (the H2 backend's
 * position of a document), one key per element of an array, in {@link IndexKeyType} order. A query is served by
 * reading the keys whose leading fields equal what the query asks (one of several values each, for {@code $in}) and,
 * on the next field, lie within its bounds; the store then checks each document found against the whole query, unless
 * the keys decide it ({@link #findsOnlyMatches}). Read in
 * key order, it also gives a query sorted by the fields after those the query fixes (and by any it fixes to one value)
 * its documents in that order.
 *
 * <p>An index is built from the collection's documents when it is created, or when a file that lacks it is opened; it
 * is complete only once {@link #markBuilt} has recorded so in the collection's metadata, so a build cut short by a
 * crash (H2 commits on its own meanwhile) is thrown away when the index is opened again, and done again.
 */
final class SecondaryIndex extends Index<Object> {

    /** Beyond this many combinations of {@code $in} values, later fields are read as a range instead. */
    private static final int MAX_LOOKUPS = 1_000;
    private static final String NESTED = "[]";

    private final MVMap<KeyValue, Boolean> entries;
    private final MVMap<String, Object> collectionMetadata;
    private final String builtKey;
    private final String arraysKey;
    private final List<String> fields;
    /**
     * The fields that ever held an array in a document of this index (MongoDB's multikey), and each that held an array in
     * an array with {@link #NESTED} after it; null when not known.
     */
    private final Set<String> arrayFields;

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, MVMap<KeyValue, Boolean> entries,
                   MVMap<String, Object> collectionMetadata) {
        super(name, keys, sparse);
        this.entries = entries;
        this.collectionMetadata = collectionMetadata;
        this.builtKey = "secondaryIndexBuilt." + name;
        this.arraysKey = "secondaryIndexArrays." + name;
        this.fields = keys();
        if (!collectionMetadata.containsKey(builtKey)) {
            // The collection builds an index that is empty: one never marked built is built afresh.
            entries.clear();
            collectionMetadata.remove(arraysKey);
            this.arrayFields = ConcurrentHashMap.newKeySet();
        } else if (collectionMetadata.get(arraysKey) instanceof String noted) {
            this.arrayFields = ConcurrentHashMap.newKeySet();
            Arrays.stream(noted.split(",")).filter(field -> !field.isEmpty()).forEach(arrayFields::add);
        } else {
            // An index built before this was recorded may hold arrays nobody noted.
            this.arrayFields = null;
        }
    }

    void markBuilt() {
        saveArrayFields();
        collectionMetadata.put(builtKey, Boolean.TRUE);
    }

    private void saveArrayFields() {
        if (arrayFields != null) {
            collectionMetadata.put(arraysKey, String.join(",", arrayFields));
        }
    }

    /** Notes a field of this index holding an array, in the same commit as the keys it gives: from then on it is multikey. */
    private void noteArrays(Document document) {
        if (arrayFields == null) {
            return;
        }
        boolean added = false;
        for (String field : fields) {
            if (document.get(field) instanceof Collection<?> values) {
                added |= arrayFields.add(field);
                if (values.stream().anyMatch(Collection.class::isInstance)) {
                    added |= arrayFields.add(field + NESTED);
                }
            }
        }
        if (added && collectionMetadata.containsKey(builtKey)) {
            saveArrayFields();
        }
    }

    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        keysOf(document);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        noteArrays(document);
        for (KeyValue key : keysOf(document)) {
            entries.put(withPosition(key, position), Boolean.TRUE);
        }
    }

    @Override
    public Object remove(Document document) {
        Set<KeyValue> keys = keysOf(document);
        if (keys.isEmpty()) {
            return null;
        }
        Object position = positionOf(document);
        keys.forEach(key -> entries.remove(withPosition(key, position)));
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        if (!sameFields(oldDocument, newDocument)) {
            keysOf(newDocument);
        }
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        if (sameFields(oldDocument, newDocument)) {
            return;
        }
        noteArrays(newDocument);
        Set<KeyValue> oldKeys = keysOf(oldDocument);
        Set<KeyValue> newKeys = keysOf(newDocument);
        if (!oldKeys.equals(newKeys)) {
            oldKeys.forEach(key -> entries.remove(withPosition(key, position)));
            newKeys.forEach(key -> entries.put(withPosition(key, position), Boolean.TRUE));
        }
    }

    /**
     * Whether an update left this index's fields as they were (present or not, equal values), and so its keys: most
     * updates change none of an index's fields, and working out a document's keys twice for each of a collection's
     * indexes was most of what the store allocated while a sweep wrote.
     */
    private boolean sameFields(Document before, Document after) {
        for (String field : fields) {
            if (before.containsKey(field) != after.containsKey(field) || !Objects.equals(before.get(field), after.get(field))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean canHandle(Document query) {
        return fieldsServed(query) > 0;
    }

    /** How many of the query's fields this index narrows the search by; a store picks the index that narrows most. */
    int fieldsServed(Document query) {
        return fieldsServed(FieldConditions.of(query));
    }

    /** As {@link #fieldsServed(Document)}, for a query already parsed: a store asks each of its indexes, and parses once. */
    int fieldsServed(FieldConditions conditions) {
        return scans(conditions).stream().mapToInt(Scan::fieldsServed).max().orElse(0);
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return positions(FieldConditions.of(query));
    }

    Iterable<Object> positions(FieldConditions conditions) {
        Set<Object> positions = new LinkedHashSet<>();
        for (Scan scan : scans(conditions)) {
            scan.collect(positions);
        }
        return positions;
    }

    /**
     * Whether the collection has still to build this index from its documents: only when it was never built. A sparse
     * index that holds nothing (every outbox drained) is built, and building it again read every document of the
     * collection each time the store opened.
     */
    @Override
    public boolean isEmpty() {
        return !collectionMetadata.containsKey(builtKey);
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    /** The database removes the index's map. */
    @Override
    public void drop() {
        collectionMetadata.remove(builtKey);
        collectionMetadata.remove(arraysKey);
    }

    /**
     * The keys of a document: what {@link Index#getKeyValues} gives (one per element of an indexed array), and one per
     * element of an array nested in it, since the store's matcher looks into nested arrays too. A document whose indexed
     * array is empty is kept under null for that field (as MongoDB does) rather than under no key at all, so a query on
     * the index's other fields still finds it. A sparse index leaves out documents that have none of its fields.
     */
    private Set<KeyValue> keysOf(Document document) {
        if (isSparse() && fields.stream().noneMatch(document::containsKey)) {
            return Set.of();
        }
        KeyValue plain = plainKeyOf(document);
        if (plain != null) {
            return Set.of(plain);
        }
        Set<KeyValue> keys = getKeyValues(document);
        if (keys.isEmpty()) {
            Document emptyArraysAsNull = new Document(document);
            fields.stream().filter(field -> document.get(field) instanceof Collection<?> values && values.isEmpty())
                    .forEach(field -> emptyArraysAsNull.put(field, null));
            keys = getKeyValues(emptyArraysAsNull);
        }
        Set<KeyValue> withNestedElements = new LinkedHashSet<>();
        keys.forEach(key -> addWithNestedElements(key, 0, withNestedElements));
        return withNestedElements;
    }

    /**
     * The key of a document whose fields of this index each hold a string, a boolean or a date: the library keeps those
     * values as they are, so the key is them in order. Most keys are such, and the library works each out through
     * its path parsing and streams. Null for any other document, whose key the library works out.
     */
    private KeyValue plainKeyOf(Document document) {
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = document.get(fields.get(i));
            if (!(value instanceof String || value instanceof Boolean || value instanceof Date || value instanceof Instant)) {
                return null;
            }
            values[i] = value;
        }
        return new KeyValue(values);
    }

    private static void addWithNestedElements(KeyValue key, int from, Set<KeyValue> keys) {
        keys.add(key);
        for (int i = from; i < key.size(); i++) {
            if (key.get(i) instanceof Collection<?> nested) {
                for (Object element : nested) {
                    List<Object> values = new ArrayList<>();
                    key.forEach(values::add);
                    values.set(i, element);
                    addWithNestedElements(new KeyValue(values), i, keys);
                }
            }
        }
    }

    /** Where the H2 backend keeps a document: under its {@code _id}, exactly as stored (not normalised). */
    private static Object positionOf(Document document) {
        return document.get("_id");
    }

    private static KeyValue withPosition(KeyValue key, Object position) {
        List<Object> values = new ArrayList<>(key.size() + 1);
        key.forEach(values::add);
        values.add(position);
        return new KeyValue(values);
    }

    /**
     * Whether this index's keys alone decide whether a document meets these conditions ({@link CoveredCount}): each is
     * on one of its fields, and a field that ever held an array has only one condition, an equality with a value (a key
     * holds one element of the array; a missing value, null and an empty array share a key), and none at all a field that
     * held arrays in arrays (the index keeps their elements too, which an equality does not match). Not for a sparse index,
     * which leaves documents out, nor for one built before the arrays were noted.
     */
    boolean decides(List<CoveredCount.Condition> conditions) {
        if (isSparse() || arrayFields == null) {
            return false;
        }
        for (CoveredCount.Condition condition : conditions) {
            if (!fields.contains(condition.field())) {
                return false;
            }
            if (arrayFields.contains(condition.field() + NESTED) || mayHoldArrays(condition.field())
                    && (!condition.isEqualityWithValues() || conditions.stream().filter(c -> c.field().equals(condition.field())).count() > 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every document this index finds for the query meets it, so the store need not check each against it, as
     * MongoDB's plans fetch without a filter what an index scan's bounds decide: the query asks only that fields equal a
     * value or one of some (one condition a field, none null), all of them fields this index looks up, and its keys
     * {@link #decides} them. Reading the 640 ledger entries of a province's 265 units, checking each against the 265
     * codes took eight of the read's 21 milliseconds. {@code parsed} is the query's conditions as the store parsed them
     * once to choose an index.
     */
    boolean findsOnlyMatches(Document query, FieldConditions parsed) {
        List<CoveredCount.Condition> conditions = CoveredCount.conjunctionOf(query);
        if (conditions == null || conditions.isEmpty() || !decides(conditions)) {
            return false;
        }
        Set<String> lookedUpFields = Set.copyOf(fields.subList(0, lookups(parsed).get(0).size()));
        return conditions.stream().allMatch(condition -> condition.isEqualityWithValues() && lookedUpFields.contains(condition.field()))
                && conditions.stream().map(CoveredCount.Condition::field).distinct().count() == conditions.size();
    }

    /**
     * Adds the position of every document whose key {@code matches} the query, reading no document: the key is given to
     * it as a document of this index's fields. Only for conditions this index {@link #decides}.
     */
    void addMatching(Document query, BiPredicate<Document, Document> matches, Set<Object> positions) {
        for (Scan scan : scans(FieldConditions.of(query))) {
            scan.keys().forEachRemaining(key -> {
                Document keyed = new Document();
                for (int i = 0; i < fields.size(); i++) {
                    keyed.put(fields.get(i), key.get(i));
                }
                if (matches.test(keyed, query)) {
                    positions.add(key.get(key.size() - 1));
                }
            });
        }
    }

    /** The ranges of keys that hold every document the query can match; none if this index cannot narrow it. */
    private List<Scan> scans(FieldConditions conditions) {
        List<List<Object>> prefixes = lookups(conditions);
        int equalFields = prefixes.get(0).size();
        FieldConditions.Bound bound = equalFields < fields.size() ? readBound(conditions, fields.get(equalFields)) : null;
        if (equalFields == 0 && bound == null) {
            return List.of();
        }
        return prefixes.stream().map(prefix -> new Scan(prefix, bound, List.of())).toList();
    }

    /** The combinations of values of the leading fields the query asks to equal, each a run of keys this index looks up. */
    private List<List<Object>> lookups(FieldConditions conditions) {
        List<List<Object>> prefixes = List.of(List.of());
        for (String field : fields) {
            var oneOf = lookedUp(conditions, field);
            if (oneOf.isEmpty() || prefixes.size() * oneOf.get().values().size() > MAX_LOOKUPS) {
                break;
            }
            prefixes = extended(prefixes, oneOf.get().values());
        }
        return prefixes;
    }

    /**
     * The values the query asks a field to equal, as this index can look them up: not null in a sparse index, which has
     * no key for a document without its fields, though null asks for those too.
     */
    private Optional<FieldConditions.OneOf> lookedUp(FieldConditions conditions, String field) {
        return conditions.oneOf(field).filter(oneOf -> !isSparse() || !oneOf.asksForNull());
    }

    /**
     * The range the query bounds a field to, as this index can read it: only its lower end for a field that held an array
     * (or may have: an index built before arrays were noted), since one element may meet one end and another the other,
     * as MongoDB reads a multikey index; both ends together would read no key at all between a text and a number.
     */
    private FieldConditions.Bound readBound(FieldConditions conditions, String field) {
        FieldConditions.Bound bound = conditions.bound(field).orElse(null);
        return bound != null && bound.lower() != null && bound.upper() != null && mayHoldArrays(field) ? new FieldConditions.Bound(bound.lower(), null) : bound;
    }

    /** Whether the field ever held an array in a document of this index, or may have (an index built before they were noted). */
    private boolean mayHoldArrays(String field) {
        return arrayFields == null || arrayFields.contains(field);
    }

    private static List<List<Object>> extended(List<List<Object>> prefixes, List<Object> values) {
        List<List<Object>> extended = new ArrayList<>(prefixes.size() * values.size());
        for (List<Object> prefix : prefixes) {
            for (Object value : values) {
                List<Object> longer = new ArrayList<>(prefix);
                longer.add(value);
                extended.add(longer);
            }
        }
        return extended;
    }

    /**
     * The index's entries for a query sorted by {@code orderFields} (all ascending), in that order: those of each
     * combination of values the query fixes the fields before them to, each read in key order. A sort field the query
     * fixes to one value orders nothing (every document it finds has that value there, or an array, which the caller
     * reads whole), so the index need not hold it in place: an index of a unit's documents by due date gives them
     * sorted by due date and unit, as MongoDB's plans do. Null unless the other order fields follow in the index exactly
     * those the query fixes, each to one or a few values; for a sparse index, which leaves out the documents without
     * its fields that a sort still returns; and when the query bounds the first order field and it may hold arrays.
     */
    List<Scan> inOrderOf(FieldConditions conditions, List<String> orderFields) {
        List<String> ordering = orderFields.stream().filter(field -> conditions.fixedValue(field).isEmpty()).toList();
        int at = ordering.isEmpty() ? -1 : Collections.indexOfSubList(fields, ordering);
        if (at < 0 || isSparse()) {
            return null;
        }
        List<List<Object>> prefixes = List.of(List.of());
        for (String field : fields.subList(0, at)) {
            var oneOf = lookedUp(conditions, field);
            if (oneOf.isEmpty() || prefixes.size() * oneOf.get().values().size() > MAX_LOOKUPS) {
                return null;
            }
            prefixes = extended(prefixes, oneOf.get().values());
        }
        List<OrderValue> order = orderFields.stream()
                .map(field -> conditions.fixedValue(field).map(OrderValue::fixed).orElseGet(() -> OrderValue.keyAt(fields.indexOf(field))))
                .toList();
        FieldConditions.Bound bound = conditions.bound(ordering.get(0)).orElse(null);
        if (bound != null && mayHoldArrays(ordering.get(0))) {
            // A document holding an array there sorts by its least element, which may lie below the bound, where the read
            // does not begin; read whole, it is sorted as MongoDB sorts it.
            return null;
        }
        return prefixes.stream().map(prefix -> new Scan(prefix, bound, order)).toList();
    }

    /** Where an ordered read takes a sort field's value from: the index's key at a position, or the one value the query fixes. */
    private record OrderValue(int keyPosition, Object value) {

        static OrderValue keyAt(int position) {
            return new OrderValue(position, null);
        }

        static OrderValue fixed(Object value) {
            return new OrderValue(-1, value);
        }

        Object of(KeyValue key) {
            return keyPosition < 0 ? value : key.get(keyPosition);
        }
    }

    /** An entry of the index as an ordered read gives it: the values of the fields it is ordered by, and the document's position. */
    record Entry(List<Object> orderValues, Object position) {
    }

    /**
     * The keys that begin with {@code prefix} and whose next value is within {@code bound} (when given), each read with
     * the values of the fields a sorted read is ordered by ({@code order}; none for a lookup).
     */
    final class Scan {

        private final List<Object> prefix;
        private final FieldConditions.Bound bound;
        private final List<OrderValue> order;

        Scan(List<Object> prefix, FieldConditions.Bound bound, List<OrderValue> order) {
            this.prefix = prefix;
            this.bound = bound;
            this.order = order;
        }

        int fieldsServed() {
            return 2 * prefix.size() + (bound == null ? 0 : 1);
        }

        void collect(Set<Object> positions) {
            entries().forEachRemaining(entry -> positions.add(entry.position()));
        }

        /** The entries in key order, read as they are asked for, each with the values it is ordered by. */
        Iterator<Entry> entries() {
            Iterator<KeyValue> keys = keys();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return keys.hasNext();
                }

                @Override
                public Entry next() {
                    KeyValue key = keys.next();
                    List<Object> orderValues = new ArrayList<>(order.size());
                    order.forEach(value -> orderValues.add(value.of(key)));
                    return new Entry(orderValues, key.get(key.size() - 1));
                }
            };
        }

        /** The keys in order, read as they are asked for, each ending with its document's position. */
        Iterator<KeyValue> keys() {
            Iterator<KeyValue> keys = entries.keyIterator(start());
            return new Iterator<>() {
                private KeyValue next = advance();

                private KeyValue advance() {
                    if (!keys.hasNext()) {
                        return null;
                    }
                    KeyValue key = keys.next();
                    return startsWithPrefix(key) && !beyondUpperBound(key) ? key : null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public KeyValue next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    KeyValue key = next;
                    next = advance();
                    return key;
                }
            };
        }

        /** A key shorter than the index's sorts before every longer key that begins with it. */
        private KeyValue start() {
            List<Object> start = new ArrayList<>(prefix);
            if (bound != null && bound.lower() != null) {
                start.add(bound.lower());
            }
            return start.isEmpty() ? null : new KeyValue(start);
        }

        private boolean startsWithPrefix(KeyValue key) {
            for (int i = 0; i < prefix.size(); i++) {
                if (IndexKeyType.VALUE_ORDER.compare(key.get(i), prefix.get(i)) != 0) {
                    return false;
                }
            }
            return true;
        }

        private boolean beyondUpperBound(KeyValue key) {
            return bound != null && bound.upper() != null && IndexKeyType.VALUE_ORDER.compare(key.get(prefix.size()), bound.upper()) > 0;
        }
    }
}
