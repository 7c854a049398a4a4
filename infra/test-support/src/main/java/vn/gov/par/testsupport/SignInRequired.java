package vn.gov.par.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Every operation a service documents, called by a stranger: with no token, an expired one, or one signed by another
 * key. Each must be a 401 problem naming why, with the store and the topics exactly as they were.
 */
public final class SignInRequired {

    private static final String SOMEONE = "honquan.canbo";

    private SignInRequired() {
    }

    public static void assertEveryOperationRefusesStrangers(int port, MongoTemplate mongo, List<String> topics) {
        HttpJson anonymous = HttpJson.onPort(port).anonymous();
        JsonNode paths = anonymous.ok(anonymous.get("/v3/api-docs")).path("paths");
        Map<String, String> strangers = Map.of(
                "unauthenticated", "",
                "invalid-token (expired)", TestTokens.expired(SOMEONE, "694", "CAN_BO", "LANH_DAO", "QUAN_TRI"),
                "invalid-token (another key)", TestTokens.forged(SOMEONE, "694", "CAN_BO", "LANH_DAO", "QUAN_TRI"));
        int operations = 0;
        for (Map.Entry<String, String> stranger : strangers.entrySet()) {
            RawHttp http = stranger.getValue().isEmpty() ? RawHttp.onPort(port).anonymous() : RawHttp.onPort(port).as(stranger.getValue());
            RefusalProbe probe = new RefusalProbe(http, mongo, topics, List.of());
            String code = stranger.getKey().split(" ")[0];
            for (String path : paths.propertyNames()) {
                for (String method : paths.path(path).propertyNames()) {
                    RawHttp.Request request = requestFor(method, path, paths.path(path).path(method));
                    String description = stranger.getKey() + ": " + request;
                    RawHttp.Response answer = http.send(request);
                    assertThat(answer.status()).as(description).isEqualTo(401);
                    assertThat(answer.json().path("code").asString()).as(description).isEqualTo(code);
                    probe.send(description, request);
                    operations++;
                }
            }
        }
        assertThat(operations).as("operations tried").isGreaterThan(strangers.size());
    }

    /** The operation called as a client would: its path variables filled, a body of its first media type when it takes one. */
    private static RawHttp.Request requestFor(String method, String path, JsonNode operation) {
        String filled = path.replaceAll("\\{[^}]+}", "2027-01-05");
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isEmpty()) {
            return new RawHttp.Request(method.toUpperCase(), filled, null, new byte[0]);
        }
        String type = content.propertyNames().iterator().next();
        JsonNode example = content.path(type).path("example");
        String body = example.isMissingNode() ? "{}" : example.isString() ? example.asString() : example.toString();
        return new RawHttp.Request(method.toUpperCase(), filled, type, body.getBytes(StandardCharsets.UTF_8));
    }
}
