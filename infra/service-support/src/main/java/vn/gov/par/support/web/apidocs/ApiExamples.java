package vn.gov.par.support.web.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;

/**
 * Request and response examples for the API documentation, kept as files beside the code in a folder tree that mirrors
 * the API: {@code api-examples/api/plans/{id}/issue/POST.request.json} is what {@code POST /api/plans/{id}/issue}
 * is sent, {@code POST.response.json} what it answers; a CSV body is {@code .csv}. A JSON example is read as JSON, so a
 * malformed one fails the service's start, not a reader.
 */
public class ApiExamples implements OpenApiCustomizer {

    static final String FOLDER = "api-examples";

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        boolean v31 = api.getSpecVersion() == SpecVersion.V31;
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String base = FOLDER + path + "/" + method.name();
            if (operation.getRequestBody() != null) {
                attach(operation.getRequestBody().getContent(), base + ".request", v31);
            }
            if (operation.getResponses() != null) {
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        attach(response.getContent(), base + ".response", v31);
                    }
                });
            }
        }));
    }

    private static void attach(Content content, String name, boolean v31) {
        if (content != null) {
            content.forEach((mediaType, media) -> read(name + "." + extensionOf(mediaType), v31).ifPresent(media::setExample));
        }
    }

    private static String extensionOf(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        if (type.contains("json") || type.equals("*/*")) {
            return "json";
        }
        return type.contains("csv") ? "csv" : "txt";
    }

    private static Optional<Object> read(String file, boolean v31) {
        ClassPathResource resource = new ClassPathResource(file);
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(file.endsWith(".json") ? (v31 ? Json31.mapper() : Json.mapper()).readTree(text) : text);
        } catch (IOException e) {
            throw new UncheckedIOException("The API example " + file + " cannot be read", e);
        }
    }
}
