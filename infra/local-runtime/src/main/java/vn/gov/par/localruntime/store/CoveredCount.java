package vn.gov.par.localruntime.store;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Counts a query's documents from index keys alone, as MongoDB's COUNT_SCAN does, when the keys decide every condition:
 * a list's total then reads no document. Counting a province's task list (9,328 occurrences at a tenth of the national
 * scale) read and matched each one, four fifths of what the list cost the store.
 *
 * <p>A query whose alternatives ({@code $or}) each an index decides is counted as the union of what each finds. Each
 * key is checked against its alternative by the store's own matcher, as a document of the index's fields, so a key
 * and the document it stands for agree on every condition the index {@link SecondaryIndex#decides}. Anything else (a
 * condition no key holds, {@code $ne}, {@code $exists}, patterns, subdocuments) is counted the usual way.
 */
final class CoveredCount {

    /** Beyond this many alternatives the query is counted the usual way. */
    private static final int MAX_ALTERNATIVES = 16;
    private static final Set<String> EQUALITIES = Set.of("$eq", "$in");
    private static final Set<String> BOUNDS = Set.of("$gt", "$gte", "$lt", "$lte");

    /** A condition on a top-level field, as the query states it. */
    record Condition(String field, Object value) {

        /** Equal to a value or one of some values, none of them null. */
        boolean isEqualityWithValues() {
            if (FieldConditions.plain(value)) {
                return true;
            }
            return value instanceof Document operators && operators.size() == 1 && operators.keySet().stream().allMatch(EQUALITIES::contains)
                    && (FieldConditions.plain(operators.get("$eq"))
                    || operators.get("$in") instanceof Collection<?> values && values.stream().allMatch(FieldConditions::plain));
        }

        /** Whether a key can hold what the condition compares with: null, a plain value, or one of some, or a bound. */
        private boolean keyComparable() {
            if (value == null || FieldConditions.plain(value)) {
                return true;
            }
            if (!(value instanceof Document operators) || operators.isEmpty()) {
                return false;
            }
            return operators.entrySet().stream().allMatch(operator -> switch (operator.getKey()) {
                case "$eq" -> operator.getValue() == null || FieldConditions.plain(operator.getValue());
                case "$in" -> operator.getValue() instanceof Collection<?> values && !values.isEmpty()
                        && values.stream().allMatch(v -> v == null || FieldConditions.plain(v));
                default -> BOUNDS.contains(operator.getKey()) && FieldConditions.plain(operator.getValue());
            });
        }
    }

    private CoveredCount() {
    }

    /**
     * How many documents match the query, counted from the indexes' keys; empty when they cannot decide it.
     *
     * @param matches the store's matcher: whether a document meets a query
     */
    static OptionalLong of(Document query, Collection<Index<Object>> indexes, BiPredicate<Document, Document> matches) {
        List<List<Condition>> alternatives = alternatives(query);
        if (alternatives == null || alternatives.isEmpty()) {
            return OptionalLong.empty();
        }
        Set<Object> positions = new HashSet<>();
        for (List<Condition> conditions : alternatives) {
            Document alternative = asQuery(conditions);
            SecondaryIndex index = decidingIndex(conditions, alternative, indexes);
            if (index == null) {
                return OptionalLong.empty();
            }
            index.addMatching(alternative, matches, positions);
            if (!index.decides(conditions)) {
                return OptionalLong.empty(); // a field took its first array while the keys were read
            }
        }
        return OptionalLong.of(positions.size());
    }

    /** The conditions a query asks all of, when it asks no alternatives and only conditions a key can hold; else null. */
    static List<Condition> conjunctionOf(Document query) {
        List<List<Condition>> alternatives = alternatives(query);
        return alternatives != null && alternatives.size() == 1 ? alternatives.get(0) : null;
    }

    /** The index that decides these conditions and narrows them most; null if none does. */
    private static SecondaryIndex decidingIndex(List<Condition> conditions, Document alternative, Collection<Index<Object>> indexes) {
        SecondaryIndex best = null;
        int bestServed = 0;
        for (Index<Object> index : indexes) {
            if (index instanceof SecondaryIndex secondary && secondary.decides(conditions)) {
                int served = secondary.fieldsServed(alternative);
                if (served > bestServed) {
                    best = secondary;
                    bestServed = served;
                }
            }
        }
        return best;
    }

    private static Document asQuery(List<Condition> conditions) {
        List<Document> clauses = conditions.stream().map(condition -> new Document(condition.field(), condition.value())).toList();
        return new Document("$and", clauses);
    }

    /**
     * The query as alternatives each of which is every one of some conditions, {@code $or} spread over what surrounds it;
     * null when some part of it is not such a condition, or when there would be too many.
     */
    private static List<List<Condition>> alternatives(Document query) {
        List<List<Condition>> alternatives = List.of(List.of());
        for (var entry : query.entrySet()) {
            String key = entry.getKey();
            List<List<Condition>> part;
            if (key.equals("$and") && entry.getValue() instanceof List<?> clauses && !clauses.isEmpty()) {
                part = List.of(List.of());
                for (Object clause : clauses) {
                    part = clause instanceof Document inner ? both(part, alternatives(inner)) : null;
                    if (part == null) {
                        return null;
                    }
                }
            } else if (key.equals("$or") && entry.getValue() instanceof List<?> branches && !branches.isEmpty()) {
                part = new ArrayList<>();
                for (Object branch : branches) {
                    List<List<Condition>> each = branch instanceof Document inner ? alternatives(inner) : null;
                    if (each == null) {
                        return null;
                    }
                    part.addAll(each);
                }
            } else if (!key.startsWith("$") && !key.contains(".") && new Condition(key, entry.getValue()).keyComparable()) {
                part = List.of(List.of(new Condition(key, entry.getValue())));
            } else {
                return null;
            }
            alternatives = both(alternatives, part);
            if (alternatives == null) {
                return null;
            }
        }
        return alternatives;
    }

    /** Every alternative of one joined with every alternative of the other; null if either is, or if too many. */
    private static List<List<Condition>> both(List<List<Condition>> one, List<List<Condition>> other) {
        if (one == null || other == null || one.size() * other.size() > MAX_ALTERNATIVES) {
            return null;
        }
        List<List<Condition>> joined = new ArrayList<>();
        for (List<Condition> a : one) {
            for (List<Condition> b : other) {
                List<Condition> conditions = new ArrayList<>(a);
                conditions.addAll(b);
                joined.add(conditions);
            }
        }
        return joined;
    }
}
