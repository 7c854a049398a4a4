package vn.gov.par.driver;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import vn.gov.par.localruntime.PlatformSettings;
import vn.gov.par.localruntime.ServiceModule;
import vn.gov.par.localruntime.SignIn;

/**
 * The officials a harness acts as, one leader per unit, made in the local Keycloak through its admin API (as a
 * province would create its staff's accounts) and signed in like any user: every request the harness makes carries
 * a real token of the unit it acts for, so the services check it exactly as they check an official's. Accounts are
 * named {@code lanhdao.<unit code>}, with the local realm's demo password; made once, in batches, before a run.
 */
public final class Officials {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Users per partial import: Keycloak hashes each password, so a batch is seconds of work, not minutes. */
    private static final int BATCH = 250;
    /**
     * How the harness's realm hashes the passwords of the accounts it makes. Keycloak's default costs it tens of
     * milliseconds of a core for each account made and each sign-in: with a leader signing in for every unit of a
     * national cascade, Keycloak took a fifth of the two cores the platform is measured on, work that in service is
     * spread over days and runs on Keycloak's own machine. The accounts' password is the demo one anyway.
     */
    private static final String HARNESS_PASSWORD_POLICY = "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)";

    private final PlatformSettings settings;
    private final Map<String, SignIn> signedIn = new ConcurrentHashMap<>();

    public Officials(PlatformSettings settings) {
        this.settings = settings;
    }

    /**
     * Makes a leader (LANH_DAO) account for each of these units; an account that already exists is left as it is. The
     * realm hashes the passwords of those made from here on cheaply ({@link #HARNESS_PASSWORD_POLICY}).
     */
    public void provisionLeaders(List<String> unitCodes) {
        send(HttpRequest.newBuilder(settings.keycloakUrl().resolve("/admin/realms/par"))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(Map.of("passwordPolicy", HARNESS_PASSWORD_POLICY)))));
        for (int from = 0; from < unitCodes.size(); from += BATCH) {
            // The master realm's tokens live a minute, about what one batch takes: a fresh one for each.
            String adminToken = adminToken();
            List<Map<String, Object>> users = new ArrayList<>();
            for (String unit : unitCodes.subList(from, Math.min(unitCodes.size(), from + BATCH))) {
                users.add(Map.of("username", username(unit), "enabled", true, "emailVerified", true,
                        "firstName", "Lãnh đạo", "lastName", unit, "email", username(unit) + "@kiem-thu.example.vn",
                        "attributes", Map.of("unit_code", List.of(unit)), "realmRoles", List.of("LANH_DAO"),
                        "credentials", List.of(Map.of("type", "password", "value", SignIn.DEMO_PASSWORD, "temporary", false))));
            }
            send(HttpRequest.newBuilder(settings.keycloakUrl().resolve("/admin/realms/par/partialImport"))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(Map.of("ifResourceExists", "SKIP", "users", users)),
                            StandardCharsets.UTF_8)));
        }
    }

    /** A service's API as the leader of that unit sees it (the account must have been provisioned). */
    public Http leaderOf(String unitCode, ServiceModule service) {
        return new Http(settings.serviceBaseUrl(service), leader(unitCode));
    }

    /** The leader of that unit, signed in once and kept signed in. */
    public SignIn leader(String unitCode) {
        return signedIn.computeIfAbsent(unitCode, unit -> new SignIn(settings, username(unit)));
    }

    /** The account of that unit's leader. */
    public String username(String unitCode) {
        return "lanhdao." + unitCode.toLowerCase(Locale.ROOT);
    }

    /** The master realm's first administrator, which exists on this machine's Keycloak only. */
    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=" + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        String body = send(HttpRequest.newBuilder(settings.keycloakUrl().resolve("/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        return Http.JSON.readTree(body).get("access_token").asString();
    }

    private static String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
