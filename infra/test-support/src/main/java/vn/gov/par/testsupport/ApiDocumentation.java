package vn.gov.par.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * What a service's {@code /v3/api-docs} must tell the people who call it: a title and a description of what the
 * service owns; for every operation a summary and a description, Vietnamese first then English ("… · …"); for every
 * write, an example of what it is sent and of what it answers, naming no field its schema lacks (so an example cannot
 * outlive a renamed field); and every error answer an RFC 7807 problem.
 */
public final class ApiDocumentation {

    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

    private ApiDocumentation() {
    }

    /** The service's documentation as it serves it: these paths among its operations, its Swagger UI, nothing lacking. */
    public static JsonNode assertServedAndDocumented(HttpJson api, String... paths) {
        JsonNode docs = api.ok(api.get("/v3/api-docs"));
        assertThat(docs.path("paths").propertyNames()).contains(paths);
        assertThat(api.text("/swagger-ui/index.html")).contains("Swagger UI");
        assertDocumented(docs);
        return docs;
    }

    public static void assertDocumented(JsonNode apiDocs) {
        List<String> gaps = gapsIn(apiDocs);
        assertThat(gaps).as("what the API documentation lacks").isEmpty();
    }

    /** Each gap as "METHOD path: what is missing". */
    public static List<String> gapsIn(JsonNode apiDocs) {
        List<String> gaps = new ArrayList<>();
        JsonNode info = apiDocs.path("info");
        String title = info.path("title").asString("");
        if (title.isBlank() || title.equals("OpenAPI definition")) {
            gaps.add("info: no title of its own");
        }
        if (info.path("description").asString("").isBlank()) {
            gaps.add("info: no description of what the service owns");
        }
        JsonNode schemas = apiDocs.path("components").path("schemas");
        for (String path : apiDocs.path("paths").propertyNames()) {
            JsonNode item = apiDocs.path("paths").path(path);
            for (String method : item.propertyNames()) {
                gapsInOperation(method.toUpperCase() + " " + path, WRITES.contains(method), item.path(method), schemas, gaps);
            }
        }
        return gaps;
    }

    private static void gapsInOperation(String name, boolean write, JsonNode operation, JsonNode schemas, List<String> gaps) {
        String summary = operation.path("summary").asString("");
        if (summary.isBlank()) {
            gaps.add(name + ": no summary");
        } else if (!summary.contains(" · ")) {
            gaps.add(name + ": summary not in Vietnamese · English");
        }
        if (operation.path("description").asString("").isBlank()) {
            gaps.add(name + ": no description");
        }
        JsonNode responses = operation.path("responses");
        for (String status : responses.propertyNames()) {
            JsonNode content = responses.path(status).path("content");
            if (status.startsWith("4") && !content.has("application/problem+json")) {
                gaps.add(name + ": the " + status + " answer is not a problem (application/problem+json)");
            }
            if (write && status.startsWith("2")) {
                examplesIn(content, name + ": the example of its " + status + " answer", schemas, gaps);
            }
        }
        if (write) {
            examplesIn(operation.path("requestBody").path("content"), name + ": the example of its request", schemas, gaps);
        }
    }

    private static void examplesIn(JsonNode content, String what, JsonNode schemas, List<String> gaps) {
        for (String type : content.propertyNames()) {
            JsonNode media = content.path(type);
            if (!media.has("example")) {
                gaps.add(what + " as " + type + " is missing");
            } else {
                fieldsOutside(media.path("example"), media.path("schema"), schemas)
                        .forEach(field -> gaps.add(what + " as " + type + " names '" + field + "', which its schema lacks"));
            }
        }
    }

    /** The example's top-level fields (of each element, for a list) that its schema does not have; none where the schema lists no fields. */
    private static Set<String> fieldsOutside(JsonNode example, JsonNode schema, JsonNode schemas) {
        JsonNode resolved = schema.has("$ref") ? schemas.path(schema.path("$ref").asString().replace("#/components/schemas/", "")) : schema;
        if (example.isArray()) {
            Set<String> outside = new TreeSet<>();
            example.forEach(element -> outside.addAll(fieldsOutside(element, resolved.path("items"), schemas)));
            return outside;
        }
        JsonNode properties = resolved.path("properties");
        if (!example.isObject() || properties.isEmpty()) {
            return Set.of();
        }
        Set<String> outside = new TreeSet<>(example.propertyNames());
        outside.removeAll(properties.propertyNames());
        return outside;
    }
}
