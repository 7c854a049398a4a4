package vn.gov.par.benchmarks;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays every unit below the centre: as soon as plan-service has prepared a unit's draft sub-plan, the unit
 * signs it, obliges its own units below by a date, and issues it — through the same HTTP API officials use.
 */
final class DraftIssuer implements AutoCloseable {

    private static final String SUB_PLAN_DEADLINE = CascadeWorkload.PLAN_YEAR + "-03-31";

    private final Http plans;
    private final ExecutorService workers;
    private final Thread poller;
    /** Every draft handed to a worker: a list read before an issue finished still shows it as a draft. */
    private final Set<String> taken = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger issued = new AtomicInteger();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    DraftIssuer(Http plans, int concurrency) {
        this.plans = plans;
        this.workers = Executors.newFixedThreadPool(concurrency);
        this.poller = new Thread(this::poll, "draft-issuer");
    }

    void start() {
        poller.start();
    }

    int issued() {
        return issued.get();
    }

    /** Drafts whose issue was refused: reported, and not tried again, so one bad draft cannot stall the run. */
    int failures() {
        return failed.size();
    }

    /** Drafts handed to a worker and not yet issued (or failed). */
    boolean busy() {
        return inFlight.get() > 0;
    }

    private void poll() {
        while (running) {
            JsonNode drafts = plans.get("/api/plans?status=DRAFT&size=200").get("content");
            for (JsonNode draft : drafts) {
                String id = draft.get("id").asString();
                if (taken.add(id)) {
                    inFlight.incrementAndGet();
                    workers.execute(() -> issue(draft, id));
                }
            }
            if (drafts.valueStream().allMatch(d -> taken.contains(d.get("id").asString()))) {
                pause();
            }
        }
    }

    private void issue(JsonNode draft, String id) {
        try {
            ObjectNode content = (ObjectNode) draft.get("content").deepCopy();
            content.put("signer", "Người ký thử nghiệm");
            content.set("cascade", Http.JSON.valueToTree(Map.of("dueDate", SUB_PLAN_DEADLINE, "subordinateGovernments", true,
                    "ownAgencies", true)));
            plans.put("/api/plans/" + id + "/content", content);
            plans.post("/api/plans/" + id + "/issue", Map.of("number", "1/KH-UBND"));
            issued.incrementAndGet();
        } catch (RuntimeException e) {
            failed.add(id);
            System.err.println("  could not issue draft " + id + ": " + e.getMessage());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Between polls of an empty draft list: the drafts come from Kafka events, a moment after each issue. */
    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join();
        workers.shutdown();
        workers.awaitTermination(1, TimeUnit.MINUTES);
    }
}
