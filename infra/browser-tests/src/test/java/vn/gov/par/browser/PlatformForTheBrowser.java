package vn.gov.par.browser;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

import vn.gov.par.localruntime.Compilation;
import vn.gov.par.localruntime.DemoUnits;
import vn.gov.par.localruntime.LocalPlatform;
import vn.gov.par.localruntime.PlatformSettings;
import vn.gov.par.localruntime.ServiceModule;

/**
 * The platform the browser tests sign in to: started as run-local.sh starts it (the demo units loaded), on ports of its
 * own and a fresh data folder, its JIT compiling for a quick start; or, with {@code -Dpar.console=http://localhost:8080}, one already running (the steps then use plan numbers
 * of their own, so they can run again on the same data).
 */
final class PlatformForTheBrowser implements AutoCloseable {

    private static final int OFFSET = 400;

    private final LocalPlatform platform;
    private final URI console;

    private PlatformForTheBrowser(LocalPlatform platform, URI console) {
        this.platform = platform;
        this.console = console;
    }

    static PlatformForTheBrowser start() throws Exception {
        String running = System.getProperty("par.console", "");
        if (!running.isBlank()) {
            return new PlatformForTheBrowser(null, URI.create(running));
        }
        Path module = Path.of("").toAbsolutePath();
        Path data = module.resolve("target/browser-tests-data");
        deleteRecursively(data);
        Map<ServiceModule, Integer> ports = new EnumMap<>(ServiceModule.class);
        for (ServiceModule service : ServiceModule.values()) {
            ports.put(service, service.defaultPort() + OFFSET);
        }
        PlatformSettings settings = new PlatformSettings(module.resolve("../.."), data, 9092 + OFFSET, 9093 + OFFSET,
                27017 + OFFSET, 3025 + OFFSET, 3143 + OFFSET, 8025 + OFFSET, 8180 + OFFSET, 9180 + OFFSET, 8080 + OFFSET, ports);
        LocalPlatform platform = new LocalPlatform(settings, System.out, Map.of(), Compilation.QUICK_START);
        try {
            platform.start();
            DemoUnits.loadIfEmpty(settings.serviceBaseUrl(ServiceModule.PLAN), platform.signIn(), System.out);
        } catch (Exception | Error e) {
            platform.stop();
            throw e;
        }
        return new PlatformForTheBrowser(platform, settings.consoleUrl());
    }

    URI console() {
        return console;
    }

    @Override
    public void close() {
        if (platform != null) {
            platform.stop();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
