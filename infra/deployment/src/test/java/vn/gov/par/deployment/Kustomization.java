package vn.gov.par.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The resources a kustomization produces, rendered the way kustomize does for the features these manifests use:
 * resources (files and directories), strategic-merge patches, replicas, images and namespace. Labels only add
 * metadata and are not rendered. A field outside this set fails the rendering rather than being ignored, so the
 * checks never run on something other than what would be applied.
 */
final class Kustomization {

    private static final Set<String> RENDERED_FIELDS = Set.of("apiVersion", "kind", "resources", "patches", "replicas", "images",
            "namespace", "labels");

    private final Path directory;
    private final Map<String, Object> definition;

    private Kustomization(Path directory) {
        this.directory = directory;
        this.definition = Repository.yaml(directory.resolve("kustomization.yaml"));
    }

    static Kustomization in(Path directory) {
        return new Kustomization(directory);
    }

    Map<String, Object> definition() {
        return definition;
    }

    /** The files and directories this kustomization names: its resources and its patches. */
    List<Path> referencedPaths() {
        List<Path> paths = new ArrayList<>();
        Tree.listAt(definition, "resources").forEach(resource -> paths.add(directory.resolve(String.valueOf(resource)).normalize()));
        Tree.listAt(definition, "patches").forEach(patch -> paths.add(directory.resolve(Tree.textAt(patch, "path")).normalize()));
        return paths;
    }

    List<Map<String, Object>> render() {
        Set<String> unrendered = new TreeSet<>(definition.keySet());
        unrendered.removeAll(RENDERED_FIELDS);
        if (!unrendered.isEmpty()) {
            throw new IllegalStateException(directory + ": the checks do not render " + unrendered);
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object resource : Tree.listAt(definition, "resources")) {
            Path path = directory.resolve(String.valueOf(resource)).normalize();
            resources.addAll(Files.isDirectory(path) ? in(path).render() : Repository.yamlDocuments(path));
        }
        for (Object patch : Tree.listAt(definition, "patches")) {
            for (Map<String, Object> document : Repository.yamlDocuments(directory.resolve(Tree.textAt(patch, "path")))) {
                merge(find(resources, Tree.textAt(document, "kind"), Tree.textAt(document, "metadata", "name")), document);
            }
        }
        for (Object replicas : Tree.listAt(definition, "replicas")) {
            Tree.map(find(resources, "Deployment", Tree.textAt(replicas, "name")).get("spec")).put("replicas", Tree.at(replicas, "count"));
        }
        for (Object image : Tree.listAt(definition, "images")) {
            renameImages(resources, Tree.map(image));
        }
        String namespace = Tree.textAt(definition, "namespace");
        if (namespace != null) {
            resources.stream().filter(resource -> !"Namespace".equals(resource.get("kind")))
                    .forEach(resource -> Tree.map(resource.get("metadata")).put("namespace", namespace));
        }
        return resources;
    }

    static Map<String, Object> find(List<Map<String, Object>> resources, String kind, String name) {
        return resources.stream()
                .filter(resource -> kind.equals(resource.get("kind")) && name.equals(Tree.textAt(resource, "metadata", "name")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + kind + " named " + name));
    }

    /** Kubernetes' strategic merge, for what these patches touch: mappings merge, lists of named items merge by name. */
    private static void merge(Map<String, Object> target, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            Object existing = target.get(key);
            if (existing instanceof Map<?, ?> && value instanceof Map<?, ?>) {
                merge(Tree.map(existing), Tree.map(value));
            } else if (existing instanceof List<?> && value instanceof List<?> && namedItems(Tree.list(existing))
                    && namedItems(Tree.list(value))) {
                mergeByName(Tree.list(existing), Tree.list(value));
            } else {
                target.put(key, value);
            }
        });
    }

    private static boolean namedItems(List<Object> items) {
        return items.stream().allMatch(item -> item instanceof Map<?, ?> map && map.containsKey("name"));
    }

    private static void mergeByName(List<Object> existing, List<Object> patch) {
        for (Object item : patch) {
            Object name = Tree.at(item, "name");
            existing.stream().filter(current -> name.equals(Tree.at(current, "name"))).findFirst()
                    .ifPresentOrElse(current -> merge(Tree.map(current), Tree.map(item)), () -> existing.add(item));
        }
    }

    private static void renameImages(List<Map<String, Object>> resources, Map<String, Object> image) {
        String name = Tree.textAt(image, "name");
        for (Map<String, Object> resource : resources) {
            for (Object container : Tree.listAt(resource, "spec", "template", "spec", "containers")) {
                String current = Tree.textAt(container, "image");
                int tagAt = current.lastIndexOf(':') > current.lastIndexOf('/') ? current.lastIndexOf(':') : current.length();
                if (current.substring(0, tagAt).equals(name)) {
                    String newName = image.containsKey("newName") ? Tree.textAt(image, "newName") : name;
                    String tag = image.containsKey("newTag") ? ":" + Tree.textAt(image, "newTag") : current.substring(tagAt);
                    Tree.map(container).put("image", newName + tag);
                }
            }
        }
    }
}
