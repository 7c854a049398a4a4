package vn.gov.par.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends any bytes with any (or no) Content-Type to a running service, optionally chunked, as {@link TestTokens#DEFAULT}
 * unless told otherwise, and answers what came back as it came: for requests {@link HttpJson} cannot make, the malformed
 * ones.
 */
public final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String token;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    public RawHttp(String baseUrl) {
        this(baseUrl, TestTokens.DEFAULT);
    }

    private RawHttp(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** The same service, every request carrying this access token. */
    public RawHttp as(String accessToken) {
        return new RawHttp(baseUrl, accessToken);
    }

    /** The same service, called with no access token at all. */
    public RawHttp anonymous() {
        return new RawHttp(baseUrl, null);
    }

    public static RawHttp onPort(int port) {
        return new RawHttp("http://localhost:" + port);
    }

    /** A request as sent: method, path, Content-Type (null: none) and body bytes. */
    public record Request(String method, String path, String contentType, byte[] body) {

        public static Request json(String method, String path, String body) {
            return new Request(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }

        /** A multipart form posting one file under the field {@code file}, as a browser's upload form sends it. */
        public static Request upload(String path, String fileName, byte[] content) {
            String boundary = "----par-upload-" + Integer.toHexString(fileName.hashCode());
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return new Request("POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
        }

        public Request withContentType(String type) {
            return new Request(method, path, type, body);
        }

        /** The same request to another path: for a resource created after the request was generated. */
        public Request withPath(String other) {
            return new Request(method, other, contentType, body);
        }

        public Request withBody(String text) {
            return new Request(method, path, contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = bodyText();
            return method + " " + path + " [" + contentType + "] " + (text.length() > 300 ? text.substring(0, 300) + "… (" + body.length + " bytes)" : text);
        }
    }

    public record Response(int status, String contentType, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as JSON, or a missing node when it is not JSON. */
        public JsonNode json() {
            try {
                return body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
            } catch (JacksonException e) {
                return JSON.missingNode();
            }
        }

        @Override
        public String toString() {
            return status + " [" + contentType + "] " + body;
        }
    }

    public Response send(Request request) {
        return send(request, HttpRequest.BodyPublishers.ofByteArray(request.body()));
    }

    /** The same request with no Content-Length: its body streams in chunks, of a length the server cannot know ahead. */
    public Response sendChunked(Request request) {
        return send(request, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body())));
    }

    private Response send(Request request, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path())).timeout(Duration.ofSeconds(30))
                .method(request.method(), body);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
