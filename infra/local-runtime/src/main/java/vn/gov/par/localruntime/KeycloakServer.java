package vn.gov.par.localruntime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keycloak, the sign-in server, from its Maven Central distribution (unpacked by this module's pom, so nothing is
 * downloaded at run time), in development mode: its database is an H2 file under the data folder, and the realm
 * {@code par} (clients, roles, demo users) is imported from {@code keycloak/par-realm.json} on the first start and
 * left as it is afterwards, so what an administrator changed survives a restart.
 */
final class KeycloakServer {

    static final String NAME = "keycloak";
    static final String REALM_FILE = "par-realm.json";

    private KeycloakServer() {
    }

    static ManagedProcess process(PlatformSettings settings, Duration startupTimeout, Compilation compilation) {
        Path home = settings.keycloakHome();
        return new ManagedProcess(NAME,
                JavaCommand.script(home.resolve("bin/kc.sh"), "start-dev",
                        "--http-host=127.0.0.1", "--http-port=" + settings.keycloakPort(),
                        "--http-management-port=" + settings.keycloakManagementPort(), "--health-enabled=true",
                        "--db=dev-file", "--db-url=jdbc:h2:file:" + database(settings) + ";NON_KEYWORDS=VALUE",
                        "--import-realm"),
                environment(compilation),
                settings.projectRoot(), settings.logFile(NAME),
                List.of(settings.keycloakPort(), settings.keycloakManagementPort()), startupTimeout,
                Probes.httpOk(settings.keycloakManagementUrl().resolve("/health/ready")));
    }

    private static Map<String, String> environment(Compilation compilation) {
        Map<String, String> environment = new HashMap<>(Map.of(
                // The first administrator of the master realm, for this machine only; the par realm needs none.
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m"));
        if (!compilation.jvmOptions().isEmpty()) {
            environment.put("JAVA_OPTS_APPEND", String.join(" ", compilation.jvmOptions()));
        }
        return environment;
    }

    /** Where the realm file says the console answers; the console's sign-in and sign-out may only come back there. */
    private static final String REALM_CONSOLE_URL = "http://localhost:8080";

    /**
     * Puts the realm file where {@code --import-realm} reads it, with the console's address as these settings give it
     * (a harness runs it on another port), and makes room for the database.
     */
    static void prepare(PlatformSettings settings) throws IOException, StartupFailedException {
        Path home = settings.keycloakHome();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new StartupFailedException("Keycloak is not unpacked in " + home + ": build first (./mvnw -DskipTests package)");
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/" + REALM_FILE)) {
            String text = new String(realm.readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(imports.resolve(REALM_FILE), text.replace(REALM_CONSOLE_URL, settings.consoleUrl().toString()));
        }
        Files.createDirectories(database(settings).getParent());
    }

    private static Path database(PlatformSettings settings) {
        return settings.dataDir().resolve("keycloak/keycloakdb");
    }
}
