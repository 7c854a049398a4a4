package vn.gov.par.localruntime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A demo user signed in to the local Keycloak through the {@code par-cli} client, as the README's {@code curl} does:
 * the access token for the runtime's own calls and for the harnesses that drive the platform, kept until shortly
 * before it expires and then asked for again.
 */
public final class SignIn {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
    private static final Duration MARGIN = Duration.ofMinutes(1);
    /** The demo users' password, in the local realm only. */
    public static final String DEMO_PASSWORD = "demo";

    private final URI tokenEndpoint;
    private final String username;
    private String token;
    private Instant renewAfter = Instant.MIN;

    public SignIn(PlatformSettings settings, String username) {
        this.tokenEndpoint = URI.create(settings.issuerUri() + "/protocol/openid-connect/token");
        this.username = username;
    }

    /** The request, carrying this user's access token. */
    public HttpRequest.Builder authorize(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + accessToken());
    }

    public synchronized String accessToken() {
        if (Instant.now().isAfter(renewAfter)) {
            signIn();
        }
        return token;
    }

    private void signIn() {
        String form = "grant_type=password&client_id=par-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + DEMO_PASSWORD;
        try {
            HttpResponse<String> response = Probes.HTTP.send(HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher accessToken = ACCESS_TOKEN.matcher(response.body());
            Matcher expiresIn = EXPIRES_IN.matcher(response.body());
            if (response.statusCode() != 200 || !accessToken.find() || !expiresIn.find()) {
                throw new IllegalStateException("Keycloak did not sign " + username + " in (HTTP " + response.statusCode() + "): "
                        + response.body());
            }
            token = accessToken.group(1);
            renewAfter = Instant.now().plusSeconds(Long.parseLong(expiresIn.group(1))).minus(MARGIN);
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak at " + tokenEndpoint + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
