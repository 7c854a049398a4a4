package vn.gov.par.benchmarks;

import static vn.gov.par.driver.CentralPlan.activity;

import java.io.PrintStream;
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
import vn.gov.par.driver.PlatformGauges;
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

    CascadeWorkload(LocalPlatform platform, PlatformGauges gauges, PrintStream progress, Duration limit) {
        this.platform = platform;
        this.gauges = gauges;
        this.progress = progress;
        this.limit = limit;
    }

    record Outcome(String workload, int units, int provinces, int districts, int communes, int agencies, double importSeconds,
            boolean quiescent, double seconds, long events, double eventsPerSecond, long documentsAdded, int subPlansIssued,
            int issueFailures, Map<String, Long> counts, Map<String, Long> peakMemoryMiB, String centralPlanId) {
    }

    Outcome run(NationalHierarchy hierarchy) throws InterruptedException {
        Http plans = new Http(platform.settings().serviceBaseUrl(ServiceModule.PLAN));
        progress.printf("%s: %d units (%d provinces, %d districts, %d communes, %d agencies)%n", hierarchy.name(), hierarchy.units(),
                hierarchy.provinces(), hierarchy.districts(), hierarchy.communes(), hierarchy.agencies());
        long importStart = System.nanoTime();
        plans.postText("/api/units/import", "text/csv", hierarchy.csv());
        new Quiescence(gauges, () -> 0L).await(limit, (elapsed, snapshot) -> progress.printf("  importing: %.0f s%n", elapsed));
        double importSeconds = seconds(importStart);
        progress.printf("  imported and known to every service after %.1f s%n", importSeconds);

        String planId = plans.post("/api/plans", centralPlan()).get("id").asString();
        long documentsBefore = total(gauges.documents());
        long eventsBefore = gauges.messagesOnTopics();
        long start = System.nanoTime();
        plans.post("/api/plans/" + planId + "/issue", Map.of("number", "1/KH-TTg"));
        OptionalLong settled;
        int issued;
        int failures;
        try (DraftIssuer issuer = new DraftIssuer(plans, ISSUERS, "1/KH-UBND", LocalDate.parse(PLAN_YEAR + "-03-31"))) {
            issuer.start();
            settled = new Quiescence(gauges, issuer::pending).await(limit, (elapsed, now) -> progress.printf(
                    "  %4.0f s: %d sub-plans issued, %d documents and %d events added, consumer lag %d, outboxes %d%n", elapsed,
                    issuer.issued(), now.documents() - documentsBefore, now.events() - eventsBefore, now.lag(), now.outboxPending()));
            issued = issuer.issued();
            failures = issuer.failures();
        }
        double seconds = (settled.orElse(System.nanoTime()) - start) / 1e9;
        long events = gauges.messagesOnTopics() - eventsBefore;
        Map<String, Long> documents = gauges.documents();
        return new Outcome(hierarchy.name(), hierarchy.units(), hierarchy.provinces(), hierarchy.districts(), hierarchy.communes(),
                hierarchy.agencies(), importSeconds, settled.isPresent(), seconds, events, events / seconds,
                total(documents) - documentsBefore, issued, failures, counts(documents), gauges.peakMemoryMiB(), planId);
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

    private static long total(Map<String, Long> documents) {
        return documents.values().stream().mapToLong(Long::longValue).sum();
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    /** The plan a ministry would issue: activities for agencies, districts and communes, reported on every quarter. */
    static Map<String, Object> centralPlan() {
        int year = Integer.parseInt(PLAN_YEAR);
        return CentralPlan.request("Thông tin, tuyên truyền cải cách hành chính năm " + PLAN_YEAR + " (thử tải toàn quốc)", year, List.of(
                activity("a", "Đăng tin, bài về cải cách hành chính trên Cổng thông tin điện tử", "Mỗi tháng 01 bản tin",
                        "Các Sở, ban, ngành", "UBND các xã, phường, thị trấn", "hàng quý"),
                activity("b", "Biên tập, phát hành Bản tin cải cách hành chính", "Mỗi quý 01 bản tin", "Các Sở, ban, ngành", "", "hàng quý"),
                activity("c", "Xây dựng video, clip tuyên truyền cải cách hành chính", "Mỗi đơn vị ít nhất 01 video, clip",
                        "UBND các xã, phường, thị trấn", "", "trong năm " + PLAN_YEAR),
                activity("d", "Tổ chức hội nghị, tập huấn về cải cách hành chính", "", "Các Sở, ban, ngành", "UBND các huyện",
                        "chậm nhất trong tháng 06/" + PLAN_YEAR),
                activity("đ", "Tuyên truyền trên mạng xã hội Facebook, Zalo", "Trung bình mỗi tuần 01 bản tin",
                        "UBND các xã, phường, thị trấn", "", "hàng quý"),
                activity("e", "Lồng ghép nội dung cải cách hành chính vào các hội nghị", "", "UBND các huyện", "", "thường xuyên"),
                activity("g", "Tổ chức Hội thi tìm hiểu về cải cách hành chính", "", "Các Sở, ban, ngành", "", "trong năm " + PLAN_YEAR),
                activity("h", "Cung cấp thông tin cho cơ quan báo chí", "", "UBND các xã, phường, thị trấn", "", "hàng quý"),
                activity("i", "Tuyên truyền lưu động, cổ động trực quan", "", "UBND các huyện", "UBND các xã, phường, thị trấn",
                        "6 tháng đầu năm " + PLAN_YEAR),
                activity("k", "Khảo sát mức độ hài lòng của người dân", "", "Các Sở, ban, ngành", "", "quý IV/" + PLAN_YEAR)));
    }
}
