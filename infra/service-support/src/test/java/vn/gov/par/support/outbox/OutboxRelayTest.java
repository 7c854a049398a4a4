package vn.gov.par.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.result.UpdateResult;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import tools.jackson.databind.json.JsonMapper;
import brave.ScopedSpan;
import brave.Tracing;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.contracts.EventType;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.Documents;

/**
 * Every change's events go out once and in order per document, also when written during a pass or held up by a slow
 * writer; a relay that dies after sending leaves them to be sent again, never lost; two relays never both take a
 * document. Each event carries the trace it was caused in, and the relay's lag is the age of the oldest event waiting.
 */
class OutboxRelayTest {

    record Note(String id, String text) {
    }

    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongoServer;
    private static MongoClient mongoClient;

    private MongoTemplate mongo;
    private AggregateStore<Note> notes;
    private OutboxMessageFactory messages;
    private String topic;

    @BeforeAll
    static void startServers() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.brokerProperty("auto.create.topics.enable", "true");
        kafka.afterPropertiesSet();
        mongoServer = new MongoServer(new MemoryBackend());
        var address = mongoServer.bind();
        mongoClient = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort())).build());
    }

    @AfterAll
    static void stopServers() {
        mongoClient.close();
        mongoServer.shutdownNow();
        kafka.destroy();
    }

    @BeforeEach
    void freshDatabaseAndTopic() {
        mongo = new MongoTemplate(new SimpleMongoClientDatabaseFactory(mongoClient, "relay-" + UUID.randomUUID()));
        notes = new AggregateStore<>(mongo, Note.class, "notes", Note::id);
        messages = new OutboxMessageFactory(new EventCodec(), Clock.systemUTC(), "test", TraceHeaders.NONE);
        topic = "outbox-relay-test-" + UUID.randomUUID();
    }

    @Test
    void anEventQueuedWithItsDocumentIsPublishedOnceAndLeavesNothingBehind() {
        OutboxRelay relay = relay();
        notes.insertIfAbsent(new Note("n1", "bản tin"), List.of(message("n1")));

        assertThat(relay.pending()).as("waiting from the write that queued it").isEqualTo(1);
        assertThat(relay.relayAll()).isEqualTo(1);
        assertThat(relay.relayAll()).as("nothing twice").isZero();

        assertThat(published()).hasSize(1).allMatch(json -> json.contains("Kế hoạch số 96/KH-UBND"));
        assertThat(relay.pending()).isZero();
        Document stored = mongo.findById("n1", Document.class, "notes");
        assertThat(stored.getList(AggregateStore.OUTBOX, Document.class)).isEmpty();
        assertThat(stored).as("the document says it waits no more, and holds no lease").containsOnlyKeys("_id", "text", AggregateStore.REVISION, AggregateStore.WRITTEN_AT, AggregateStore.OUTBOX);
    }

    @Test
    void everyChangesEventsArePublishedOnceAndInOrderPerDocument() {
        OutboxRelay relay = relay();
        notes.insertIfAbsent(new Note("n2", "0"), List.of(message("n2", "lần 0")));
        for (int change = 1; change <= 5; change++) {
            notes.update(new Note("n2", String.valueOf(change)), change - 1, List.of(message("n2", "lần " + change), message("n2", "lần " + change + "b")));
        }
        notes.insertIfAbsent(new Note("n3", "khác"), List.of(message("n3", "một")));

        assertThat(relay.relayAll()).isEqualTo(12);

        assertThat(texts("n2")).containsExactly("lần 0", "lần 1", "lần 1b", "lần 2", "lần 2b", "lần 3", "lần 3b", "lần 4", "lần 4b", "lần 5", "lần 5b");
        assertThat(texts("n3")).containsExactly("một");
    }

    @Test
    void anEventWrittenWhileItsDocumentIsBeingPublishedGoesOutNextAndNothingGoesTwice() {
        SwitchableBroker broker = new SwitchableBroker();
        OutboxRelay relay = relay(broker, Clock.systemUTC());
        notes.insertIfAbsent(new Note("n4", "đầu"), List.of(message("n4", "trước")));
        broker.duringNextSend = () -> notes.update(new Note("n4", "sau"), 0, List.of(message("n4", "trong lúc gửi")));

        assertThat(relay.relayAll()).isEqualTo(2);

        assertThat(texts("n4")).containsExactly("trước", "trong lúc gửi");
        assertThat(relay.pending()).isZero();
    }

    @Test
    void anEventHeldUpByASlowWriterIsNotStranded() {
        OutboxRelay relay = relay();
        notes.insertIfAbsent(new Note("n5", "trước"), List.of());
        AggregateStore<Note> heldUp = new AggregateStore<>(new HeldUpWrites(mongo,
                () -> assertThat(relay.relayAll()).as("nothing is queued until the write is done").isZero()), Note.class, "notes", Note::id);

        heldUp.update(new Note("n5", "sau"), 0, List.of(message("n5", "chậm")));

        assertThat(relay.relayAll()).isEqualTo(1);
        assertThat(texts("n5")).containsExactly("chậm");
    }

    @Test
    void aRelayThatDiesBetweenPublishingAndRemovingLeavesTheEventsToBePublishedAgainOnceItsLeaseRunsOut() {
        MovableClock wallClock = new MovableClock(Instant.now());
        OutboxRelay dying = new OutboxRelay(new DiesAfterSending(mongo), new KafkaTemplate<>(producers()), List.of("notes"), settings(),
                wallClock, new SimpleMeterRegistry());
        OutboxRelay next = new OutboxRelay(mongo, new KafkaTemplate<>(producers()), List.of("notes"), settings(), wallClock,
                new SimpleMeterRegistry());
        notes.insertIfAbsent(new Note("n6", "một"), List.of(message("n6", "sự kiện")));

        assertThatThrownBy(dying::relayAll).isInstanceOf(IllegalStateException.class);
        assertThat(texts("n6")).as("sent before it died").containsExactly("sự kiện");
        assertThat(next.relayAll()).as("its lease still holds the document").isZero();

        wallClock.advance(settings().lease().plusSeconds(1));
        assertThat(next.relayAll()).isEqualTo(1);

        assertThat(texts("n6")).as("at least once: the consumers take the repeat in their stride").containsExactly("sự kiện", "sự kiện");
        assertThat(next.pending()).isZero();
    }

    @Test
    void twoRelaysThatReadTheSameFreeDocumentNeverBothTakeIt() {
        notes.insertIfAbsent(new Note("n7", "một lần"), List.of(message("n7")));
        OutboxRelay quick = relay();
        List<Integer> sentByQuick = new ArrayList<>();
        OutboxRelay slow = new OutboxRelay(new HeldUpWrites(mongo, () -> sentByQuick.add(quick.relayAll())), new KafkaTemplate<>(producers()),
                List.of("notes"), settings(), Clock.systemUTC(), new SimpleMeterRegistry());

        assertThat(slow.relayAll()).as("read it free, but the other relay took it first").isZero();
        assertThat(sentByQuick).containsExactly(1);
        assertThat(published()).hasSize(1);
    }

    @Test
    void twoRelaysBesideBusyWritersPublishEveryEventOnceInOrder() throws Exception {
        OutboxRelay first = relay();
        OutboxRelay second = relay();
        first.start();
        second.start();
        try {
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String id = "w" + w;
                writers.add(CompletableFuture.runAsync(() -> {
                    notes.insertIfAbsent(new Note(id, "0"), List.of(message(id, "0")));
                    for (int change = 1; change < 40; change++) {
                        notes.update(new Note(id, String.valueOf(change)), change - 1, List.of(message(id, String.valueOf(change))));
                    }
                }));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(30, java.util.concurrent.TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> first.pending() == 0 && published().size() >= 160);
        } finally {
            first.stop();
            second.stop();
        }
        List<String> inOrder = java.util.stream.IntStream.range(0, 40).mapToObj(String::valueOf).toList();
        for (int w = 0; w < 4; w++) {
            assertThat(texts("w" + w)).as("writer %d's events, each once and in order", w).isEqualTo(inOrder);
        }
    }

    @Test
    void anEventGoesOutWithTheTraceItWasQueuedInAndOneQueuedBeforeTracesWereKeptStillGoesOut() {
        OutboxRelay relay = relay();
        try (Tracing tracing = Tracing.newBuilder().traceId128Bit(true).propagationFactory(new W3CPropagation()).build()) {
            TraceHeaders traceHeaders = new TraceHeaders(new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(tracing.currentTraceContext())),
                    new BravePropagator(tracing));
            OutboxMessageFactory tracedMessages = new OutboxMessageFactory(new EventCodec(), Clock.systemUTC(), "test", traceHeaders);
            ScopedSpan request = tracing.tracer().startScopedSpan("issue plan");
            try {
                notes.insertIfAbsent(new Note("n8", "có vết"), List.of(tracedMessages.create(noted(), "n8", "notes/n8", new Note("n8", "bản tin"))));
            } finally {
                request.finish();
            }
            Document untraced = Documents.of(mongo, message("n9"), null);
            untraced.remove("traceHeaders");
            notes.insertIfAbsent(new Note("n9", "cũ"), List.of());
            queue("n9", untraced, Instant.now());

            assertThat(relay.relayAll()).isEqualTo(2);

            Map<String, String> traceparents = new java.util.HashMap<>();
            for (ConsumerRecord<String, String> record : records()) {
                Header traceparent = record.headers().lastHeader("traceparent");
                traceparents.put(record.key(), traceparent == null ? "none" : new String(traceparent.value(), StandardCharsets.UTF_8));
            }
            assertThat(traceparents).containsOnlyKeys("n8", "n9").containsEntry("n9", "none");
            assertThat(traceparents.get("n8")).as("W3C: version-traceid-parentid-flags")
                    .startsWith("00-" + request.context().traceIdString() + "-" + request.context().spanIdString() + "-");
        }
    }

    @Test
    void theRelaysLagIsTheAgeOfTheOldestEventWaitingUntilItIsPublished() {
        MovableClock wallClock = new MovableClock(Instant.parse("2026-11-22T01:00:00Z"));
        SwitchableBroker broker = new SwitchableBroker();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        OutboxRelay relay = new OutboxRelay(mongo, broker, List.of("notes"), settings(), wallClock, meters);
        assertThat(relay.oldestPendingSeconds()).as("nothing waits yet").isZero();
        notes.insertIfAbsent(new Note("n10", "chờ"), List.of());

        broker.down = true;
        queue("n10", wallClock.instant());
        assertThatThrownBy(relay::relayAll).isInstanceOf(IllegalStateException.class);
        wallClock.advance(Duration.ofSeconds(90));
        queue("n10", wallClock.instant());
        assertThatThrownBy(relay::relayAll).isInstanceOf(IllegalStateException.class);
        assertThat(relay.oldestPendingSeconds()).as("counted from the first event waiting, not the latest").isEqualTo(90.0);
        wallClock.advance(Duration.ofSeconds(30));
        assertThat(meters.scrape()).as("the name operators alert on").contains("par_outbox_oldest_pending_seconds 120.0");

        broker.down = false;
        assertThat(relay.relayAll()).isEqualTo(2);
        assertThat(relay.oldestPendingSeconds()).as("nothing left waiting").isZero();
        assertThat(meters.scrape()).contains("par_outbox_oldest_pending_seconds 0.0");

        wallClock.advance(Duration.ofSeconds(5));
        queue("n10", wallClock.instant());
        wallClock.advance(Duration.ofSeconds(26));
        broker.down = true;
        assertThatThrownBy(relay::relayAll).isInstanceOf(IllegalStateException.class);
        assertThat(relay.oldestPendingSeconds()).as("a document drained, then written again, waits from its new event").isEqualTo(26.0);
    }

    @Test
    void aDocumentWrittenWhileItsEventsArePublishedWaitsFromThatPassNotFromItsFirstEvent() {
        MovableClock wallClock = new MovableClock(Instant.parse("2026-11-22T01:00:00Z"));
        SwitchableBroker broker = new SwitchableBroker();
        OutboxRelay relay = new OutboxRelay(mongo, broker, List.of("notes"), settings(), wallClock, new SimpleMeterRegistry());
        notes.insertIfAbsent(new Note("n11", "bận"), List.of());
        queue("n11", wallClock.instant());
        wallClock.advance(Duration.ofMinutes(10));
        broker.duringNextSend = () -> queue("n11", wallClock.instant());

        assertThat(relay.relayAll()).as("the first pass sends the first event, the next the one written meanwhile").isEqualTo(2);
        queue("n11", wallClock.instant());
        broker.duringNextSend = () -> {
            wallClock.advance(Duration.ofSeconds(5));
            queue("n11", wallClock.instant());
            broker.down = true;
        };
        assertThatThrownBy(relay::relayAll).as("the first went out; the next pass finds the broker down").isInstanceOf(IllegalStateException.class);

        assertThat(relay.oldestPendingSeconds()).as("not ten minutes: the events waiting arrived after the last pass that published").isEqualTo(5.0);
        assertThat(published()).hasSize(3);
    }

    /** Queues an event in a note's outbox as a writer does, in one write, at a time of the test's wall clock. */
    private void queue(String noteId, Instant at) {
        queue(noteId, Documents.of(mongo, message(noteId), null), at);
    }

    private void queue(String noteId, Document message, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(noteId)),
                new Update().push(AggregateStore.OUTBOX, message).min(AggregateStore.OUTBOX_SINCE, at), "notes");
    }

    private EventType<Note> noted() {
        return new EventType<>("vn.gov.par.test.noted", 1, Note.class, topic);
    }

    private OutboxMessage message(String noteId) {
        return message(noteId, "Kế hoạch số 96/KH-UBND");
    }

    private OutboxMessage message(String noteId, String text) {
        return messages.create(noted(), noteId, "notes/" + noteId, new Note(noteId, text));
    }

    private OutboxRelay relay() {
        return relay(new KafkaTemplate<>(producers()), Clock.systemUTC());
    }

    private OutboxRelay relay(KafkaTemplate<String, String> broker, Clock wallClock) {
        return new OutboxRelay(mongo, broker, List.of("notes"), settings(), wallClock, new SimpleMeterRegistry());
    }

    private static OutboxRelay.OutboxSettings settings() {
        return new OutboxRelay.OutboxSettings(Duration.ofMillis(20), Duration.ofSeconds(30), Duration.ofSeconds(30), 200);
    }

    private static DefaultKafkaProducerFactory<String, String> producers() {
        return new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
    }

    /** A store whose first write is held up, as a busy store or a long pause would: meanwhile the other work runs. */
    private static final class HeldUpWrites extends MongoTemplate {

        private volatile Runnable meanwhile;

        HeldUpWrites(MongoTemplate store, Runnable meanwhile) {
            super(store.getMongoDatabaseFactory(), store.getConverter());
            this.meanwhile = meanwhile;
        }

        @Override
        public UpdateResult updateFirst(Query query, UpdateDefinition update, String collectionName) {
            holdUp();
            return super.updateFirst(query, update, collectionName);
        }

        @Override
        public BulkOperations bulkOps(BulkMode mode, String collectionName) {
            holdUp();
            return super.bulkOps(mode, collectionName);
        }

        private void holdUp() {
            Runnable first = meanwhile;
            meanwhile = null;
            if (first != null) {
                first.run();
            }
        }
    }

    /** A relay's store that is gone once the relay has sent its batch: it can neither take out what it sent nor give its lease back. */
    private static final class DiesAfterSending extends MongoTemplate {

        DiesAfterSending(MongoTemplate store) {
            super(store.getMongoDatabaseFactory(), store.getConverter());
        }

        @Override
        public BulkOperations bulkOps(BulkMode mode, String collectionName) {
            if (mode == BulkMode.ORDERED) {
                throw new IllegalStateException("killed");
            }
            return super.bulkOps(mode, collectionName);
        }

        @Override
        public UpdateResult updateMulti(Query query, UpdateDefinition update, String collectionName) {
            throw new IllegalStateException("killed");
        }
    }

    /** The broker as the relay reaches it, which a test can take away. */
    private static final class SwitchableBroker extends KafkaTemplate<String, String> {

        private volatile boolean down;
        private volatile Runnable duringNextSend;

        SwitchableBroker() {
            super(producers());
        }

        @Override
        public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
            if (down) {
                return CompletableFuture.failedFuture(new KafkaException("broker unreachable"));
            }
            CompletableFuture<SendResult<String, String>> sent = super.send(record);
            Runnable meanwhile = duringNextSend;
            duringNextSend = null;
            if (meanwhile != null) {
                meanwhile.run();
            }
            return sent;
        }
    }

    /** A wall clock the test moves instead of waiting. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }
    }

    /** The texts published for one note, in the order they reached its partition. */
    private List<String> texts(String noteId) {
        return records().stream().filter(record -> record.key().equals(noteId))
                .map(record -> JsonMapper.shared().readTree(record.value()).path("data").path("text").asString()).toList();
    }

    private List<String> published() {
        return records().stream().map(ConsumerRecord::value).toList();
    }

    /** Every record on the test's topic, read up to its end (no consumer group to wait for). */
    private List<ConsumerRecord<String, String>> records() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
