package vn.gov.par.localruntime;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives a fresh platform something to look at: the administrative hierarchy in demo/units.csv,
 * imported through plan-service's own API as the demo administrator, and only while plan-service has no units at all,
 * so a restart never duplicates or overwrites what people entered.
 */
public final class DemoUnits {

    static final String RESOURCE = "/demo/units.csv";
    private static final Pattern TOTAL_ELEMENTS = Pattern.compile("\"totalElements\"\\s*:\\s*(\\d+)");
    private static final Pattern CREATED = Pattern.compile("\"created\"\\s*:\\s*(\\d+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private DemoUnits() {
    }

    public static void loadIfEmpty(URI planService, SignIn administrator, PrintStream out) throws InterruptedException {
        try {
            OptionalLong existing = countUnits(planService, administrator, out);
            if (existing.isEmpty()) {
                return;
            }
            if (existing.getAsLong() > 0) {
                out.println("  plan-service already has " + existing.getAsLong() + " units; demo hierarchy not loaded.");
                return;
            }
            URI importUnits = planService.resolve("/api/units/import");
            HttpResponse<String> response = Probes.HTTP.send(administrator.authorize(HttpRequest.newBuilder(importUnits))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "text/csv; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(csv()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 || response.statusCode() == 201) {
                Matcher created = CREATED.matcher(response.body());
                out.println("  Loaded the demo hierarchy: " + (created.find() ? created.group(1) + " units created." : response.body()));
            } else {
                out.println("  plan-service refused the demo hierarchy (HTTP " + response.statusCode() + "):");
                out.println("  " + response.body());
            }
        } catch (IOException e) {
            out.println("  Could not load the demo hierarchy: " + e);
        }
    }

    /** Empty when plan-service's answer is not the expected page; what it said is printed instead. */
    private static OptionalLong countUnits(URI planService, SignIn administrator, PrintStream out) throws IOException, InterruptedException {
        URI uri = planService.resolve("/api/units?size=1");
        HttpResponse<String> response = Probes.HTTP.send(administrator.authorize(HttpRequest.newBuilder(uri)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher total = TOTAL_ELEMENTS.matcher(response.body());
        if (response.statusCode() != 200 || !total.find()) {
            out.println("  Demo hierarchy skipped: GET " + uri + " answered HTTP " + response.statusCode()
                    + " without a totalElements count: " + response.body());
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(total.group(1)));
    }

    static byte[] csv() {
        try (InputStream in = DemoUnits.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
