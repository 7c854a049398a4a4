package vn.gov.par.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import vn.gov.par.localruntime.LocalPlatform;
import vn.gov.par.localruntime.ServiceModule;

/**
 * Latency of the three views a national console leans on, after the national cascade: the cascade tree of the
 * national plan, a paged task list of one province, and a province's report roll-up — under a steady concurrent
 * load from a second process ({@link LoadGenerator}).
 */
final class ApiLatencyWorkload {

    static final int CLIENTS = 4;
    static final int WARM_UP_SECONDS = 10;
    static final int MEASURED_SECONDS = 60;
    private static final String PROVINCE = "T01";

    private ApiLatencyWorkload() {
    }

    static Map<String, JsonNode> run(LocalPlatform platform, String nationalPlanId, PrintStream progress)
            throws IOException, InterruptedException {
        Map<String, String> views = new LinkedHashMap<>();
        views.put("cascade tree of the national plan", url(platform, ServiceModule.PLAN, "/api/plans/" + nationalPlanId + "/cascade"));
        views.put("paged task list of a province", url(platform, ServiceModule.TASK, "/api/tasks?provinceCode=" + PROVINCE + "&page=0&size=50"));
        views.put("report roll-up of a province", url(platform, ServiceModule.REPORT,
                "/api/rollups/reports?unitCode=" + PROVINCE + "&rootPlanId=" + nationalPlanId + "&periodType=Q1"));
        progress.printf("API latency: %d clients for %d s (after %d s of warm-up), from a second process%n", CLIENTS, MEASURED_SECONDS,
                WARM_UP_SECONDS);
        String[] arguments = new String[4 + views.size()];
        arguments[0] = String.valueOf(WARM_UP_SECONDS);
        arguments[1] = String.valueOf(MEASURED_SECONDS);
        arguments[2] = String.valueOf(CLIENTS);
        // Signed in like any client; a token lives 15 minutes, longer than the load runs.
        arguments[3] = platform.signIn().accessToken();
        int i = 4;
        for (String url : views.values()) {
            arguments[i++] = url;
        }
        JsonNode measured = ChildJvm.run(LoadGenerator.class, arguments);
        Map<String, JsonNode> byView = new LinkedHashMap<>();
        views.forEach((view, url) -> byView.put(view, measured.get(url)));
        return byView;
    }

    private static String url(LocalPlatform platform, ServiceModule module, String path) {
        return platform.settings().serviceBaseUrl(module).resolve(path).toString();
    }
}
