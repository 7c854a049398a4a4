package vn.gov.par.support.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.par.support.persistence.AggregateStore;

/**
 * Publishes the events waiting in documents' outboxes, then removes them. A batch of documents is
 * first leased (so several instances of a service don't publish the same batch side by side), every
 * message is sent and acknowledged by the broker, and only then pulled from its document. A crash
 * after sending and before pulling publishes the message again on the next pass: delivery is
 * at-least-once and every consumer is idempotent.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String LEASE_UNTIL = "outboxLeaseUntil";
    private static final String LEASE_OWNER = "outboxLeaseOwner";
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<String> collections;
    private final Clock clock;
    private final OutboxSettings settings;
    private final Counter published;
    private ScheduledExecutorService executor;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, List<String> collections, Clock clock,
            OutboxSettings settings, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.clock = clock;
        this.settings = settings;
        this.published = Counter.builder("par.outbox.published").description("Events published from outboxes").register(meters);
        io.micrometer.core.instrument.Gauge.builder("par.outbox.pending", this, OutboxRelay::pending)
                .description("Documents whose outbox still holds events to publish").register(meters);
    }

    /** How many documents still hold events to publish; zero when the outboxes are drained. */
    public long pending() {
        Query withEvents = Query.query(Criteria.where(AggregateStore.OUTBOX + ".0").exists(true));
        return collections.stream().mapToLong(c -> mongo.count(withEvents, c)).sum();
    }

    /** Relays until every outbox is empty or a pass fails; answers how many events were published. */
    public int relayAll() {
        int total = 0;
        for (String collection : collections) {
            int sent;
            do {
                sent = relayBatch(collection);
                total += sent;
            } while (sent > 0);
        }
        return total;
    }

    private int relayBatch(String collection) {
        String owner = UUID.randomUUID().toString();
        List<Document> leased = lease(collection, owner);
        if (leased.isEmpty()) {
            return 0;
        }
        try {
            List<CompletableFuture<?>> acks = new ArrayList<>();
            for (Document document : leased) {
                for (Document message : document.getList(AggregateStore.OUTBOX, Document.class)) {
                    acks.add(kafka.send(message.getString("topic"), message.getString("key"), message.getString("json")));
                }
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            removeSent(collection, leased);
            published.increment(acks.size());
            return acks.size();
        } catch (Exception e) {
            release(collection, owner);
            throw new IllegalStateException("Publishing the outbox of " + collection + " failed", e);
        }
    }

    private List<Document> lease(String collection, String owner) {
        Instant now = clock.instant();
        Criteria free = new Criteria().orOperator(Criteria.where(LEASE_UNTIL).exists(false), Criteria.where(LEASE_UNTIL).lt(now));
        Criteria pending = Criteria.where(AggregateStore.OUTBOX + ".0").exists(true);
        Query candidates = Query.query(new Criteria().andOperator(pending, free)).limit(settings.batchSize());
        candidates.fields().include("_id");
        List<Object> ids = mongo.find(candidates, Document.class, collection).stream().map(d -> d.get("_id")).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Query claim = Query.query(new Criteria().andOperator(Criteria.where("_id").in(ids), free));
        mongo.updateMulti(claim, new Update().set(LEASE_UNTIL, now.plus(settings.lease())).set(LEASE_OWNER, owner), collection);
        Query mine = Query.query(Criteria.where(LEASE_OWNER).is(owner));
        mine.fields().include(AggregateStore.OUTBOX);
        return mongo.find(mine, Document.class, collection);
    }

    private void removeSent(String collection, List<Document> leased) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (Document document : leased) {
            List<String> sentIds = document.getList(AggregateStore.OUTBOX, Document.class).stream()
                    .map(m -> m.getString("eventId")).toList();
            Update update = new Update().pull(AggregateStore.OUTBOX, Query.query(Criteria.where("eventId").in(sentIds)))
                    .unset(LEASE_UNTIL).unset(LEASE_OWNER);
            bulk.updateOne(Query.query(Criteria.where("_id").is(document.get("_id"))), update);
        }
        bulk.execute();
    }

    private void release(String collection, String owner) {
        mongo.updateMulti(Query.query(Criteria.where(LEASE_OWNER).is(owner)),
                new Update().unset(LEASE_UNTIL).unset(LEASE_OWNER), collection);
    }

    private void pass() {
        try {
            relayAll();
        } catch (RuntimeException e) {
            log.warn("Outbox relay pass failed; the events stay in their outboxes and will be retried: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        executor.scheduleWithFixedDelay(this::pass, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Lets a pass under way finish for a moment, then interrupts it: what it sent but did not yet pull from its
     * outbox is sent again after the restart, which consumers take in their stride, while waiting out a store or
     * broker that is already gone would only hold up the shutdown.
     */
    @Override
    public void stop() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }

    /** Runs after the producer is ready and stops before it closes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    public record OutboxSettings(Duration pollInterval, Duration lease, Duration sendTimeout, int batchSize) {
    }
}
