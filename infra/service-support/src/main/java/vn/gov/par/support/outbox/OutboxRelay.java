package vn.gov.par.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.par.support.persistence.AggregateStore;

/**
 * Publishes the events waiting in documents' outboxes, then removes them. The documents to look at are those whose
 * {@value AggregateStore#OUTBOX_SINCE} is set, which the writer sets in the very write that queues the events and a
 * sparse index holds: a pass asks each collection through that index for a batch no other relay holds, leases them
 * with a conditional update (so several instances of a service never publish the same documents side by side), sends
 * every message of each in order and waits for the broker's acknowledgements, and only then pulls what it sent and
 * clears the field in one write per document. A crash after sending and before that write publishes the messages
 * again once the lease runs out: delivery is at least once, and every consumer is idempotent.
 *
 * <p>Each message goes out with the trace headers it was queued with, so its consumers continue the trace that caused
 * it. The relay's lag ({@code par.outbox.oldest.pending}) is read from what each pass leases: how long the oldest of
 * those documents has held events, growing while publishing fails, and zero once a pass finds nothing waiting. Times
 * here follow the wall clock, never the business {@link Clock} tests move about.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);
    private static final String SINCE = AggregateStore.OUTBOX_SINCE;
    private static final String LEASE_UNTIL = "_outboxLeaseUntil";
    private static final String LEASE_OWNER = "_outboxLeaseOwner";
    private static final int PENDING_COUNTED_UP_TO = 10_000;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<String> collections;
    private final OutboxSettings settings;
    private final Clock wallClock;
    private final Counter published;
    private volatile Instant oldestWaiting;
    private ScheduledExecutorService executor;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, List<String> collections, OutboxSettings settings,
            Clock wallClock, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.settings = settings;
        this.wallClock = wallClock;
        this.published = Counter.builder("par.outbox.published").description("Events published from outboxes").register(meters);
        Gauge.builder("par.outbox.pending", this, OutboxRelay::pending)
                .description("Documents holding events to publish").register(meters);
        Gauge.builder("par.outbox.oldest.pending", this, OutboxRelay::oldestPendingSeconds)
                .baseUnit("seconds").description("Age of the oldest event waiting in an outbox (the relay's lag); 0 when none")
                .register(meters);
    }

    /**
     * How long the oldest event this relay last found waiting has waited, in seconds; zero once a pass found none. Read
     * from what the relay leases anyway, so a scrape costs no query.
     */
    public double oldestPendingSeconds() {
        Instant since = oldestWaiting;
        return since == null ? 0 : Math.max(0, Duration.between(since, wallClock.instant()).toMillis() / 1000.0);
    }

    /**
     * How many documents hold events to publish, counted up to {@value #PENDING_COUNTED_UP_TO} per collection (beyond that
     * a backlog is a backlog, and counting it whole on every scrape would read every document of it); zero when the
     * outboxes are drained.
     */
    public long pending() {
        return collections.stream().mapToLong(collection -> mongo.count(Query.query(waiting()).limit(PENDING_COUNTED_UP_TO), collection)).sum();
    }

    /** Relays until no document holds events or a pass fails; answers how many events were published. */
    public int relayAll() {
        int total = 0;
        int sent;
        do {
            sent = relayBatch();
            total += sent;
        } while (sent > 0);
        return total;
    }

    /** One batch from each collection; answers how many events went out. */
    private int relayBatch() {
        int sent = 0;
        Instant oldest = null;
        for (String collection : collections) {
            Batch batch = lease(collection);
            if (!batch.documents().isEmpty()) {
                oldest = earliest(oldest, batch.oldestSince());
                oldestWaiting = oldest; // before publishing: a pass that fails leaves the lag growing
                sent += publish(batch);
            }
        }
        oldestWaiting = oldest;
        return sent;
    }

    /**
     * Leases up to a batch of documents holding events that no other relay holds (or whose lease ran out): each is taken
     * by its id only if its lease is still the one it was read with, so two relays never both take it. Three round trips
     * whatever the batch: the free documents through the index, the leases in one bulk write, and the documents read
     * back (with every event they hold by now) to see which leases are ours.
     */
    private Batch lease(String collection) {
        Instant now = wallClock.instant();
        Query free = Query.query(waiting().orOperator(Criteria.where(LEASE_UNTIL).exists(false), Criteria.where(LEASE_UNTIL).lt(now)))
                .limit(settings.batchSize());
        free.fields().include("_id").include(LEASE_UNTIL);
        List<Document> candidates = mongo.find(free, Document.class, collection);
        if (candidates.isEmpty()) {
            return new Batch(collection, null, now, List.of());
        }
        String owner = UUID.randomUUID().toString();
        BulkOperations leases = mongo.bulkOps(BulkMode.UNORDERED, collection);
        Update lease = new Update().set(LEASE_UNTIL, now.plus(settings.lease())).set(LEASE_OWNER, owner);
        candidates.forEach(candidate -> leases.updateOne(
                Query.query(Criteria.where("_id").is(candidate.get("_id")).and(LEASE_UNTIL).is(candidate.get(LEASE_UNTIL))), lease));
        leases.execute();
        Instant readAt = wallClock.instant();
        Query ours = Query.query(Criteria.where("_id").in(candidates.stream().map(c -> c.get("_id")).toList()).and(LEASE_OWNER).is(owner));
        ours.fields().include(AggregateStore.OUTBOX).include(SINCE);
        return new Batch(collection, owner, readAt, mongo.find(ours, Document.class, collection));
    }

    /** Sends every message of the batch, in order per document, then takes them out; gives the leases back on failure. */
    private int publish(Batch batch) {
        try {
            List<CompletableFuture<?>> acks = new ArrayList<>();
            batch.documents().forEach(document -> outboxOf(document).forEach(message -> acks.add(kafka.send(recordOf(message)))));
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            published.increment(acks.size());
            removeSent(batch);
            return acks.size();
        } catch (Exception e) {
            release(batch);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Publishing outboxes failed", e);
        }
    }

    /**
     * One write per document, all in one ordered bulk: a document that holds exactly what was sent is emptied and no
     * longer waits; one written meanwhile has what was sent pulled and waits from when the pass read it (its new events
     * were queued after that). Both only while the lease is still this pass's: a relay that took over an expired lease
     * owns the document now.
     */
    private void removeSent(Batch batch) {
        BulkOperations removals = mongo.bulkOps(BulkMode.ORDERED, batch.collection());
        for (Document document : batch.documents()) {
            List<Document> sent = outboxOf(document);
            removals.updateOne(Query.query(stillLeased(batch, document).and(AggregateStore.OUTBOX).size(sent.size())),
                    new Update().set(AggregateStore.OUTBOX, List.of()).unset(SINCE).unset(LEASE_UNTIL).unset(LEASE_OWNER));
            removals.updateOne(Query.query(stillLeased(batch, document)),
                    new Update().pull(AggregateStore.OUTBOX, Query.query(Criteria.where("eventId").in(eventIds(sent))))
                            .set(SINCE, batch.readAt()).unset(LEASE_UNTIL).unset(LEASE_OWNER));
        }
        removals.execute();
    }

    private static Criteria stillLeased(Batch batch, Document document) {
        return Criteria.where("_id").is(document.get("_id")).and(LEASE_OWNER).is(batch.owner());
    }

    private static List<String> eventIds(List<Document> messages) {
        return messages.stream().map(message -> message.getString("eventId")).toList();
    }

    private void release(Batch batch) {
        if (batch.documents().isEmpty()) {
            return;
        }
        Query ours = Query.query(Criteria.where("_id").in(batch.documents().stream().map(d -> d.get("_id")).toList())
                .and(LEASE_OWNER).is(batch.owner()));
        mongo.updateMulti(ours, new Update().unset(LEASE_UNTIL).unset(LEASE_OWNER), batch.collection());
    }

    /** Documents holding events to publish, as the sparse index finds them: a range, which every store serves from it. */
    private static Criteria waiting() {
        return Criteria.where(SINCE).gte(Instant.EPOCH);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    /** The message as a record, with the trace headers it was queued with (messages queued before they were kept have none). */
    private static ProducerRecord<String, String> recordOf(Document message) {
        RecordHeaders headers = new RecordHeaders();
        Document trace = message.get("traceHeaders", Document.class);
        if (trace != null) {
            trace.forEach((name, value) -> headers.add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
        }
        return new ProducerRecord<>(message.getString("topic"), null, message.getString("key"), message.getString("json"), headers);
    }

    private static List<Document> outboxOf(Document document) {
        return document.getList(AggregateStore.OUTBOX, Document.class, List.of());
    }

    /**
     * Documents of one collection this pass leased, as read once leased.
     *
     * @param readAt when they were read: events they hold after the pass were queued after this
     */
    private record Batch(String collection, String owner, Instant readAt, List<Document> documents) {

        /** Since when the longest-waiting of them has held events. */
        Instant oldestSince() {
            return documents.stream().map(d -> d.get(SINCE, Date.class)).filter(Objects::nonNull).map(Date::toInstant)
                    .min(Comparator.naturalOrder()).orElse(null);
        }
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

    /** @param lease how long a pass holds the documents it leased: longer than it takes to publish a batch */
    public record OutboxSettings(Duration pollInterval, Duration lease, Duration sendTimeout, int batchSize) {
    }
}
