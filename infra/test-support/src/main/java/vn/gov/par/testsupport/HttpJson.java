package vn.gov.par.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.core.io.ByteArrayResource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls a running service over real HTTP and answers status and JSON body, errors included, without throwing. */
public final class HttpJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient client;

    /** Acting as {@link TestTokens#DEFAULT}, unless {@link #as(String)} or {@link #anonymous()} says otherwise. */
    public HttpJson(String baseUrl) {
        this(RestClient.builder().baseUrl(baseUrl).defaultHeaders(headers -> headers.setBearerAuth(TestTokens.DEFAULT)).build());
    }

    private HttpJson(RestClient client) {
        this.client = client;
    }

    public static HttpJson onPort(int port) {
        return new HttpJson("http://localhost:" + port);
    }

    /** The same service, every request carrying this access token. */
    public HttpJson as(String token) {
        return new HttpJson(client.mutate().defaultHeaders(headers -> headers.setBearerAuth(token)).build());
    }

    /** The same service, called with no access token at all. */
    public HttpJson anonymous() {
        return new HttpJson(client.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build());
    }

    /** The same service, with a header on every request (a {@code traceparent}, say). */
    public HttpJson withHeader(String name, String value) {
        return new HttpJson(client.mutate().defaultHeader(name, value).build());
    }

    public record Response(HttpStatusCode status, JsonNode body) {
        public boolean ok() {
            return status.is2xxSuccessful();
        }
    }

    public Response get(String path) {
        return client.get().uri(path).exchange((request, response) -> toResponse(response.getStatusCode(), response.getBody().readAllBytes()));
    }

    /** A plain-text resource, such as the Prometheus scrape; fails the test unless it answers 200. */
    public String text(String path) {
        return client.get().uri(path).retrieve().body(String.class);
    }

    public Response post(String path, Object body) {
        return send(path, MediaType.APPLICATION_JSON, body instanceof String s ? s : JSON.writeValueAsString(body));
    }

    public Response put(String path, Object body) {
        return client.put().uri(path).contentType(MediaType.APPLICATION_JSON)
                .body(body instanceof String s ? s : JSON.writeValueAsString(body))
                .exchange((request, response) -> toResponse(response.getStatusCode(), response.getBody().readAllBytes()));
    }

    public Response delete(String path) {
        return client.delete().uri(path).exchange((request, response) -> toResponse(response.getStatusCode(), response.getBody().readAllBytes()));
    }

    public Response send(String path, MediaType type, String body) {
        return client.post().uri(path).contentType(new MediaType(type, StandardCharsets.UTF_8)).body(body)
                .exchange((request, response) -> toResponse(response.getStatusCode(), response.getBody().readAllBytes()));
    }

    /** A multipart form, as a browser sends one: the fields, and one file under {@code fileField}. */
    public Response upload(String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        fields.forEach(parts::add);
        parts.add(fileField, new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return client.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, response) -> toResponse(response.getStatusCode(), response.getBody().readAllBytes()));
    }

    /** The body of a call that must succeed; fails the test with the problem otherwise. */
    public JsonNode ok(Response response) {
        if (!response.ok()) {
            throw new AssertionError("Expected success but got " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    private static Response toResponse(HttpStatusCode status, byte[] body) {
        return new Response(status, body.length == 0 ? JSON.nullNode() : JSON.readTree(new String(body, StandardCharsets.UTF_8)));
    }
}
