package vn.gov.par.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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
 * Publishes the events waiting in documents' outboxes, then removes them. The documents to look at come from
 * {@link OutboxMarkers}: a batch of markers is first leased (so several instances of a service don't publish the
 * same documents side by side), every message of those documents is sent and acknowledged by the broker, and only
 * then pulled from its document. A crash after sending and before pulling publishes the message again on the next
 * pass: delivery is at-least-once and every consumer is idempotent. Now and then the aggregate collections
 * themselves are scanned for events a marker missed.
 *
 * <p>Each message goes out with the trace headers it was queued with, so its consumers continue the trace that caused it.
 * The relay's lag ({@code par.outbox.oldest.pending}) is read from what each pass leases: how long the oldest of those
 * documents has held events, growing while publishing fails, and zero once a pass finds nothing waiting.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

    private final MongoTemplate mongo;
    private final OutboxMarkers markers;
    private final KafkaTemplate<String, String> kafka;
    private final List<String> collections;
    private final OutboxSettings settings;
    private final Counter published;
    private volatile Instant oldestWaiting;
    private ScheduledExecutorService executor;

    public OutboxRelay(MongoTemplate mongo, OutboxMarkers markers, KafkaTemplate<String, String> kafka, List<String> collections,
            OutboxSettings settings, MeterRegistry meters) {
        this.mongo = mongo;
        this.markers = markers;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.settings = settings;
        this.published = Counter.builder("par.outbox.published").description("Events published from outboxes").register(meters);
        Gauge.builder("par.outbox.pending", this, OutboxRelay::pending)
                .description("Documents marked as holding events to publish").register(meters);
        Gauge.builder("par.outbox.oldest.pending", this, OutboxRelay::oldestPendingSeconds)
                .baseUnit("seconds").description("Age of the oldest event waiting in an outbox (the relay's lag); 0 when none")
                .register(meters);
    }

    /**
     * How long the oldest event this relay last found waiting has waited, in seconds; zero once a pass found none. Read
     * from the markers the relay leases anyway, so a scrape costs no query.
     */
    public double oldestPendingSeconds() {
        Instant since = oldestWaiting;
        return since == null ? 0 : Math.max(0, Duration.between(since, markers.now()).toMillis() / 1000.0);
    }

    /** How many documents may still hold events to publish; zero when the outboxes are drained. */
    public long pending() {
        return markers.count();
    }

    /** Relays until no marked document holds events or a pass fails; answers how many events were published. */
    public int relayAll() {
        int total = 0;
        int sent;
        do {
            sent = relayBatch();
            total += sent;
        } while (sent > 0);
        return total;
    }

    /** Marks every document that holds events, whether or not a marker says so: the safety net under the markers. */
    public void markEverythingPending() {
        Query withEvents = Query.query(Criteria.where(AggregateStore.OUTBOX + ".0").exists(true));
        withEvents.fields().include("_id");
        for (String collection : collections) {
            markers.markAll(collection, mongo.find(withEvents, Document.class, collection).stream().map(d -> d.get("_id")).toList());
        }
    }

    private int relayBatch() {
        String owner = UUID.randomUUID().toString();
        List<OutboxMarkers.Leased> leased = markers.lease(owner, settings.lease(), settings.batchSize());
        if (leased.isEmpty()) {
            oldestWaiting = null;
            return 0;
        }
        try {
            Map<OutboxMarkers.Leased, Document> documents = documentsOf(leased);
            oldestWaiting = oldestWaiting(documents);
            List<CompletableFuture<?>> acks = new ArrayList<>();
            documents.values().forEach(document -> outboxOf(document).forEach(message -> acks.add(kafka.send(recordOf(message)))));
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            published.increment(acks.size());
            removeSent(owner, leased, documents);
            return acks.size();
        } catch (Exception e) {
            markers.release(owner);
            throw new IllegalStateException("Publishing outboxes failed", e);
        }
    }

    /** Each leased marker's document, as it stands now (null if it is gone). */
    private Map<OutboxMarkers.Leased, Document> documentsOf(List<OutboxMarkers.Leased> leased) {
        Map<OutboxMarkers.Leased, Document> documents = new HashMap<>();
        leased.stream().collect(Collectors.groupingBy(OutboxMarkers.Leased::collection)).forEach((collection, ofCollection) -> {
            Query byIds = Query.query(Criteria.where("_id").in(ofCollection.stream().map(OutboxMarkers.Leased::documentId).toList()));
            byIds.fields().include(AggregateStore.OUTBOX);
            Map<Object, Document> found = mongo.find(byIds, Document.class, collection).stream()
                    .collect(Collectors.toMap(d -> d.get("_id"), d -> d));
            ofCollection.forEach(marker -> documents.put(marker, found.get(marker.documentId())));
        });
        return documents;
    }

    /** Since when the longest-waiting of the documents that hold events has held them; null if none does. */
    private static Instant oldestWaiting(Map<OutboxMarkers.Leased, Document> documents) {
        return documents.entrySet().stream().filter(e -> !outboxOf(e.getValue()).isEmpty())
                .map(e -> e.getKey().pendingSince()).min(Comparator.naturalOrder()).orElse(null);
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

    /**
     * Pulls what was sent from every document of the batch, then reads them again: the markers of those left empty
     * settle, and those written meanwhile are given back. A few round trips whatever the batch's size, so a backlog of a
     * hundred thousand documents (a national plan's tasks) drains at the broker's pace, not one document at a time.
     */
    private void removeSent(String owner, List<OutboxMarkers.Leased> leased, Map<OutboxMarkers.Leased, Document> sent) {
        pullSent(sent);
        Map<OutboxMarkers.Leased, Document> after = documentsOf(leased);
        Map<Boolean, List<OutboxMarkers.Leased>> emptied = leased.stream()
                .collect(Collectors.partitioningBy(marker -> outboxOf(after.get(marker)).isEmpty()));
        markers.settleAll(owner, emptied.get(true), emptied.get(false), settings.markerGrace());
    }

    private void pullSent(Map<OutboxMarkers.Leased, Document> sent) {
        sent.entrySet().stream().filter(entry -> !outboxOf(entry.getValue()).isEmpty())
                .collect(Collectors.groupingBy(entry -> entry.getKey().collection()))
                .forEach((collection, documents) -> {
                    BulkOperations pulls = mongo.bulkOps(BulkMode.UNORDERED, collection);
                    documents.forEach(entry -> pulls.updateOne(Query.query(Criteria.where("_id").is(entry.getKey().documentId())),
                            new Update().pull(AggregateStore.OUTBOX, Query.query(Criteria.where("eventId").in(eventIds(entry.getValue()))))));
                    pulls.execute();
                });
    }

    private static List<String> eventIds(Document document) {
        return outboxOf(document).stream().map(message -> message.getString("eventId")).toList();
    }

    private static List<Document> outboxOf(Document document) {
        return document == null ? List.of() : document.getList(AggregateStore.OUTBOX, Document.class, List.of());
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
        executor.scheduleWithFixedDelay(this::scan, 0, settings.fullScanInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scan() {
        try {
            markEverythingPending();
        } catch (RuntimeException e) {
            log.warn("Scanning the outboxes for unmarked events failed; the next scan tries again: {}", e.getMessage());
        }
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

    /**
     * @param markerGrace      how long after its last marking a marker must stay although its document is empty:
     *                         longer than a writer takes from marking to writing
     * @param fullScanInterval how often the aggregate collections are scanned for events without a marker
     */
    public record OutboxSettings(Duration pollInterval, Duration lease, Duration sendTimeout, int batchSize, Duration markerGrace,
            Duration fullScanInterval) {
    }
}
