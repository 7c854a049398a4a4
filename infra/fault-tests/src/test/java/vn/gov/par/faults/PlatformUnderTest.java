package vn.gov.par.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import vn.gov.par.driver.Http;
import vn.gov.par.driver.Officials;
import vn.gov.par.driver.PlatformGauges;
import vn.gov.par.localruntime.Compilation;
import vn.gov.par.localruntime.LocalPlatform;
import vn.gov.par.localruntime.PlatformSettings;
import vn.gov.par.localruntime.ServiceModule;

/**
 * The platform as run-local.sh runs it (Kafka, the Mongo-compatible store, GreenMail and each service its own
 * process), on ports 300 above the local defaults so it can run beside a local platform and the benchmarks, with its
 * data in a folder of its own that each run starts afresh, and its JIT compiling for a quick start: the suite lives
 * minutes.
 */
final class PlatformUnderTest implements AutoCloseable {

    private static final int OFFSET = 300;

    private final LocalPlatform platform;
    private final PlatformGauges gauges;
    private final Officials officials;

    private PlatformUnderTest(LocalPlatform platform) {
        this.platform = platform;
        this.gauges = new PlatformGauges(platform);
        this.officials = new Officials(platform.settings());
    }

    static PlatformUnderTest start() throws Exception {
        Path module = Path.of(System.getProperty("user.dir"));
        Path data = module.resolve("target/fault-suite-data");
        deleteRecursively(data);
        Map<ServiceModule, Integer> ports = new EnumMap<>(ServiceModule.class);
        for (ServiceModule service : ServiceModule.values()) {
            ports.put(service, service.defaultPort() + OFFSET);
        }
        PlatformSettings settings = new PlatformSettings(module.resolve("../.."), data, 9092 + OFFSET, 9093 + OFFSET,
                27017 + OFFSET, 3025 + OFFSET, 3143 + OFFSET, 8025 + OFFSET, 8180 + OFFSET, 9180 + OFFSET, 8080 + OFFSET, ports);
        // Keys fetched again every few seconds, so that the services notice at once when Keycloak is stopped.
        LocalPlatform platform = new LocalPlatform(settings, System.out, Map.of("PAR_IDENTITYPROVIDER_KEYSREFRESH", "5s"),
                Compilation.QUICK_START);
        try {
            platform.start();
        } catch (Exception | Error e) {
            platform.stop();
            throw e;
        }
        return new PlatformUnderTest(platform);
    }

    LocalPlatform processes() {
        return platform;
    }

    PlatformGauges gauges() {
        return gauges;
    }

    /** The units' leaders, as the suite acts for them. */
    Officials officials() {
        return officials;
    }

    /** A service as the centre's administrator sees it: everything, and the units directory to change. */
    Http http(ServiceModule service) {
        return new Http(platform.settings().serviceBaseUrl(service), platform.signIn());
    }

    String kafkaBootstrapServers() {
        return platform.settings().kafkaBootstrapServers();
    }

    @Override
    public void close() {
        gauges.close();
        platform.stop();
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
