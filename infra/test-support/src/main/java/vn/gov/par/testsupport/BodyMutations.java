package vn.gov.par.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests generated from a valid one by breaking it: a field dropped, set to a value of another JSON type, to an
 * impossible date, an out-of-range number, an unknown code, a very long or Vietnamese text; or the whole body
 * replaced by something that is not the JSON expected, or sent with the wrong Content-Type. Some mutations leave the
 * request valid (a dropped optional field, a long note): the test must tell those apart by what the service answers.
 */
public final class BodyMutations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final String VIETNAMESE_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
            + "AĂÂĐÊÔƠƯ ";

    private BodyMutations() {
    }

    /** A mutation and the request it produced; its name says what was broken, for the failure message. */
    public record Mutated(String mutation, RawHttp.Request request) {

        @Override
        public String toString() {
            return mutation + ": " + request;
        }
    }

    /** Broken variants of {@code valid}, a JSON request to {@code method path}. */
    public static Arbitrary<Mutated> of(String method, String path, JsonNode valid) {
        RawHttp.Request request = RawHttp.Request.json(method, path, JSON.writeValueAsString(valid));
        List<String> pointers = pointers(valid);
        Arbitrary<Mutated> fieldMutations = Combinators.combine(Arbitraries.of(pointers), fieldMutation())
                .as((pointer, mutation) -> mutation.apply(valid, pointer, request));
        return Arbitraries.frequencyOf(
                Tuple.of(6, fieldMutations),
                Tuple.of(1, wholeBodyMutation(request)),
                Tuple.of(1, contentTypeMutation(request)),
                Tuple.of(1, stillValid(valid, request)));
    }

    /**
     * Broken variants of a valid CSV import: a cell replaced (empty, a wrong date or code, a very long or Vietnamese
     * text, a stray quote or separator), a column dropped from every line, the text cut short or replaced.
     */
    public static Arbitrary<Mutated> ofCsv(String path, String valid) {
        RawHttp.Request request = new RawHttp.Request("POST", path, "text/csv; charset=UTF-8", valid.getBytes(StandardCharsets.UTF_8));
        List<List<String>> lines = valid.lines().map(line -> List.of(line.split(",", -1))).toList();
        int columns = lines.get(0).size();
        Arbitrary<String> cellValue = Arbitraries.oneOf(replacementValue().map(value -> value.isValueNode() ? value.asString() : value.toString()),
                Arbitraries.of("\"", "a,b", "\"chưa đóng", "\n", ";", "\t"));
        Arbitrary<Mutated> cell = Combinators.combine(Arbitraries.integers().between(0, lines.size() - 1),
                Arbitraries.integers().between(0, columns - 1), cellValue).as((line, column, value) -> {
                    List<List<String>> copy = mutableCopy(lines);
                    if (column < copy.get(line).size()) {
                        copy.get(line).set(column, value);
                    }
                    return new Mutated("cell " + line + ":" + column + " = " + abbreviated(value), request.withBody(csv(copy)));
                });
        Arbitrary<Mutated> dropColumn = Arbitraries.integers().between(0, columns - 1).map(column -> {
            List<List<String>> copy = mutableCopy(lines);
            copy.stream().filter(cells -> column < cells.size()).forEach(cells -> cells.remove((int) column));
            return new Mutated("drop column " + column, request.withBody(csv(copy)));
        });
        return Arbitraries.frequencyOf(Tuple.of(6, cell), Tuple.of(1, dropColumn),
                Tuple.of(1, wholeBodyMutation(request)), Tuple.of(1, contentTypeMutation(request)));
    }

    private static List<List<String>> mutableCopy(List<List<String>> lines) {
        List<List<String>> copy = new ArrayList<>();
        lines.forEach(cells -> copy.add(new ArrayList<>(cells)));
        return copy;
    }

    private static String csv(List<List<String>> lines) {
        return lines.stream().map(cells -> String.join(",", cells)).collect(Collectors.joining("\n")) + "\n";
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** Every member and element of the body, as JSON pointers ("/content/activities/0/label"). */
    static List<String> pointers(JsonNode node) {
        List<String> pointers = new ArrayList<>();
        collect(node, "", pointers);
        return pointers;
    }

    private static void collect(JsonNode node, String at, List<String> into) {
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                into.add(at + "/" + name);
                collect(node.get(name), at + "/" + name, into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                into.add(at + "/" + i);
                collect(node.get(i), at + "/" + i, into);
            }
        }
    }

    private interface FieldMutation {
        Mutated apply(JsonNode valid, String pointer, RawHttp.Request request);
    }

    private static Arbitrary<FieldMutation> fieldMutation() {
        Arbitrary<FieldMutation> drop = Arbitraries.just((valid, pointer, request) -> {
            JsonNode copy = valid.deepCopy();
            remove(copy, pointer);
            return new Mutated("drop " + pointer, request.withBody(JSON.writeValueAsString(copy)));
        });
        Arbitrary<FieldMutation> replace = replacementValue().map(value -> (valid, pointer, request) -> {
            JsonNode copy = valid.deepCopy();
            replace(copy, pointer, value);
            return new Mutated("set " + pointer + " = " + abbreviated(value.toString()),
                    request.withBody(JSON.writeValueAsString(copy)));
        });
        return Arbitraries.frequencyOf(Tuple.of(1, drop), Tuple.of(4, replace));
    }

    /** Values of every JSON type, and the strings and numbers that break dates, codes, ranges and lengths. */
    static Arbitrary<JsonNode> replacementValue() {
        Arbitrary<JsonNode> nulls = Arbitraries.just(NODES.nullNode());
        Arbitrary<JsonNode> booleans = Arbitraries.of(true, false).map(NODES::booleanNode);
        Arbitrary<JsonNode> numbers = Arbitraries.oneOf(
                Arbitraries.of(0L, -1L, 1L, 1999L, 2101L, 2_147_483_648L, -2_147_483_649L, Long.MAX_VALUE, Long.MIN_VALUE).map(NODES::numberNode),
                Arbitraries.of(0.5, -0.0, 1e308, 2027.9).map(NODES::numberNode),
                Arbitraries.integers().map(NODES::numberNode));
        Arbitrary<JsonNode> strings = Arbitraries.oneOf(
                Arbitraries.of("", " ", "2027-02-30", "30/02/2027", "2027-13-01", "28/02/2027", "2027-2-3", "không phải ngày",
                        "ĐV-KHÔNG-CÓ", "KHONG-CO", "99999", "Q5", "DRAFT", "-1", "true", "null", "{}", "<b>x</b>", "'; drop table x; --")
                        .map(NODES::stringNode),
                vietnameseText(1, 80).map(NODES::stringNode),
                vietnameseText(5_000, 20_000).map(NODES::stringNode),
                Arbitraries.strings().ofMaxLength(40).map(NODES::stringNode));
        Arbitrary<JsonNode> arrays = Arbitraries.of(
                NODES.arrayNode(), NODES.arrayNode().add(1), NODES.arrayNode().add("x"), NODES.arrayNode().add(NODES.nullNode()))
                .map(JsonNode.class::cast);
        Arbitrary<JsonNode> objects = Arbitraries.of(NODES.objectNode(), NODES.objectNode().put("x", 1)).map(JsonNode.class::cast);
        return Arbitraries.frequencyOf(
                Tuple.of(1, nulls),
                Tuple.of(1, booleans),
                Tuple.of(2, numbers),
                Tuple.of(4, strings),
                Tuple.of(1, arrays),
                Tuple.of(1, objects));
    }

    public static Arbitrary<String> vietnameseText(int minLength, int maxLength) {
        return Arbitraries.strings().withChars(VIETNAMESE_LETTERS).ofMinLength(minLength).ofMaxLength(maxLength);
    }

    /** The request as it was, or with a member the service does not know (a newer client's): both must be accepted or refused whole. */
    private static Arbitrary<Mutated> stillValid(JsonNode valid, RawHttp.Request request) {
        Arbitrary<Mutated> unchanged = Arbitraries.just(new Mutated("unchanged", request));
        Arbitrary<Mutated> unknownMember = vietnameseText(1, 40).map(text -> {
            JsonNode copy = valid.deepCopy();
            if (copy instanceof ObjectNode object) {
                object.put("ghiChuMoi", text);
            }
            return new Mutated("unknown member ghiChuMoi", request.withBody(JSON.writeValueAsString(copy)));
        });
        return Arbitraries.oneOf(unchanged, unknownMember);
    }

    private static Arbitrary<Mutated> wholeBodyMutation(RawHttp.Request request) {
        String valid = request.bodyText();
        Arbitrary<Mutated> truncated = Arbitraries.integers().between(0, valid.length() - 1)
                .map(end -> new Mutated("body cut at " + end, request.withBody(valid.substring(0, end))));
        Arbitrary<Mutated> garbage = Arbitraries.strings().ofMaxLength(200)
                .map(text -> new Mutated("body replaced by text", request.withBody(text)));
        Arbitrary<Mutated> otherJson = Arbitraries.of("null", "[]", "[" + valid + "]", "42", "\"" + "Kế hoạch" + "\"", "{}", valid + valid)
                .map(text -> new Mutated("body replaced by other JSON", request.withBody(text)));
        return Arbitraries.oneOf(truncated, garbage, otherJson);
    }

    private static Arbitrary<Mutated> contentTypeMutation(RawHttp.Request request) {
        return Arbitraries.of("text/plain", "application/xml", "text/csv", "application/x-www-form-urlencoded", "multipart/form-data", "gibberish")
                .injectNull(0.2)
                .map(type -> new Mutated("Content-Type " + type, request.withContentType(type)));
    }

    private static void remove(JsonNode root, String pointer) {
        JsonNode parent = root.at(parentOf(pointer));
        String last = lastOf(pointer);
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        }
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        JsonNode parent = root.at(parentOf(pointer));
        String last = lastOf(pointer);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    private static String parentOf(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static String lastOf(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }
}
