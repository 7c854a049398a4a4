package vn.gov.par.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading parsed YAML: nested maps and lists, navigated by keys. */
final class Tree {

    private Tree() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (node instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("not a mapping: " + node);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        if (node instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalArgumentException("not a sequence: " + node);
    }

    /** The node under the given keys, or null where one of them is absent. */
    static Object at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static Map<String, Object> mapAt(Object node, String... keys) {
        Object found = at(node, keys);
        return found == null ? Map.of() : map(found);
    }

    static List<Object> listAt(Object node, String... keys) {
        Object found = at(node, keys);
        return found == null ? List.of() : list(found);
    }

    static String textAt(Object node, String... keys) {
        Object found = at(node, keys);
        return found == null ? null : String.valueOf(found);
    }

    /** The first mapping with the second laid over it, as Spring ranks two sources: nested mappings merge, the rest is replaced. */
    static Map<String, Object> overlaid(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        over.forEach((key, value) -> merged.merge(key, value,
                (below, above) -> below instanceof Map<?, ?> && above instanceof Map<?, ?> ? overlaid(map(below), map(above)) : above));
        return merged;
    }

    /** Every leaf of a mapping by its dotted path; an empty mapping counts as a leaf, since it may take any key. */
    static Map<String, Object> leaves(Map<String, Object> root) {
        Map<String, Object> leaves = new LinkedHashMap<>();
        collectLeaves("", root, leaves);
        return leaves;
    }

    private static void collectLeaves(String prefix, Object node, Map<String, Object> leaves) {
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((key, value) -> collectLeaves(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, leaves));
        } else {
            leaves.put(prefix, node);
        }
    }
}
