package vn.gov.par.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import vn.gov.par.driver.ConsoleSession;
import vn.gov.par.driver.Http;
import vn.gov.par.driver.NationalHierarchy;
import vn.gov.par.driver.Officials;
import vn.gov.par.localruntime.LocalPlatform;
import vn.gov.par.localruntime.ServiceModule;

/**
 * Latency of the views a national console leans on, after the national cascade: the cascade tree of the national plan
 * as the centre's leader sees it (whole, its first level, and a province's level below it), and a paged task list and a report roll-up of one province as that province's leader
 * sees them (what it may see is filtered, as for any official below the top). Each is measured twice: the service's
 * API with the official's token, and the console's page as the official opens it, signed in through Keycloak's page
 * (the page's time is the API's plus the console's). All under a steady concurrent load from a second process
 * ({@link LoadGenerator}). What checking the tokens cost is read from the services' own timer of it.
 */
final class ApiLatencyWorkload {

    static final int CLIENTS = 4;
    static final int WARM_UP_SECONDS = 10;
    static final int MEASURED_SECONDS = 60;
    private static final String PROVINCE = "T01";
    private static final List<ServiceModule> MEASURED = List.of(ServiceModule.PLAN, ServiceModule.TASK, ServiceModule.REPORT);
    private static final Pattern ACCEPTED_CHECKS =
            Pattern.compile("(?m)^par_access_token_checks_seconds_(count|sum)\\{[^}]*outcome=\"accepted\"[^}]*} (\\S+)$");

    /** The views' latency, and each service's token checks during the load: how many, and their mean in microseconds. */
    record Outcome(Map<String, JsonNode> views, Map<String, TokenChecks> tokenChecks) {
    }

    record TokenChecks(long checks, double meanMicros) {
    }

    private ApiLatencyWorkload() {
    }

    static Outcome run(LocalPlatform platform, String nationalPlanId, PrintStream progress) throws IOException, InterruptedException {
        Officials officials = new Officials(platform.settings());
        String centre = "Authorization: Bearer " + officials.leader(NationalHierarchy.CENTRAL_CODE).accessToken();
        String province = "Authorization: Bearer " + officials.leader(PROVINCE).accessToken();
        Map<String, String[]> views = new LinkedHashMap<>();
        views.put("cascade tree of the national plan", new String[] {centre,
                url(platform, ServiceModule.PLAN, "/api/plans/" + nationalPlanId + "/cascade")});
        views.put("its first level", new String[] {centre,
                url(platform, ServiceModule.PLAN, "/api/plans/" + nationalPlanId + "/cascade?depth=1")});
        String provincePlanId = provincePlanOf(officials.leaderOf(NationalHierarchy.CENTRAL_CODE, ServiceModule.PLAN), nationalPlanId);
        views.put("a province's level of it", new String[] {centre,
                url(platform, ServiceModule.PLAN, "/api/plans/" + provincePlanId + "/cascade?depth=1")});
        views.put("paged task list of a province", new String[] {province,
                url(platform, ServiceModule.TASK, "/api/tasks?provinceCode=" + PROVINCE + "&page=0&size=50")});
        views.put("report roll-up of a province", new String[] {province, url(platform, ServiceModule.REPORT,
                "/api/rollups/reports?unitCode=" + PROVINCE + "&rootPlanId=" + nationalPlanId + "&periodType=Q1")});
        URI console = platform.settings().consoleUrl();
        String centreInConsole = "Cookie: " + ConsoleSession.signIn(console, officials.username(NationalHierarchy.CENTRAL_CODE));
        String provinceInConsole = "Cookie: " + ConsoleSession.signIn(console, officials.username(PROVINCE));
        views.put("page: the national cascade, first level", new String[] {centreInConsole,
                console.resolve("/plans/" + nationalPlanId + "/cascade").toString()});
        views.put("page: a province's level, opened in place", new String[] {centreInConsole,
                console.resolve("/plans/" + provincePlanId + "/cascade/nodes?depth=2").toString()});
        views.put("page: a province's task list", new String[] {provinceInConsole,
                console.resolve("/tasks?unitCode=" + PROVINCE + "&subtree=true").toString()});
        views.put("page: a province's report roll-up", new String[] {provinceInConsole,
                console.resolve("/reports/rollup?rootPlanId=" + nationalPlanId + "&periodType=Q1").toString()});
        views.put("page: a province's home", new String[] {provinceInConsole, console.resolve("/").toString()});
        progress.printf("API latency: %d clients for %d s (after %d s of warm-up), from a second process%n", CLIENTS, MEASURED_SECONDS,
                WARM_UP_SECONDS);
        Map<ServiceModule, double[]> before = acceptedChecks(platform);
        Map<String, JsonNode> byView = underLoad(views);
        Map<ServiceModule, double[]> after = acceptedChecks(platform);
        Map<String, TokenChecks> checks = new LinkedHashMap<>();
        for (ServiceModule service : MEASURED) {
            long count = (long) (after.get(service)[0] - before.get(service)[0]);
            double seconds = after.get(service)[1] - before.get(service)[1];
            checks.put(service.moduleName(), new TokenChecks(count, count == 0 ? Double.NaN : seconds / count * 1e6));
        }
        return new Outcome(byView, checks);
    }

    /**
     * Each view's latency under {@link #CLIENTS} clients of a second process ({@link LoadGenerator}), by the view's name.
     *
     * @param views by name, the header that signs the request in and the URL
     */
    static Map<String, JsonNode> underLoad(Map<String, String[]> views) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(String.valueOf(WARM_UP_SECONDS), String.valueOf(MEASURED_SECONDS),
                String.valueOf(CLIENTS)));
        // Signed in like any client; a token lives 15 minutes and a console session an hour, longer than the load runs.
        views.values().forEach(view -> arguments.addAll(List.of(view)));
        JsonNode measured = ChildJvm.run(LoadGenerator.class, arguments.toArray(String[]::new));
        Map<String, JsonNode> byView = new LinkedHashMap<>();
        List<String> names = List.copyOf(views.keySet());
        for (int view = 0; view < names.size(); view++) {
            byView.put(names.get(view), measured.get(view));
        }
        return byView;
    }

    /** The plan the province issued under the national plan, as its first level lists it. */
    private static String provincePlanOf(Http centre, String nationalPlanId) {
        for (JsonNode node : centre.get("/api/plans/" + nationalPlanId + "/cascade?depth=1").get("children")) {
            if (PROVINCE.equals(node.get("unitCode").asString())) {
                return node.get("subPlanId").asString();
            }
        }
        throw new IllegalStateException("The national cascade lists no plan of " + PROVINCE);
    }

    /** Each service's count and total seconds of accepted token checks so far. */
    private static Map<ServiceModule, double[]> acceptedChecks(LocalPlatform platform) {
        Map<ServiceModule, double[]> checks = new LinkedHashMap<>();
        for (ServiceModule service : MEASURED) {
            double[] countAndSum = new double[2];
            Matcher line = ACCEPTED_CHECKS.matcher(new Http(platform.settings().serviceBaseUrl(service)).text("/actuator/prometheus"));
            while (line.find()) {
                countAndSum["count".equals(line.group(1)) ? 0 : 1] += Double.parseDouble(line.group(2));
            }
            checks.put(service, countAndSum);
        }
        return checks;
    }

    private static String url(LocalPlatform platform, ServiceModule module, String path) {
        return platform.settings().serviceBaseUrl(module).resolve(path).toString();
    }
}
