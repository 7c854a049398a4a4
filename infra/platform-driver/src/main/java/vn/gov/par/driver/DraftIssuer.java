package vn.gov.par.driver;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays every unit below the centre: as soon as plan-service has prepared a unit's draft sub-plan, the unit's leader
 * signs it, obliges its own units below by a date, and issues it — through the same HTTP API officials use, signed in
 * as that unit's leader.
 * A draft whose issue got no answer, or a server error, is tried again on a later poll (the service may be down
 * for a while); one the service refused is reported and left, so one bad draft cannot stall a run.
 */
public final class DraftIssuer implements AutoCloseable {

    private final Http plans;
    private final Function<String, Http> leaders;
    private final String planNumber;
    private final LocalDate subPlanDeadline;
    private final ExecutorService workers;
    /**
     * Drafts handed out and not yet issued, beyond which the list is not read again. The poller read 200 drafts with
     * their content every half second whether or not its workers could take any: 663 such reads in the first 347 s of
     * the national three-tier cascade.
     */
    private final int backlog;
    private final Thread poller;
    /** Every draft handed to a worker: a list read before an issue finished still shows it as a draft. */
    private final Set<String> taken = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private volatile int allowance = Integer.MAX_VALUE;
    private volatile boolean running = true;

    /**
     * @param plans           plan-service as someone who sees every draft (the centre's administrator)
     * @param leaders         plan-service as the leader of a unit, by the unit's code
     * @param planNumber      the number every unit gives its sub-plan (numbers are unique per issuer and year)
     * @param subPlanDeadline the date by which each unit obliges the units below it to issue theirs
     */
    public DraftIssuer(Http plans, Function<String, Http> leaders, int concurrency, String planNumber, LocalDate subPlanDeadline) {
        this.plans = plans;
        this.leaders = leaders;
        this.planNumber = planNumber;
        this.subPlanDeadline = subPlanDeadline;
        this.workers = Executors.newFixedThreadPool(concurrency);
        this.backlog = 2 * concurrency;
        this.poller = new Thread(this::poll, "draft-issuer");
    }

    public void start() {
        poller.start();
    }

    /** Issues no more than this many drafts in all until allowed more, so a run can be paced step by step. */
    public void allow(int drafts) {
        allowance = drafts;
    }

    public int issued() {
        return issued.get();
    }

    /** Issues that got no answer or a server error, and were tried again. */
    public int retried() {
        return retried.get();
    }

    /** Drafts whose issue was refused: reported, and not tried again. */
    public int failures() {
        return failed.size();
    }

    /** Drafts handed to a worker and not yet issued (or failed). */
    public boolean busy() {
        return inFlight.get() > 0;
    }

    /** Drafts not yet issued, and those being issued right now: the cascade is not over while any remain. */
    public long pending() {
        long drafts = plans.get("/api/plans?status=DRAFT&size=1").get("totalElements").asLong();
        return Math.max(0, drafts - failures()) + (busy() ? 1 : 0);
    }

    private void poll() {
        while (running) {
            try {
                if (!handOutDrafts()) {
                    pause();
                }
            } catch (Http.Unreachable | Http.Refused serviceDown) {
                pause();
            }
        }
    }

    /** @return whether a new draft was handed out */
    private boolean handOutDrafts() {
        if (inFlight.get() >= backlog) {
            return false;
        }
        // The drafts still listed that were handed out (those being issued, those refused) leave a backlog's worth of new ones.
        int page = Math.min(200, 3 * backlog + failed.size());
        boolean handedOut = false;
        for (JsonNode draft : plans.get("/api/plans?status=DRAFT&size=" + page).get("content")) {
            String id = draft.get("id").asString();
            if (issued.get() + inFlight.get() < allowance && taken.add(id)) {
                inFlight.incrementAndGet();
                handedOut = true;
                workers.execute(() -> issue(draft, id));
            }
        }
        return handedOut;
    }

    private void issue(JsonNode draft, String id) {
        try {
            ObjectNode content = (ObjectNode) draft.get("content").deepCopy();
            content.put("signer", "Người ký thử nghiệm");
            content.set("cascade", Http.JSON.valueToTree(Map.of("dueDate", subPlanDeadline.toString(), "subordinateGovernments", true,
                    "ownAgencies", true)));
            Http leader = leaders.apply(draft.get("issuerCode").asString());
            leader.put("/api/plans/" + id + "/content", content);
            // As an issuer who has read the draft: texts copied from above that name nobody here are issued as they are.
            leader.post("/api/plans/" + id + "/issue", Map.of("number", planNumber, "confirmUnassigned", true));
            issued.incrementAndGet();
        } catch (Http.Unreachable | Http.Refused e) {
            if (e instanceof Http.Refused refused && !refused.isServerError()) {
                failed.add(id);
                System.err.println("  could not issue draft " + id + ": " + e.getMessage());
            } else {
                retried.incrementAndGet();
                taken.remove(id);
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Between polls with nothing new to hand out: the drafts come from Kafka events, a moment after each issue. */
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
