package vn.gov.par.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import tools.jackson.databind.JsonNode;
import vn.gov.par.driver.CentralPlan;
import vn.gov.par.driver.ConsoleSession;
import vn.gov.par.driver.DraftIssuer;
import vn.gov.par.driver.Http;
import vn.gov.par.driver.Officials;
import vn.gov.par.driver.PlatformGauges;
import vn.gov.par.driver.Quiescence;
import vn.gov.par.localruntime.DemoUnits;
import vn.gov.par.localruntime.LocalPlatform;
import vn.gov.par.localruntime.ServiceModule;
import vn.gov.par.localruntime.SignIn;

/**
 * Every page of the console at the demo scale: the hierarchy {@code run-local.sh} loads (tỉnh Bình Phước, its agencies and
 * districts, huyện Hớn Quản's communes), the province's plan for this year issued today with its first three quarters past,
 * every unit's sub-plan issued, a commune's and Hớn Quản's earliest reports submitted and a new draft started. Each
 * page is then opened by the demo official who uses it (README), under the same load as the national views
 * ({@link ApiLatencyWorkload#underLoad}).
 */
final class DemoPagesWorkload {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(10);
    private static final String PROVINCE = "70";
    private static final String DISTRICT = "694";
    private static final String COMMUNE = "25327";

    private final LocalPlatform platform;
    private final PlatformGauges gauges;
    private final PrintStream progress;
    private final URI console;

    DemoPagesWorkload(LocalPlatform platform, PlatformGauges gauges, PrintStream progress) {
        this.platform = platform;
        this.gauges = gauges;
        this.progress = progress;
        this.console = platform.settings().consoleUrl();
    }

    /** The pages' latency, by page and official. */
    Map<String, JsonNode> run() throws IOException, InterruptedException {
        Http administrator = service(ServiceModule.PLAN, platform.signIn());
        DemoUnits.loadIfEmpty(platform.settings().serviceBaseUrl(ServiceModule.PLAN), platform.signIn(), progress);
        settle("the demo hierarchy", () -> 0L);
        List<String> units = new ArrayList<>();
        administrator.get("/api/units?size=500").get("content").forEach(unit -> units.add(unit.get("code").asString()));
        Officials officials = new Officials(platform.settings());
        officials.provisionLeaders(units);

        LocalDate today = LocalDate.now(VIETNAM);
        int year = today.getYear();
        Http province = service(ServiceModule.PLAN, "tinh.lanhdao");
        String provincePlan = province.post("/api/plans", CentralPlan.request(PROVINCE, "Thông tin, tuyên truyền cải cách hành chính năm "
                + year + " trên địa bàn tỉnh Bình Phước", year, today.plusDays(30), CascadeWorkload.activities(year))).get("id").asString();
        province.post("/api/plans/" + provincePlan + "/issue", Map.of("number", "96/KH-UBND", "confirmUnassigned", true));
        try (DraftIssuer issuer = new DraftIssuer(administrator, unit -> officials.leaderOf(unit, ServiceModule.PLAN), 2, "35/KH-UBND",
                today.plusDays(20))) {
            issuer.start();
            settle("the cascade of this year's plan", issuer::pending);
        }
        String districtPlan = administrator.get("/api/plans?issuerCode=" + DISTRICT + "&year=" + year).get("content").get(0).get("id")
                .asString();
        String communeReport = submitEarliest(COMMUNE, "thanhan.canbo");
        submitEarliest(DISTRICT, "honquan.canbo");
        Http commune = service(ServiceModule.TASK, "thanhan.canbo");
        JsonNode firstTask = commune.get("/api/tasks?unitCode=" + COMMUNE + "&size=1").get("content").get(0);
        String occurrence = firstTask.get("id").asString();
        commune.post("/api/occurrences/" + occurrence + "/progress", Map.of("done", true, "doneOn", today.toString(), "note", "Đã đăng 03 tin"));
        String nextYearDraft = service(ServiceModule.PLAN, "honquan.lanhdao").post("/api/plans", CentralPlan.request(DISTRICT,
                "Thông tin, tuyên truyền cải cách hành chính năm " + (year + 1) + " trên địa bàn huyện Hớn Quản", year + 1,
                LocalDate.of(year + 1, 2, 28), CascadeWorkload.activities(year + 1))).get("id").asString();
        settle("the reports, the progress and the draft", () -> 0L);

        Map<String, String[]> pages = new LinkedHashMap<>();
        Session district = signedIn("honquan.lanhdao");
        page(pages, district, "/");
        page(pages, district, "/plans");
        page(pages, district, "/plans/" + districtPlan);
        page(pages, district, "/plans/" + nextYearDraft + "/edit");
        page(pages, district, "/plans/new");
        page(pages, district, "/plans/import");
        page(pages, district, "/plans/" + districtPlan + "/cascade");
        page(pages, district, "/plans/" + provincePlan + "/cascade/nodes?depth=2");
        page(pages, district, "/tasks");
        page(pages, district, "/tasks?unitCode=" + DISTRICT + "&subtree=true");
        page(pages, district, "/tasks/rollup?planId=" + districtPlan);
        page(pages, district, "/reports");
        page(pages, district, "/reports/" + communeReport);
        page(pages, district, "/reports/rollup?rootPlanId=" + provincePlan + "&periodType=Q1");
        page(pages, district, "/reports/rates?rootPlanId=" + provincePlan);
        page(pages, district, "/units/" + COMMUNE);
        Session provinceLeader = signedIn("tinh.lanhdao");
        page(pages, provinceLeader, "/");
        page(pages, provinceLeader, "/plans/" + provincePlan);
        page(pages, provinceLeader, "/plans/" + provincePlan + "/cascade");
        page(pages, provinceLeader, "/tasks?unitCode=" + PROVINCE + "&subtree=true");
        page(pages, provinceLeader, "/tasks/rollup?planId=" + provincePlan);
        page(pages, provinceLeader, "/reports/rollup?rootPlanId=" + provincePlan + "&periodType=Q1");
        page(pages, provinceLeader, "/reports/rates?rootPlanId=" + provincePlan);
        Session communeOfficer = signedIn("thanhan.canbo");
        page(pages, communeOfficer, "/");
        page(pages, communeOfficer, "/tasks");
        page(pages, communeOfficer, "/tasks/occurrences/" + occurrence + "?task=" + firstTask.get("taskId").asString());
        page(pages, communeOfficer, "/reports");
        page(pages, communeOfficer, "/reports/" + communeReport);
        Session administratorInConsole = signedIn("quantri");
        page(pages, administratorInConsole, "/admin");
        page(pages, administratorInConsole, "/admin/units");
        page(pages, administratorInConsole, "/admin/units/" + DISTRICT + "/children");
        page(pages, administratorInConsole, "/admin/units/import");
        page(pages, administratorInConsole, "/admin/contacts");
        page(pages, administratorInConsole, "/admin/contacts/" + DISTRICT);
        page(pages, administratorInConsole, "/admin/contacts/import");
        page(pages, administratorInConsole, "/admin/calendar");
        page(pages, administratorInConsole, "/admin/mail-log");
        progress.printf("Console pages at the demo scale: %d pages, %d clients for %d s (after %d s of warm-up), from a second process%n",
                pages.size(), ApiLatencyWorkload.CLIENTS, ApiLatencyWorkload.MEASURED_SECONDS, ApiLatencyWorkload.WARM_UP_SECONDS);
        return ApiLatencyWorkload.underLoad(pages);
    }

    /** The unit's earliest report, its indicators filled in and submitted by the officer; answers its id. */
    private String submitEarliest(String unitCode, String officer) {
        Http reports = service(ServiceModule.REPORT, officer);
        String report = reports.get("/api/reports?unitCode=" + unitCode + "&size=1").get("content").get(0).get("id").asString();
        reports.put("/api/reports/" + report + "/draft", Map.of("indicators", Map.of("newsArticles", 12)));
        reports.post("/api/reports/" + report + "/submit", Map.of("by", officer));
        return report;
    }

    private void settle(String what, LongSupplier pendingWork) throws InterruptedException {
        long start = System.nanoTime();
        if (new Quiescence(gauges, pendingWork).await(SETTLE_LIMIT, (elapsed, now) -> progress.printf("  %s: %.0f s%n", what, elapsed))
                .isEmpty()) {
            throw new IllegalStateException("The platform did not settle after " + what + " within " + SETTLE_LIMIT);
        }
        progress.printf("  %s settled in %.1f s%n", what, (System.nanoTime() - start) / 1e9);
    }

    private Http service(ServiceModule module, String username) {
        return service(module, new SignIn(platform.settings(), username));
    }

    private Http service(ServiceModule module, SignIn signIn) {
        return new Http(platform.settings().serviceBaseUrl(module), signIn);
    }

    /** A demo official signed in to the console, and the header that carries the session. */
    private record Session(String username, String header) {
    }

    private Session signedIn(String username) {
        return new Session(username, "Cookie: " + ConsoleSession.signIn(console, username));
    }

    /** Named by the official and the path: the same page opened by two officials is measured twice. */
    private void page(Map<String, String[]> pages, Session official, String path) {
        pages.put(official.username() + " " + path, new String[] {official.header(), console.resolve(path).toString()});
    }
}
