package vn.gov.par.localruntime;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the local platform keeps its files and which ports it listens on.
 * {@link #fromEnvironment()} reads the variables that run-local.sh documents; a test harness
 * can build its own instance instead (other ports, a throw-away data folder).
 */
public record PlatformSettings(
        Path projectRoot,
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int smtpPort,
        int imapPort,
        int mailApiPort,
        int keycloakPort,
        int keycloakManagementPort,
        int consolePort,
        Map<ServiceModule, Integer> servicePorts) {

    public PlatformSettings {
        projectRoot = projectRoot.toAbsolutePath().normalize();
        dataDir = projectRoot.resolve(dataDir).normalize();
        servicePorts = Map.copyOf(servicePorts);
        for (ServiceModule module : ServiceModule.values()) {
            if (!servicePorts.containsKey(module)) {
                throw new IllegalArgumentException("no port given for " + module.moduleName());
            }
        }
    }

    /** Project root = the working directory, which run-local.sh sets to the repository root. */
    public static PlatformSettings fromEnvironment() {
        return fromVariables(Path.of(""), System.getenv());
    }

    static PlatformSettings fromVariables(Path projectRoot, Map<String, String> variables) {
        Map<ServiceModule, Integer> servicePorts = new EnumMap<>(ServiceModule.class);
        for (ServiceModule module : ServiceModule.values()) {
            servicePorts.put(module, port(variables, module.portVariable(), module.defaultPort()));
        }
        String dataDir = variables.getOrDefault("PAR_DATA_DIR", "");
        return new PlatformSettings(
                projectRoot,
                Path.of(dataDir.isBlank() ? "data" : dataDir),
                port(variables, "KAFKA_PORT", 9092),
                port(variables, "KAFKA_CONTROLLER_PORT", 9093),
                port(variables, "MONGODB_PORT", 27017),
                port(variables, "SMTP_PORT", 3025),
                port(variables, "IMAP_PORT", 3143),
                port(variables, "MAIL_API_PORT", 8025),
                port(variables, "KEYCLOAK_PORT", 8180),
                port(variables, "KEYCLOAK_MANAGEMENT_PORT", 9180),
                port(variables, "CONSOLE_PORT", 8080),
                servicePorts);
    }

    private static int port(Map<String, String> variables, String name, int defaultPort) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the variable's name
        }
        throw new IllegalArgumentException(name + " must be a TCP port (1-65535), not '" + value + "'");
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path logFile(String component) {
        return logDir().resolve(component + ".log");
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    public String mongoUri(ServiceModule module) {
        return "mongodb://localhost:" + mongoPort + "/" + module.databaseName();
    }

    public int servicePort(ServiceModule module) {
        return servicePorts.get(module);
    }

    public URI serviceBaseUrl(ServiceModule module) {
        return URI.create("http://localhost:" + servicePort(module));
    }

    /** The console: officials' pages and the one origin of every service's API. */
    public URI consoleUrl() {
        return URI.create("http://localhost:" + consolePort);
    }

    public Path consoleJar() {
        return projectRoot.resolve("console/target/console-exec.jar");
    }

    public URI mailApiUrl() {
        return URI.create("http://localhost:" + mailApiPort + "/");
    }

    /** Unpacked there by this module's pom from Keycloak's distribution on Maven Central. */
    public Path keycloakHome() {
        return projectRoot.resolve("infra/local-runtime/target/keycloak");
    }

    public URI keycloakUrl() {
        return URI.create("http://localhost:" + keycloakPort);
    }

    /** Keycloak's health and metrics, on a port of their own. */
    public URI keycloakManagementUrl() {
        return URI.create("http://localhost:" + keycloakManagementPort);
    }

    /** The issuer of the tokens the services accept: the realm par on the local Keycloak. */
    public URI issuerUri() {
        return keycloakUrl().resolve("/realms/par");
    }

    /** Copied there by this module's pom, away from target/lib: the jar bundles its own slf4j and Jackson. */
    public Path greenMailJar() {
        return projectRoot.resolve("infra/local-runtime/target/greenmail/greenmail-standalone.jar");
    }
}
