package vn.gov.par.localruntime.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a query asks of its top-level fields, as far as an index can use it: a field equal to one of some values, or a
 * field bounded above or below. Only plain values count (text, numbers, flags, dates, ids), and null, which asks for a
 * missing field too (as MongoDB's indexes keep both under one key, so does {@link SecondaryIndex}); a condition on
 * anything else (arrays, subdocuments, patterns, negations, alternatives) is left out.
 *
 * <p>Leaving a condition out is always safe: the store checks every document an index finds against the whole query,
 * so an index only has to find every document that can match. That is also why one bound is enough.
 */
final class FieldConditions {

    /** The field equals one of these values, normalised as index keys are; null among them for a missing or null field. */
    record OneOf(List<Object> values) {

        boolean asksForNull() {
            return values.stream().anyMatch(Objects::isNull);
        }
    }

    /** The field is at least {@code lower} and at most {@code upper}, each when given (one of them always is). */
    record Bound(Object lower, Object upper) {

        Bound withLower(Object value) {
            return new Bound(value, upper);
        }

        Bound withUpper(Object value) {
            return new Bound(lower, value);
        }
    }

    private final Map<String, OneOf> equalities = new HashMap<>();
    private final Map<String, Bound> bounds = new HashMap<>();

    private FieldConditions() {
    }

    static FieldConditions of(Document query) {
        FieldConditions conditions = new FieldConditions();
        conditions.collect(query);
        return conditions;
    }

    Optional<OneOf> oneOf(String field) {
        return Optional.ofNullable(equalities.get(field));
    }

    /** The one value the query requires the field to equal (or, for an array, to hold), if it names exactly one. */
    Optional<Object> fixedValue(String field) {
        return oneOf(field).filter(oneOf -> oneOf.values().size() == 1 && !oneOf.asksForNull()).map(oneOf -> oneOf.values().get(0));
    }

    Optional<Bound> bound(String field) {
        return Optional.ofNullable(bounds.get(field));
    }

    private void collect(Document query) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String field = condition.getKey();
            Object value = condition.getValue();
            if (field.equals("$and") && value instanceof List<?> clauses) {
                clauses.stream().filter(Document.class::isInstance).map(Document.class::cast).forEach(this::collect);
            } else if (!field.startsWith("$") && !field.contains(".")) {
                collect(field, value);
            }
        }
    }

    private void collect(String field, Object value) {
        if (value == null || plain(value)) {
            equalities.putIfAbsent(field, new OneOf(Collections.singletonList(normalised(value))));
        } else if (value instanceof Document operators && operators.keySet().stream().allMatch(key -> key.startsWith("$"))) {
            operators.forEach((operator, operand) -> collect(field, operator, operand));
        }
    }

    private void collect(String field, String operator, Object operand) {
        switch (operator) {
            case "$eq" -> {
                if (operand == null || plain(operand)) {
                    equalities.putIfAbsent(field, new OneOf(Collections.singletonList(normalised(operand))));
                }
            }
            case "$in" -> {
                if (operand instanceof List<?> values && !values.isEmpty() && values.stream().allMatch(v -> v == null || plain(v))) {
                    equalities.putIfAbsent(field, new OneOf(values.stream().map(FieldConditions::normalised).toList()));
                }
            }
            case "$lt", "$lte" -> {
                if (plain(operand)) {
                    bounds.merge(field, new Bound(null, normalised(operand)), (was, upper) -> was.withUpper(upper.upper()));
                }
            }
            case "$gt", "$gte" -> {
                if (plain(operand)) {
                    bounds.merge(field, new Bound(normalised(operand), null), (was, lower) -> was.withLower(lower.lower()));
                }
            }
            default -> {
                // not one an index can narrow by
            }
        }
    }

    /** A value an index key holds as a document holds it: text, a number, a flag, a date, an id. */
    static boolean plain(Object value) {
        return value instanceof String || value instanceof Boolean || value instanceof Instant || value instanceof ObjectId
                || value instanceof UUID || value instanceof Integer || value instanceof Long
                || value instanceof Double number && !number.isNaN();
    }

    /** As the index holds its keys: numbers of every type as one (1, 1L and 1.0 are the same key). */
    private static Object normalised(Object value) {
        return value == null ? null : new KeyValue(value).normalized().get(0);
    }
}
