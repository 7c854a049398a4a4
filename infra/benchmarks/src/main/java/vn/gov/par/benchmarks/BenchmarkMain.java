package vn.gov.par.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.gov.par.driver.NationalHierarchy;
import vn.gov.par.driver.PlatformGauges;
import vn.gov.par.localruntime.LocalPlatform;
import vn.gov.par.localruntime.PlatformSettings;
import vn.gov.par.localruntime.ServiceModule;
import vn.gov.par.localruntime.StartupFailedException;

/**
 * Runs the benchmark workloads against the platform on the embedded default, each service its own process as a
 * user runs them, and prints the figures as a table and as JSON. Run by infra/benchmarks/run.sh.
 *
 * <p>Options: {@code --workloads two-tier,three-tier,sweep,demo,store-writes} (default all), {@code --scale 1.0} (share of
 * the national unit counts, and of store-writes' 16,000 documents), {@code --limit-minutes 150} (how long a cascade may
 * take before it is reported unfinished; national three-tier took 105 on 2 cores), {@code --out FILE} (JSON results, default
 * infra/benchmarks/target/benchmark-results.json), {@code --resume DATA_DIR} (go on with the cascade a stopped run left
 * there, instead of the workloads; in a sweep's folder, another sweep over the occurrences it holds).
 */
public final class BenchmarkMain {

    private static final PrintStream OUT = System.out;

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Options options = Options.parse(args);
        if (options.resume() != null) {
            resume(options);
            return;
        }
        Results results = new Results(options.scale());
        if (options.workloads().contains("two-tier")) {
            onFreshPlatform("two-tier", Map.of(), (platform, dataDir) -> {
                try (PlatformGauges gauges = new PlatformGauges(platform)) {
                    measure(platform, new CascadeWorkload(platform, gauges, OUT, options.limit())
                            .run(NationalHierarchy.twoTier(options.scale()), options.scale(), dataDir), results, options);
                }
            });
            save(results, options);
        }
        if (options.workloads().contains("three-tier")) {
            onFreshPlatform("three-tier", Map.of(), (platform, dataDir) -> {
                try (PlatformGauges gauges = new PlatformGauges(platform)) {
                    measure(platform, new CascadeWorkload(platform, gauges, OUT, options.limit())
                            .run(NationalHierarchy.threeTier(options.scale()), options.scale(), dataDir), results, options);
                }
            });
            save(results, options);
        }
        if (options.workloads().contains("demo")) {
            onFreshPlatform("demo", Map.of(), (platform, dataDir) -> {
                try (PlatformGauges gauges = new PlatformGauges(platform)) {
                    results.demoPages(new DemoPagesWorkload(platform, gauges, OUT).run());
                }
            });
            save(results, options);
        }
        if (options.workloads().contains("sweep")) {
            onFreshPlatform("sweep", DeadlineSweepWorkload.SERVICE_ENVIRONMENT, (platform, dataDir) -> {
                try (PlatformGauges gauges = new PlatformGauges(platform)) {
                    results.sweep(new DeadlineSweepWorkload(platform, gauges, OUT).run((int) Math.round(1_000_000 * options.scale())));
                }
            });
            save(results, options);
        }
        if (options.workloads().contains("store-writes")) {
            results.storeWrites(StoreWritesWorkload.run(settings(freshDataDir("store-writes")), (int) Math.round(2_000 * options.scale()), OUT));
            save(results, options);
        }
        print(results, options);
    }

    /**
     * Goes on with a cascade a stopped run left in its data folder (a run longer than the machine stays up): the platform
     * starts again on that data, as after a crash, and the cascade's time is the running time of every run together.
     */
    private static void resume(Options options) throws Exception {
        Path dataDir = options.resume();
        if (!Files.exists(dataDir.resolve(CascadeWorkload.Checkpoint.FILE)) && Files.exists(dataDir.resolve("mongo"))) {
            sweepAgain(dataDir, options);
            return;
        }
        CascadeWorkload.Checkpoint checkpoint = CascadeWorkload.Checkpoint.read(dataDir);
        Results results = new Results(checkpoint.scale());
        onPlatform(dataDir, "resumed " + checkpoint.workload(), Map.of(), (platform, data) -> {
            try (PlatformGauges gauges = new PlatformGauges(platform)) {
                measure(platform, new CascadeWorkload(platform, gauges, OUT, options.limit()).resume(checkpoint, data), results, options);
            }
        });
        save(results, options);
        print(results, options);
    }

    /** A sweep's data folder: another sweep over the occurrences it holds, on a platform started again on it. */
    private static void sweepAgain(Path dataDir, Options options) throws Exception {
        Results results = new Results(1.0);
        onPlatform(dataDir, "sweep, again", DeadlineSweepWorkload.SERVICE_ENVIRONMENT, (platform, data) -> {
            try (PlatformGauges gauges = new PlatformGauges(platform)) {
                results.sweep(new DeadlineSweepWorkload(platform, gauges, OUT).again());
            }
        });
        save(results, options);
        print(results, options);
    }

    /**
     * A cascade's figures and, once it has settled (latency under a cascade still running would not compare), the console
     * views' latency on what it left and the raw pipe moving as many records as it published.
     */
    private static void measure(LocalPlatform platform, CascadeWorkload.Outcome cascade, Results results, Options options)
            throws IOException, InterruptedException {
        results.cascade(cascade);
        save(results, options);
        if (cascade.quiescent()) {
            results.apiLatency(cascade.workload(), ApiLatencyWorkload.run(platform, cascade.centralPlanId(), OUT));
            results.rawPipe(cascade.workload(), RawPipeWorkload.run(platform, cascade, OUT));
        }
    }

    private static void print(Results results, Options options) {
        OUT.println();
        OUT.print(results.table());
        OUT.println("Figures written to " + options.out().toAbsolutePath());
    }

    /** After each workload, so that a long run stopped later keeps the figures it has. */
    private static void save(Results results, Options options) throws IOException {
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), results.json(), StandardCharsets.UTF_8);
    }

    interface Workload {
        void run(LocalPlatform platform, Path dataDir) throws Exception;
    }

    /** Each workload gets a platform of its own, on its own ports and data folder, so none sees another's data. */
    private static void onFreshPlatform(String name, Map<String, String> serviceEnvironment, Workload workload) throws Exception {
        onPlatform(freshDataDir(name), name, serviceEnvironment, workload);
    }

    private static Path freshDataDir(String workload) {
        return Path.of("infra/benchmarks/target/benchmark-data", workload + "-" + Instant.now().getEpochSecond());
    }

    private static void onPlatform(Path dataDir, String name, Map<String, String> serviceEnvironment, Workload workload) throws Exception {
        LocalPlatform platform = new LocalPlatform(settings(dataDir), OUT, serviceEnvironment);
        Thread stopOnExit = new Thread(platform::stop, "benchmark-platform-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            OUT.println("Starting a platform for the " + name + " workload (logs in " + dataDir.resolve("logs") + ")");
            platform.start();
            workload.run(platform, dataDir);
        } catch (StartupFailedException | IOException e) {
            throw new IllegalStateException("The platform did not start: " + e.getMessage(), e);
        } finally {
            platform.stop();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    /** Ports 100 above the local defaults, so a platform started with run-local.sh may keep running meanwhile. */
    private static PlatformSettings settings(Path dataDir) {
        Map<ServiceModule, Integer> ports = new EnumMap<>(ServiceModule.class);
        for (ServiceModule module : ServiceModule.values()) {
            ports.put(module, module.defaultPort() + 100);
        }
        return new PlatformSettings(Path.of(""), dataDir, 9192, 9193, 27117, 3125, 3243, 8125, 8280, 9280, 8190, ports);
    }

    record Options(List<String> workloads, double scale, Duration limit, Path out, Path resume) {

        static Options parse(String[] args) {
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("Every option takes a value: --workloads, --scale, --limit-minutes, --out, --resume");
            }
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("Expected --option value pairs, found '" + args[i] + "'");
                }
                given.put(args[i].substring(2), args[i + 1]);
            }
            return new Options(List.of(given.getOrDefault("workloads", "two-tier,three-tier,sweep,demo,store-writes").split(",")),
                    Double.parseDouble(given.getOrDefault("scale", "1.0")),
                    Duration.ofMinutes(Long.parseLong(given.getOrDefault("limit-minutes", "150"))),
                    Path.of(given.getOrDefault("out", "infra/benchmarks/target/benchmark-results.json")),
                    given.containsKey("resume") ? Path.of(given.get("resume")) : null);
        }
    }
}
