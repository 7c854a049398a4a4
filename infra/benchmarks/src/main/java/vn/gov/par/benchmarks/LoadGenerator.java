package vn.gov.par.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import vn.gov.par.driver.Http;

/**
 * The second process of the API latency workload: a fixed number of clients, each sending the next request as
 * soon as the last one is answered, in turn over the URLs, for a set time after a warm-up. Prints, as one JSON
 * line, each URL's request count, errors and latency percentiles in milliseconds.
 *
 * <p>Arguments: warm-up seconds, measured seconds, clients, then for each URL the header that signs it in
 * ({@code Authorization: Bearer ...} for an API, {@code Cookie: JSESSIONID=...} for a console page) and the URL; the
 * same URL may come twice, signed in as two officials. A request counts as answered when it is a 200: a page that sends
 * the official to sign in again is an error. The JSON line is an array, one summary per URL in the order given.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws InterruptedException {
        Duration warmUp = Duration.ofSeconds(Long.parseLong(args[0]));
        Duration measured = Duration.ofSeconds(Long.parseLong(args[1]));
        int clients = Integer.parseInt(args[2]);
        List<URI> urls = new ArrayList<>();
        List<String[]> headers = new ArrayList<>();
        List<List<Long>> latencies = new ArrayList<>();
        List<AtomicLong> errors = new ArrayList<>();
        for (int i = 3; i + 1 < args.length; i += 2) {
            headers.add(args[i].split(":\\s*", 2));
            urls.add(URI.create(args[i + 1]));
            latencies.add(Collections.synchronizedList(new ArrayList<>()));
            errors.add(new AtomicLong());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long measureFrom = System.nanoTime() + warmUp.toNanos();
        long stopAt = measureFrom + measured.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int first = c;
            pool.execute(() -> {
                for (int i = first; System.nanoTime() < stopAt; i++) {
                    int view = i % urls.size();
                    long sent = System.nanoTime();
                    boolean ok = send(http, urls.get(view), headers.get(view));
                    long answered = System.nanoTime();
                    if (sent >= measureFrom && answered <= stopAt) {
                        if (ok) {
                            latencies.get(view).add(answered - sent);
                        } else {
                            errors.get(view).incrementAndGet();
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(measured.plus(warmUp).plusMinutes(5).toMillis(), TimeUnit.MILLISECONDS);
        List<Map<String, Object>> results = new ArrayList<>();
        for (int view = 0; view < urls.size(); view++) {
            results.add(summary(latencies.get(view), errors.get(view).get(), measured));
        }
        System.out.println(Http.JSON.writeValueAsString(results));
    }

    private static boolean send(HttpClient http, URI url, String[] header) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                    .header(header[0], header[1]).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<String, Object> summary(List<Long> nanos, long errors, Duration measured) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("requests", sorted.length);
        summary.put("errors", errors);
        summary.put("perSecond", sorted.length / (double) measured.toSeconds());
        summary.put("p50Ms", percentile(sorted, 0.50));
        summary.put("p95Ms", percentile(sorted, 0.95));
        summary.put("p99Ms", percentile(sorted, 0.99));
        return summary;
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
