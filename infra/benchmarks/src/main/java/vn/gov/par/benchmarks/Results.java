package vn.gov.par.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;
import vn.gov.par.driver.Http;
import vn.gov.par.driver.PlatformGauges.CollectionWork;
import vn.gov.par.driver.PlatformGauges.CpuUse;
import vn.gov.par.driver.PlatformGauges.StoreWork;

/** The figures of one run, printed as a table for people and written as JSON for tools and comparisons. */
final class Results {

    private static final int STORE_WORK_COLLECTIONS_SHOWN = 10;

    private final Map<String, Object> machine = machine();
    private final String startedAt = Instant.now().toString();
    private final double scale;
    private final List<CascadeWorkload.Outcome> cascades = new ArrayList<>();
    private final Map<String, ApiLatencyWorkload.Outcome> apiLatency = new LinkedHashMap<>();
    private final Map<String, RawPipeWorkload.Outcome> rawPipe = new LinkedHashMap<>();
    private DeadlineSweepWorkload.Outcome sweep;
    private Map<String, JsonNode> demoPages = Map.of();
    private StoreWritesWorkload.Outcome storeWrites;

    Results(double scale) {
        this.scale = scale;
    }

    void cascade(CascadeWorkload.Outcome outcome) {
        cascades.add(outcome);
    }

    void apiLatency(String workload, ApiLatencyWorkload.Outcome latency) {
        apiLatency.put(workload, latency);
    }

    void rawPipe(String workload, RawPipeWorkload.Outcome outcome) {
        rawPipe.put(workload, outcome);
    }

    void sweep(DeadlineSweepWorkload.Outcome outcome) {
        this.sweep = outcome;
    }

    void demoPages(Map<String, JsonNode> latency) {
        this.demoPages = latency;
    }

    void storeWrites(StoreWritesWorkload.Outcome outcome) {
        this.storeWrites = outcome;
    }

    String json() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("startedAt", startedAt);
        all.put("machine", machine);
        all.put("scale", scale);
        all.put("cascades", cascades);
        all.put("apiLatency", apiLatency);
        all.put("rawPipe", rawPipe);
        all.put("deadlineSweep", sweep);
        all.put("demoPages", demoPages);
        all.put("storeWrites", storeWrites);
        return Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all);
    }

    String table() {
        StringBuilder out = new StringBuilder();
        line(out, "Machine: %s cores, %s MiB, %s; Java %s; scale %s", machine.get("cores"), machine.get("memoryMiB"), machine.get("cpu"),
                machine.get("java"), scale);
        for (CascadeWorkload.Outcome c : cascades) {
            line(out, "");
            line(out, "%s: %d units (%d provinces, %d districts, %d communes, %d agencies)", c.workload(), c.units(), c.provinces(),
                    c.districts(), c.communes(), c.agencies());
            line(out, "  %-44s %s%s", "cascade to quiescence", c.quiescent() ? "%.1f s".formatted(c.seconds())
                    : "NOT QUIESCENT after %.1f s".formatted(c.seconds()), c.spans() > 1 ? " of running, over %d runs".formatted(c.spans()) : "");
            line(out, "  %-44s %,d (%,.0f per second)", "events", c.events(), c.eventsPerSecond());
            line(out, "  %-44s %,d", "documents stored", c.documentsAdded());
            int cascaded = c.units() - 1;
            line(out, "  %-44s %,d commands, %,d documents written", "store work, counted by the store", c.storeWork().commands(),
                    c.storeWork().documentsWritten());
            line(out, "  %-44s %,.1f commands, %,.1f documents written", "  per cascaded unit (" + cascaded + ")",
                    c.storeWork().commands() / (double) cascaded, c.storeWork().documentsWritten() / (double) cascaded);
            line(out, "  %-44s %,.1f commands, %,.1f documents written", "  per event published",
                    c.storeWork().commands() / (double) Math.max(1, c.events()), c.storeWork().documentsWritten() / (double) Math.max(1, c.events()));
            storeWorkLines(out, c.storeWork(), cascaded);
            line(out, "  %-44s %,d (%d refused)", "sub-plans issued by the units", c.subPlansIssued(), c.issueFailures());
            c.counts().forEach((what, count) -> line(out, "  %-44s %,d", what, count));
            line(out, "  %-44s %s", "documents added, by collection", c.addedByCollection());
            line(out, "  %-44s %s", "peak memory (MiB)", c.peakMemoryMiB());
            cpuLines(out, c.cpuUse(), c.seconds());
            line(out, "  %-44s %.1f s", "import of the hierarchy (not in the above)", c.importSeconds());
        }
        apiLatency.forEach((workload, latency) -> {
            line(out, "");
            line(out, "Views after the %s cascade, %d clients from a second process, %d s, each request signed in as its official (API: token; page: console session):",
                    workload, ApiLatencyWorkload.CLIENTS, ApiLatencyWorkload.MEASURED_SECONDS);
            latency.views().forEach((view, l) -> latencyLine(out, view, l));
            latency.tokenChecks().forEach((service, checks) -> line(out, "  %-40s %8.1f µs per request, mean of %,d checks",
                    "token check in " + service, checks.meanMicros(), checks.checks()));
        });
        rawPipe.forEach((workload, pipe) -> {
            line(out, "");
            line(out, "Raw pipe beside the %s cascade: %,d records produced, consumed and stored in %.1f s = %,.0f per second", workload,
                    pipe.records(), pipe.seconds(), pipe.recordsPerSecond());
            line(out, "  the platform's events per second:            %,10.1f = %.3f of the raw pipe", pipe.platformEventsPerSecond(),
                    pipe.platformShare());
            line(out, "  the platform's documents stored per second:  %,10.1f = %.3f of the raw pipe", pipe.platformDocumentsPerSecond(),
                    pipe.platformDocumentShare());
        });
        if (sweep != null) {
            line(out, "");
            line(out, "Deadline sweep: %,d occurrences, %,d past due: %s after they fell due (%s, made due"
                            + " by one write of %.1f s not counted; the sweep runs every 2 s)",
                    sweep.occurrences(), sweep.due(), sweep.complete() ? "all found and announced in %.1f s".formatted(sweep.seconds())
                            : "NOT all announced %.1f s".formatted(sweep.seconds()),
                    sweep.insertSeconds() > 0 ? "written in %.1f s beforehand".formatted(sweep.insertSeconds()) : "written by an earlier run",
                    sweep.fallDueSeconds());
            line(out, "  %-44s %.1f s", "the first sweep after the platform started", sweep.firstSweepSeconds());
            line(out, "  %-44s %s", "peak memory (MiB)", sweep.peakMemoryMiB());
        }
        if (!demoPages.isEmpty()) {
            line(out, "");
            line(out, "Console pages at the demo scale, %d clients from a second process, %d s, each signed in as the demo official named:",
                    ApiLatencyWorkload.CLIENTS, ApiLatencyWorkload.MEASURED_SECONDS);
            demoPages.forEach((page, l) -> latencyLine(out, page, l));
            line(out, "  %-40s p95 %8.1f ms", "highest of the pages",
                    demoPages.values().stream().mapToDouble(l -> l.get("p95Ms").asDouble()).max().orElse(Double.NaN));
        }
        if (storeWrites != null) {
            line(out, "");
            line(out, "The store alone: %,d occurrences inserted five at a time, then each updated by id, by %d clients: %.1f s, the"
                    + " store's CPU %.1f s", storeWrites.documents(), storeWrites.clients(), storeWrites.seconds(), storeWrites.storeCpuSeconds());
        }
        return out.toString();
    }

    /**
     * What the cores were busy with over a cascade: the CPU-seconds of every process, the most first, and their sum against
     * what the machine's cores could give over the cascade's time.
     */
    /** The collections sent the most commands, each with them by kind per cascaded unit and the store's time on them. */
    private static void storeWorkLines(StringBuilder out, StoreWork work, int cascaded) {
        if (work.byCollection().isEmpty()) {
            return;
        }
        line(out, "  %-44s", "  by collection, per cascaded unit (the store's time on them, waits included)");
        work.byCollection().entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, CollectionWork> e) -> e.getValue().commands()).reversed())
                .limit(STORE_WORK_COLLECTIONS_SHOWN)
                .forEach(collection -> {
                    StringJoiner kinds = new StringJoiner(", ");
                    collection.getValue().commandsByKind().forEach((kind, count) -> {
                        if (!kind.equals("total") && count > 0) {
                            kinds.add(String.format(Locale.ROOT, "%s %.1f", kind, count / (double) cascaded));
                        }
                    });
                    line(out, "    %-42s %,6.1f (%s) %,.0f s", collection.getKey(), collection.getValue().commands() / (double) cascaded,
                            kinds, collection.getValue().micros() / 1e6);
                });
    }

    private void cpuLines(StringBuilder out, CpuUse cpu, double seconds) {
        int cores = (Integer) machine.get("cores");
        line(out, "  %-44s %,.0f of the %,.0f the %d cores could give (%.0f %%)", "CPU-seconds used", cpu.total(), seconds * cores, cores,
                100 * cpu.total() / (seconds * cores));
        StringJoiner byProcess = new StringJoiner(", ", "{", "}");
        cpu.secondsByProcess().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(process -> byProcess.add(String.format(Locale.ROOT, "%s=%.0f", process.getKey(), process.getValue())));
        line(out, "  %-44s %s", "  by process", byProcess);
    }

    private static void latencyLine(StringBuilder out, String view, JsonNode l) {
        line(out, "  %-40s p50 %8.1f ms  p95 %8.1f ms  p99 %8.1f ms  (%d requests, %d errors)", view, l.get("p50Ms").asDouble(),
                l.get("p95Ms").asDouble(), l.get("p99Ms").asDouble(), l.get("requests").asInt(), l.get("errors").asInt());
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryMiB", procValue("/proc/meminfo", "MemTotal:") / 1024);
        machine.put("cpu", procLine("/proc/cpuinfo", "model name"));
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return machine;
    }

    private static long procValue(String file, String prefix) {
        String line = procLine(file, prefix);
        return line.isEmpty() ? -1 : Long.parseLong(line.replaceAll("\\D", ""));
    }

    private static String procLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
