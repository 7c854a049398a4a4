package vn.gov.par.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keycloak as run-local.sh starts it: the realm par imported on the first start, each demo user signed in as the
 * runtime and the harnesses sign in ({@link SignIn}), its unit and role in the access token; and the realm still there,
 * not imported again, after a restart.
 */
class KeycloakServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static PlatformSettings settings;
    private static ManagedProcess keycloak;

    @BeforeAll
    static void start() throws Exception {
        Path module = Path.of("").toAbsolutePath();
        Path data = Files.createTempDirectory(module.resolve("target"), "keycloak-test-");
        Map<ServiceModule, Integer> ports = new EnumMap<>(ServiceModule.class);
        for (ServiceModule service : ServiceModule.values()) {
            ports.put(service, service.defaultPort());
        }
        settings = new PlatformSettings(module.resolve("../.."), data, 9092, 9093, 27017, 3025, 3143, 8025, freePort(), freePort(), 8080, ports);
        KeycloakServer.prepare(settings);
        keycloak = KeycloakServer.process(settings, Duration.ofMinutes(4), Compilation.QUICK_START);
        keycloak.start();
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.stop();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "tinh.lanhdao,    70,     LANH_DAO",
            "tinh.snv,        70-SNV, CAN_BO",
            "honquan.lanhdao, 694,    LANH_DAO",
            "honquan.canbo,   694,    CAN_BO",
            "thanhan.canbo,   25327,  CAN_BO",
            "quantri,         TW,     QUAN_TRI"})
    void aDemoUserGetsATokenNamingItsUnitAndRole(String username, String unitCode, String role) throws Exception {
        JsonNode claims = claimsOf(new SignIn(settings, username).accessToken());
        assertThat(claims.get("unit_code").asText()).isEqualTo(unitCode);
        assertThat(claims.get("preferred_username").asText()).isEqualTo(username);
        assertThat(claims.at("/realm_access/roles").toString()).contains("\"" + role + "\"");
        assertThat(claims.get("iss").asText()).isEqualTo(settings.issuerUri().toString());
        assertThat(claims.get("name").asText()).isNotBlank();
    }

    @Test
    void aWrongPasswordAndTheConsolesClientGetNoToken() throws Exception {
        assertThat(passwordGrant("par-cli", "honquan.canbo", "sai-mat-khau").statusCode()).isEqualTo(401);
        // The console signs in through the browser (authorization code with PKCE), never with a password sent to it.
        assertThat(passwordGrant("par-console", "honquan.canbo", "demo").statusCode()).isIn(400, 401);
    }

    @Test
    void theRealmOutlivesARestartWithoutBeingImportedAgain() throws Exception {
        keycloak.stop();
        keycloak.start();

        assertThat(passwordGrant("par-cli", "thanhan.canbo", "demo").statusCode()).isEqualTo(200);
        assertThat(Files.readString(keycloak.logFile())).containsOnlyOnce("Realm 'par' imported");
    }

    private static HttpResponse<String> passwordGrant(String client, String username, String password) throws IOException, InterruptedException {
        String form = Map.of("grant_type", "password", "client_id", client, "username", username, "password", password).entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.issuerUri() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claimsOf(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
