package vn.gov.par.driver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.localruntime.SignIn;

/**
 * JSON over HTTP to one service, failing loudly on anything but a 2xx answer: {@link Unreachable} when no answer came
 * (the service is down or went down mid-request), {@link Refused} when it answered with an error.
 */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final URI base;
    private final SignIn signIn;

    /** For what anyone may read (the Prometheus scrape, the health): no token is sent. */
    public Http(URI base) {
        this(base, null);
    }

    /** For the API: every request carries the signed-in user's access token. */
    public Http(URI base, SignIn signIn) {
        this.base = base;
        this.signIn = signIn;
    }

    public JsonNode get(String path) {
        return send(request(path).GET());
    }

    public String text(String path) {
        return exchange(request(path).GET()).body();
    }

    public JsonNode post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(json(body)));
    }

    public JsonNode put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(json(body)));
    }

    /** @param timeout how long to wait for the answer: a bulk import is one request doing the work of thousands */
    public JsonNode postText(String path, String contentType, String body, Duration timeout) {
        return send(request(path).timeout(timeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        return signIn == null ? request : signIn.authorize(request);
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8);
    }

    private JsonNode send(HttpRequest.Builder request) {
        return JSON.readTree(exchange(request).body());
    }

    private HttpResponse<String> exchange(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new Refused(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                        + response.body(), response.statusCode());
            }
            return response;
        } catch (IOException e) {
            throw new Unreachable(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** No answer: the request may or may not have taken effect, and may be tried again once the service is back. */
    public static final class Unreachable extends IllegalStateException {

        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The service answered with an error status. */
    public static final class Refused extends IllegalStateException {

        private final int status;

        Refused(String message, int status) {
            super(message);
            this.status = status;
        }

        /** A 5xx: the service failed, not the request; trying again may succeed. */
        public boolean isServerError() {
            return status / 100 == 5;
        }
    }
}
