package vn.gov.par.benchmarks;

import static vn.gov.par.driver.CentralPlan.activity;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import vn.gov.par.driver.CentralPlan;
import vn.gov.par.driver.DraftIssuer;
import vn.gov.par.driver.Http;
import vn.gov.par.driver.NationalHierarchy;
import vn.gov.par.driver.Officials;
import vn.gov.par.driver.PlatformGauges;
import vn.gov.par.driver.PlatformGauges.CpuUse;
import vn.gov.par.driver.PlatformGauges.StoreWork;
import vn.gov.par.driver.Quiescence;
import vn.gov.par.localruntime.LocalPlatform;
import vn.gov.par.localruntime.ServiceModule;

/**
 * A central plan with ten activities and a quarterly reporting clause, issued over a national hierarchy; every
 * unit issues its sub-plan as soon as it is drafted, so the cascade reaches every unit. Measured from the issue to
 * quiescence: every obligation, task, report obligation and pending reminder exists and nothing is in flight.
 */
final class CascadeWorkload {

    /** Next year's plan, as plans are issued for the year ahead: every deadline lies after the issue date. */
    static final String PLAN_YEAR = String.valueOf(Year.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusYears(1).getValue());
    private static final int ISSUERS = 4;

    private final LocalPlatform platform;
    private final PlatformGauges gauges;
    private final PrintStream progress;
    private final Duration limit;
    private final Http plans;
    private final Officials officials;

    CascadeWorkload(LocalPlatform platform, PlatformGauges gauges, PrintStream progress, Duration limit) {
        this.platform = platform;
        this.gauges = gauges;
        this.progress = progress;
        this.limit = limit;
        this.plans = new Http(platform.settings().serviceBaseUrl(ServiceModule.PLAN), platform.signIn());
        this.officials = new Officials(platform.settings());
    }

    record Outcome(String workload, int units, int provinces, int districts, int communes, int agencies, double importSeconds,
            boolean quiescent, double seconds, int spans, long events, double eventsPerSecond, long documentsAdded, int subPlansIssued,
            int issueFailures, Map<String, Long> counts, Map<String, Long> addedByCollection, Map<String, Long> peakMemoryMiB,
            String centralPlanId, StoreWork storeWork, CpuUse cpuUse) {
    }

    /**
     * What a later run needs to go on with a cascade this one did not see to its end (the machine was stopped, say),
     * kept in the platform's data folder and brought up to date at every progress line. Times count only while the
     * platform ran; {@code spans} says over how many runs.
     */
    record Checkpoint(String workload, double scale, int units, int provinces, int districts, int communes, int agencies,
            double importSeconds, String centralPlanId, Map<String, Long> documentsBefore, long eventsBefore, double secondsRun, int spans,
            int subPlansIssued, Map<String, Long> peakMemoryMiB, StoreWork storeWork, CpuUse cpuUse) {

        static final String FILE = "cascade-checkpoint.json";

        Checkpoint {
            storeWork = storeWork == null ? StoreWork.NONE : storeWork; // a checkpoint kept before the store counted its work
            cpuUse = cpuUse == null ? new CpuUse(Map.of()) : cpuUse; // one kept before the harness read the processes' CPU
        }

        long documentsBeforeInAll() {
            return total(documentsBefore);
        }

        /** @param work the store's work during this run of the cascade, added to that of the runs before it; cpu likewise */
        Checkpoint after(double seconds, int issued, Map<String, Long> peaks, StoreWork work, CpuUse cpu) {
            return new Checkpoint(workload, scale, units, provinces, districts, communes, agencies, importSeconds, centralPlanId,
                    documentsBefore, eventsBefore, secondsRun + seconds, spans, subPlansIssued + issued, higherOf(peakMemoryMiB, peaks),
                    storeWork.plus(work), cpuUse.plus(cpu));
        }

        Checkpoint resumed() {
            return new Checkpoint(workload, scale, units, provinces, districts, communes, agencies, importSeconds, centralPlanId,
                    documentsBefore, eventsBefore, secondsRun, spans + 1, subPlansIssued, peakMemoryMiB, storeWork, cpuUse);
        }

        void save(Path dataDir) {
            try {
                Path written = dataDir.resolve(FILE + ".new");
                Files.writeString(written, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this), StandardCharsets.UTF_8);
                Files.move(written, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not keep the cascade's checkpoint in " + dataDir, e);
            }
        }

        static Checkpoint read(Path dataDir) throws IOException {
            Path file = dataDir.resolve(FILE);
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("No cascade to resume in " + dataDir + ": " + FILE + " is not there");
            }
            return Http.JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Checkpoint.class);
        }

        private static Map<String, Long> higherOf(Map<String, Long> earlier, Map<String, Long> now) {
            Map<String, Long> peaks = new LinkedHashMap<>(earlier);
            now.forEach((process, peak) -> peaks.merge(process, peak, Math::max));
            return peaks;
        }
    }

    Outcome run(NationalHierarchy hierarchy, double scale, Path dataDir) throws InterruptedException {
        progress.printf("%s: %d units (%d provinces, %d districts, %d communes, %d agencies)%n", hierarchy.name(), hierarchy.units(),
                hierarchy.provinces(), hierarchy.districts(), hierarchy.communes(), hierarchy.agencies());
        long importStart = System.nanoTime();
        // The three-tier hierarchy's 15,524 units took plan-service more than five minutes with the test suite on the machine.
        plans.postText("/api/units/import", "text/csv", hierarchy.csv(), limit);
        new Quiescence(gauges, () -> 0L).await(limit, (elapsed, snapshot) -> progress.printf("  importing: %.0f s%n", elapsed));
        double importSeconds = seconds(importStart);
        progress.printf("  imported and known to every service after %.1f s%n", importSeconds);
        long accountsStart = System.nanoTime();
        officials.provisionLeaders(hierarchy.unitCodes());
        progress.printf("  a leader's account for each unit made in Keycloak in %.1f s (not counted in the cascade)%n", seconds(accountsStart));

        Http centre = officials.leaderOf(NationalHierarchy.CENTRAL_CODE, ServiceModule.PLAN);
        String planId = centre.post("/api/plans", centralPlan()).get("id").asString();
        Checkpoint started = new Checkpoint(hierarchy.name(), scale, hierarchy.units(), hierarchy.provinces(), hierarchy.districts(),
                hierarchy.communes(), hierarchy.agencies(), importSeconds, planId, gauges.documents(), gauges.messagesOnTopics(), 0, 1,
                0, Map.of(), StoreWork.NONE, new CpuUse(Map.of()));
        started.save(dataDir);
        long start = System.nanoTime();
        // One plan for two and three tiers: in two, its lines for "UBND các huyện" name nobody, which the centre confirms.
        centre.post("/api/plans/" + planId + "/issue", Map.of("number", "1/KH-TTg", "confirmUnassigned", true));
        return settle(started, start, dataDir);
    }

    /** Goes on with the cascade a stopped run left in this data folder, on a platform started again on it. */
    Outcome resume(Checkpoint stopped, Path dataDir) throws InterruptedException {
        Checkpoint resumed = stopped.resumed();
        progress.printf("%s: resuming after %.0f s of running, %d sub-plans issued (run %d)%n", resumed.workload(), resumed.secondsRun(),
                resumed.subPlansIssued(), resumed.spans());
        return settle(resumed, System.nanoTime(), dataDir);
    }

    private Outcome settle(Checkpoint before, long start, Path dataDir) throws InterruptedException {
        OptionalLong settled;
        int issued;
        int failures;
        StoreWork storeAtStart = gauges.storeWork();
        CpuUse cpuAtStart = gauges.cpuUse();
        try (DraftIssuer issuer = new DraftIssuer(plans, unit -> officials.leaderOf(unit, ServiceModule.PLAN), ISSUERS, "1/KH-UBND", LocalDate.parse(PLAN_YEAR + "-03-31"))) {
            issuer.start();
            settled = new Quiescence(gauges, issuer::pending).await(limit, (elapsed, now) -> {
                Checkpoint sofar = before.after(seconds(start), issuer.issued(), gauges.peakMemoryMiB(), gauges.storeWork().minus(storeAtStart),
                        gauges.cpuUse().minus(cpuAtStart));
                sofar.save(dataDir);
                progress.printf("  %4.0f s: %d sub-plans issued, %d documents and %d events added, consumer lag %d, outboxes %d,"
                        + " plans waiting for assignment %d%n", sofar.secondsRun(), sofar.subPlansIssued(), now.documents() - before.documentsBeforeInAll(),
                        now.events() - before.eventsBefore(), now.lag(), now.outboxPending(), now.assignmentsWaiting());
            });
            issued = issuer.issued();
            failures = issuer.failures();
        }
        Checkpoint after = before.after((settled.orElse(System.nanoTime()) - start) / 1e9, issued, gauges.peakMemoryMiB(),
                gauges.storeWork().minus(storeAtStart), gauges.cpuUse().minus(cpuAtStart));
        after.save(dataDir);
        long events = gauges.messagesOnTopics() - before.eventsBefore();
        Map<String, Long> documents = gauges.documents();
        return new Outcome(after.workload(), after.units(), after.provinces(), after.districts(), after.communes(), after.agencies(),
                after.importSeconds(), settled.isPresent(), after.secondsRun(), after.spans(), events, events / after.secondsRun(),
                total(documents) - before.documentsBeforeInAll(), after.subPlansIssued(), failures, counts(documents),
                addedByCollection(before.documentsBefore(), documents), after.peakMemoryMiB(), after.centralPlanId(), after.storeWork(),
                after.cpuUse());
    }

    private static Map<String, Long> counts(Map<String, Long> documents) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("plans", documents.getOrDefault("par-plan.plans", 0L));
        counts.put("sub-plan obligations", documents.getOrDefault("par-plan.obligations", 0L));
        counts.put("tasks", documents.getOrDefault("par-task.tasks", 0L));
        counts.put("task occurrences", documents.getOrDefault("par-task.occurrences", 0L));
        counts.put("report obligations", documents.getOrDefault("par-report.reports", 0L));
        counts.put("deadlines", documents.getOrDefault("par-notification.deadlines", 0L));
        counts.put("reminders", documents.getOrDefault("par-notification.reminders", 0L));
        return counts;
    }

    /** What the cascade added to each collection, the largest first: where its documents stored go. */
    private static Map<String, Long> addedByCollection(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> added = new LinkedHashMap<>();
        after.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() != 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> added.put(e.getKey(), e.getValue()));
        return added;
    }

    private static long total(Map<String, Long> documents) {
        return documents.values().stream().mapToLong(Long::longValue).sum();
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    /** The plan a ministry would issue: activities for agencies, districts and communes, reported on every quarter. */
    static Map<String, Object> centralPlan() {
        return CentralPlan.request("Thông tin, tuyên truyền cải cách hành chính năm " + PLAN_YEAR + " (thử tải toàn quốc)",
                Integer.parseInt(PLAN_YEAR), activities(Integer.parseInt(PLAN_YEAR)));
    }

    /** The plan's ten activities, for agencies, districts and communes, some every quarter of the year. */
    static List<Map<String, Object>> activities(int year) {
        return List.of(
                activity("a", "Đăng tin, bài về cải cách hành chính trên Cổng thông tin điện tử", "Mỗi tháng 01 bản tin",
                        "Các Sở, ban, ngành", "UBND các xã, phường, thị trấn", "hàng quý"),
                activity("b", "Biên tập, phát hành Bản tin cải cách hành chính", "Mỗi quý 01 bản tin", "Các Sở, ban, ngành", "", "hàng quý"),
                activity("c", "Xây dựng video, clip tuyên truyền cải cách hành chính", "Mỗi đơn vị ít nhất 01 video, clip",
                        "UBND các xã, phường, thị trấn", "", "trong năm " + year),
                activity("d", "Tổ chức hội nghị, tập huấn về cải cách hành chính", "", "Các Sở, ban, ngành", "UBND các huyện",
                        "chậm nhất trong tháng 06/" + year),
                activity("đ", "Tuyên truyền trên mạng xã hội Facebook, Zalo", "Trung bình mỗi tuần 01 bản tin",
                        "UBND các xã, phường, thị trấn", "", "hàng quý"),
                activity("e", "Lồng ghép nội dung cải cách hành chính vào các hội nghị", "", "UBND các huyện", "", "thường xuyên"),
                activity("g", "Tổ chức Hội thi tìm hiểu về cải cách hành chính", "", "Các Sở, ban, ngành", "", "trong năm " + year),
                activity("h", "Cung cấp thông tin cho cơ quan báo chí", "", "UBND các xã, phường, thị trấn", "", "hàng quý"),
                activity("i", "Tuyên truyền lưu động, cổ động trực quan", "", "UBND các huyện", "UBND các xã, phường, thị trấn",
                        "6 tháng đầu năm " + year),
                activity("k", "Khảo sát mức độ hài lòng của người dân", "", "Các Sở, ban, ngành", "", "quý IV/" + year));
    }
}
