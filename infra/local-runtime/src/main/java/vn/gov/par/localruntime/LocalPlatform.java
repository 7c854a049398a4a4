package vn.gov.par.localruntime;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Kafka, a Mongo-compatible store, GreenMail, Keycloak, the four services and the console, each as its own process,
 * started in dependency order and stopped in reverse. Each component is reachable through its
 * {@link ManagedProcess}, so a test can kill or restart one of them while the rest keep running.
 */
public final class LocalPlatform {

    private static final Duration INFRASTRUCTURE_STARTUP = Duration.ofSeconds(60);
    private static final Duration SERVICE_STARTUP = Duration.ofSeconds(180);
    /** The demo user the runtime and the harnesses act as: the administrator of the whole country. */
    private static final String ADMINISTRATOR = "quantri";
    /** Its first start builds the server for the options given (about 20 s alone, longer beside the services). */
    private static final Duration IDENTITY_PROVIDER_STARTUP = Duration.ofSeconds(240);

    private final PlatformSettings settings;
    private final PrintStream progress;
    private final ManagedProcess kafka;
    private final ManagedProcess mongo;
    private final ManagedProcess mail;
    private final ManagedProcess keycloak;
    private final Map<ServiceModule, ManagedProcess> services = new EnumMap<>(ServiceModule.class);
    private final ManagedProcess console;
    private final SignIn administrator;

    public LocalPlatform(PlatformSettings settings, PrintStream progress) {
        this(settings, progress, Map.of());
    }

    /**
     * @param serviceEnvironment more environment for every service (a benchmark's sweep interval, say), on top of
     *                           the addresses of the broker, the store and the mail server
     */
    public LocalPlatform(PlatformSettings settings, PrintStream progress, Map<String, String> serviceEnvironment) {
        this(settings, progress, serviceEnvironment, Compilation.FULL);
    }

    /**
     * @param serviceEnvironment more environment for every service, as above
     * @param compilation        how far the JIT of the services, the console and Keycloak compiles: the local run and
     *                           the benchmarks run them as production does ({@link Compilation#FULL}), the test suites
     *                           for a quick start
     */
    public LocalPlatform(PlatformSettings settings, PrintStream progress, Map<String, String> serviceEnvironment,
            Compilation compilation) {
        this.settings = settings;
        this.progress = progress;
        this.kafka = KafkaBroker.process(settings, INFRASTRUCTURE_STARTUP);
        this.mongo = mongoProcess(settings);
        this.mail = greenMailProcess(settings);
        this.keycloak = KeycloakServer.process(settings, IDENTITY_PROVIDER_STARTUP, compilation);
        this.administrator = new SignIn(settings, ADMINISTRATOR);
        for (ServiceModule module : ServiceModule.values()) {
            services.put(module, serviceProcess(settings, module, serviceEnvironment, compilation));
        }
        this.console = consoleProcess(settings, compilation);
    }

    public PlatformSettings settings() {
        return settings;
    }

    public ManagedProcess kafka() {
        return kafka;
    }

    public ManagedProcess mongo() {
        return mongo;
    }

    public ManagedProcess mail() {
        return mail;
    }

    public ManagedProcess keycloak() {
        return keycloak;
    }

    /** The demo administrator's token, for what the runtime and the harnesses send the services themselves. */
    public SignIn signIn() {
        return administrator;
    }

    public ManagedProcess service(ServiceModule module) {
        return services.get(module);
    }

    /** The officials' web console, the platform's one origin. */
    public ManagedProcess console() {
        return console;
    }

    /**
     * Starts everything, each component only once the ones it needs are ready: a Spring Cloud Stream
     * service started before its broker blocks for minutes instead of failing. Keycloak starts beside the services; a
     * service's health is up only once it holds Keycloak's keys, so every token sent after start-up can be checked, and
     * its start-up time counts from when Keycloak is ready. The console starts once Keycloak answers, as it reads
     * Keycloak's discovery document when it starts. Keycloak started alone first takes about 20 s instead of 90, but the
     * whole platform was ready no sooner (105 and 108 s against 108 and 110 s on two cores): the cores bound it, not the order.
     */
    public void start() throws StartupFailedException, IOException, InterruptedException {
        KafkaBroker.prepareStorage(settings);
        KeycloakServer.prepare(settings);
        startAndReport(kafka);
        startAndReport(mongo);
        startAndReport(mail);
        long started = System.nanoTime();
        keycloak.launch();
        for (ManagedProcess service : services.values()) {
            service.launch();
        }
        keycloak.awaitReady();
        reportReady(keycloak, started);
        Instant identityProviderReady = Instant.now();
        console.launch();
        for (ManagedProcess component : services.values()) {
            component.awaitReady(identityProviderReady);
            reportReady(component, started);
        }
        console.awaitReady();
        reportReady(console, started);
    }

    private void reportReady(ManagedProcess component, long launchedAt) {
        progress.printf("  %-22s ready after %.1f s%n", component.name(), seconds(launchedAt));
    }

    private void startAndReport(ManagedProcess component) throws StartupFailedException, InterruptedException {
        long started = System.nanoTime();
        component.start();
        reportReady(component, started);
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    /** The console and the services first, while the broker and the store they flush to are still there; then the rest. */
    public void stop() {
        console.stop();
        stopTogether(services.values());
        keycloak.stop();
        mail.stop();
        mongo.stop();
        kafka.stop();
    }

    private static void stopTogether(Collection<ManagedProcess> processes) {
        processes.stream()
                .map(process -> CompletableFuture.runAsync(process::stop))
                .toList()
                .forEach(CompletableFuture::join);
    }

    /** The embedded store as the platform runs it, not yet started: the benchmarks measure it alone too. */
    public static ManagedProcess mongoProcess(PlatformSettings settings) {
        return new ManagedProcess("mongo",
                // The embedded store keeps every document and index key in its heap (StoreFiles): a national
                // three-tier cascade holds 1.6 million documents. G1 collects that much while the store serves: the
                // parallel collector paused it about 3 s a time, and every request waited (docs/performance.md).
                JavaCommand.mainClass(List.of("-Xmx8g", "-XX:+UseG1GC"), MongoServerMain.class.getName(),
                        "localhost", String.valueOf(settings.mongoPort()),
                        settings.dataDir().resolve("mongo/par.mv").toString()),
                Map.of(), settings.projectRoot(), settings.logFile("mongo"),
                List.of(settings.mongoPort()), INFRASTRUCTURE_STARTUP, Probes.mongo(settings.mongoPort()));
    }

    /** Authentication is off: any user name and password log in, so mailboxes can be read without set-up. */
    private static ManagedProcess greenMailProcess(PlatformSettings settings) {
        List<String> options = List.of("-Xmx128m",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + settings.smtpPort(),
                "-Dgreenmail.imap.hostname=127.0.0.1", "-Dgreenmail.imap.port=" + settings.imapPort(),
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + settings.mailApiPort(),
                "-Dgreenmail.auth.disabled");
        return new ManagedProcess("greenmail",
                JavaCommand.jar(options, settings.greenMailJar()),
                Map.of(), settings.projectRoot(), settings.logFile("greenmail"),
                List.of(settings.smtpPort(), settings.imapPort(), settings.mailApiPort()), INFRASTRUCTURE_STARTUP,
                // Answers only once every configured mail server has started, SMTP included.
                Probes.httpOk(settings.mailApiUrl().resolve("/api/service/readiness")));
    }

    private static ManagedProcess consoleProcess(PlatformSettings settings, Compilation compilation) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "SERVER_PORT", String.valueOf(settings.consolePort()),
                "OIDC_ISSUER_URI", settings.issuerUri().toString()));
        for (ServiceModule module : ServiceModule.values()) {
            environment.put(module.urlVariable(), settings.serviceBaseUrl(module).toString());
        }
        return new ManagedProcess("console", JavaCommand.jar(heapAnd("-Xmx256m", compilation), settings.consoleJar()),
                environment, settings.projectRoot(), settings.logFile("console"),
                List.of(settings.consolePort()), SERVICE_STARTUP, Probes.springHealth(settings.consoleUrl()));
    }

    private static ManagedProcess serviceProcess(PlatformSettings settings, ServiceModule module, Map<String, String> extra,
            Compilation compilation) {
        Map<String, String> environment = new HashMap<>(extra);
        environment.putAll(Map.of(
                "SERVER_PORT", String.valueOf(settings.servicePort(module)),
                "KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers(),
                "MONGODB_URI", settings.mongoUri(module),
                "SMTP_HOST", "localhost",
                "SMTP_PORT", String.valueOf(settings.smtpPort()),
                "OIDC_ISSUER_URI", settings.issuerUri().toString()));
        return new ManagedProcess(module.moduleName(),
                JavaCommand.jar(heapAnd("-Xmx384m", compilation), module.jar(settings.projectRoot())),
                environment, settings.projectRoot(), settings.logFile(module.moduleName()),
                List.of(settings.servicePort(module)), SERVICE_STARTUP,
                Probes.springHealth(settings.serviceBaseUrl(module)));
    }

    private static List<String> heapAnd(String heap, Compilation compilation) {
        List<String> options = new ArrayList<>(List.of(heap));
        options.addAll(compilation.jvmOptions());
        return options;
    }
}
