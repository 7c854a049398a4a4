package vn.gov.par.console.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The four services and the identity provider's discovery document, served over real HTTP from the test JVM: a test
 * says what a service answers to a request, runs the page, and reads what the console sent (path, query, token, body).
 * Services' paths do not overlap, so one server stands for all four.
 */
public final class FakeServices {

    private static final FakeServices SHARED = start();

    private final HttpServer server;
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public record Received(String method, String path, String query, String authorization, String contentType, String body) {

        public boolean hasParameter(String parameter) {
            return query != null && Arrays.asList(query.split("&")).contains(parameter);
        }
    }

    private record Answer(String method, String path, List<String> parameters, int status, String contentType, byte[] body) {

        boolean matches(String method, String path, String query) {
            List<String> given = query == null ? List.of() : Arrays.asList(query.split("&"));
            return this.method.equals(method) && this.path.equals(path) && given.containsAll(parameters);
        }
    }

    private FakeServices(HttpServer server) {
        this.server = server;
    }

    /** One server for the whole test run, as the Spring contexts that point at it are cached across test classes. */
    public static FakeServices shared() {
        return SHARED;
    }

    private static FakeServices start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            FakeServices fake = new FakeServices(server);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public URI issuer() {
        return url().resolve("/realms/par");
    }

    /** Forgets every answer and request. */
    public void reset() {
        answers.clear();
        received.clear();
    }

    /**
     * What a service answers to {@code method path}, when the query holds every one of {@code parameters} ("status=OVERDUE");
     * the latest answer given for a request wins.
     */
    public void answer(String method, String path, int status, String json, String... parameters) {
        answers.add(0, new Answer(method, path, List.of(parameters), status,
                status >= 400 ? "application/problem+json" : "application/json", json.getBytes(StandardCharsets.UTF_8)));
    }

    public void answer(String method, String path, String json, String... parameters) {
        answer(method, path, 200, json, parameters);
    }

    public void answerBytes(String method, String path, String contentType, byte[] body) {
        answers.add(0, new Answer(method, path, List.of(), 200, contentType, body));
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> received(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (path.equals("/realms/par/.well-known/openid-configuration")) {
                send(exchange, 200, "application/json", discovery().getBytes(StandardCharsets.UTF_8));
                return;
            }
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String decodedQuery = exchange.getRequestURI().getQuery();
            received.add(new Received(method, path, decodedQuery, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            for (Answer answer : answers) {
                if (answer.matches(method, path, decodedQuery)) {
                    send(exchange, answer.status(), answer.contentType(), answer.body());
                    return;
                }
            }
            send(exchange, 404, "application/problem+json", ("{\"status\":404,\"code\":\"not-found\",\"title\":\"Không tìm thấy\","
                    + "\"detail\":\"Không có " + path + (query == null ? "" : "?" + query) + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private String discovery() {
        String issuer = issuer().toString();
        return """
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/protocol/openid-connect/auth",
                 "token_endpoint": "%1$s/protocol/openid-connect/token", "jwks_uri": "%1$s/protocol/openid-connect/certs",
                 "userinfo_endpoint": "%1$s/protocol/openid-connect/userinfo",
                 "end_session_endpoint": "%1$s/protocol/openid-connect/logout",
                 "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"], "code_challenge_methods_supported": ["S256"]}
                """.formatted(issuer);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType + (contentType.startsWith("application/json")
                || contentType.startsWith("application/problem") ? ";charset=UTF-8" : ""));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

}
