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
 * The relay finds what to publish through markers, never by scanning every aggregate: each event goes out once,
 * a writer caught between marking and writing is not overtaken, and events left without a marker are found by the
 * slow scan. Each event carries the trace it was caused in, and the relay's lag is the age of the oldest event waiting.
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
                .applyConnectionString(new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()))
                .addCommandListener(MarkerCommands.LISTENER).build());
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
        OutboxRelay relay = relay(Duration.ZERO);
        notes.insertIfAbsent(new Note("n1", "bản tin"), List.of(message("n1")));

        assertThat(relay.pending()).as("marked before it was written").isEqualTo(1);
        assertThat(relay.relayAll()).isEqualTo(1);
        assertThat(relay.relayAll()).as("nothing twice").isZero();

        assertThat(published()).hasSize(1).allMatch(json -> json.contains("Kế hoạch số 96/KH-UBND"));
        assertThat(relay.pending()).isZero();
        assertThat(mongo.findById("n1", Document.class, "notes").getList(AggregateStore.OUTBOX, Document.class)).isEmpty();
    }

    @Test
    void aWriterBetweenMarkingAndWritingIsNotOvertaken() {
        OutboxRelay relay = relay(Duration.ofSeconds(1));
        notes.insertIfAbsent(new Note("n2", "trước"), List.of());
        new OutboxMarkers(mongo).mark("notes", "n2");

        assertThat(relay.relayAll()).as("the writer has not written yet").isZero();
        assertThat(relay.pending()).as("its marker stays through the grace period").isEqualTo(1);
        mongo.updateFirst(Query.query(Criteria.where("_id").is("n2")),
                new Update().push(AggregateStore.OUTBOX, Documents.of(mongo, message("n2"), null)), "notes");

        await().atMost(Duration.ofSeconds(10)).until(relay::relayAll, sent -> sent == 1);
        assertThat(published()).hasSize(1);
    }

    @Test
    void aWriterHeldUpPastTheGracePeriodBetweenMarkingAndWritingIsCaughtByItsOwnWriteNotByTheSlowScan() {
        OutboxRelay relay = relay(Duration.ZERO);
        notes.insertIfAbsent(new Note("n4", "trước"), List.of());
        AggregateStore<Note> heldUp = new AggregateStore<>(new HeldUpWrites(mongo, () -> {
            assertThat(relay.relayAll()).as("the document is still empty").isZero();
            assertThat(relay.pending()).as("its marker, past the grace period, was taken away").isZero();
        }), Note.class, "notes", Note::id);

        heldUp.update(new Note("n4", "sau"), 0, List.of(message("n4")));

        assertThat(relay.relayAll()).isEqualTo(1);
        assertThat(published()).hasSize(1);
    }

    @Test
    void eventsWithoutAMarkerAreFoundByTheSlowScan() {
        OutboxRelay relay = relay(Duration.ZERO);
        notes.insertIfAbsent(new Note("n3", "không có dấu"), List.of(message("n3")));
        mongo.remove(new Query(), OutboxMarkers.COLLECTION);

        assertThat(relay.relayAll()).as("no marker, nothing seen").isZero();
        relay.markEverythingPending();
        assertThat(relay.relayAll()).isEqualTo(1);

        assertThat(published()).hasSize(1);
    }

    @Test
    void anEventGoesOutWithTheTraceItWasQueuedInAndOneQueuedBeforeTracesWereKeptStillGoesOut() {
        OutboxRelay relay = relay(Duration.ZERO);
        try (Tracing tracing = Tracing.newBuilder().traceId128Bit(true).propagationFactory(new W3CPropagation()).build()) {
            TraceHeaders traceHeaders = new TraceHeaders(new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(tracing.currentTraceContext())),
                    new BravePropagator(tracing));
            OutboxMessageFactory tracedMessages = new OutboxMessageFactory(new EventCodec(), Clock.systemUTC(), "test", traceHeaders);
            ScopedSpan request = tracing.tracer().startScopedSpan("issue plan");
            try {
                notes.insertIfAbsent(new Note("n4", "có vết"), List.of(tracedMessages.create(noted(), "n4", "notes/n4", new Note("n4", "bản tin"))));
            } finally {
                request.finish();
            }
            Document untraced = Documents.of(mongo, message("n5"), null);
            untraced.remove("traceHeaders");
            notes.insertIfAbsent(new Note("n5", "cũ"), List.of());
            new OutboxMarkers(mongo).mark("notes", "n5");
            mongo.updateFirst(Query.query(Criteria.where("_id").is("n5")), new Update().push(AggregateStore.OUTBOX, untraced), "notes");

            assertThat(relay.relayAll()).isEqualTo(2);

            Map<String, String> traceparents = new java.util.HashMap<>();
            for (ConsumerRecord<String, String> record : records()) {
                Header traceparent = record.headers().lastHeader("traceparent");
                traceparents.put(record.key(), traceparent == null ? "none" : new String(traceparent.value(), StandardCharsets.UTF_8));
            }
            assertThat(traceparents).containsOnlyKeys("n4", "n5").containsEntry("n5", "none");
            assertThat(traceparents.get("n4")).as("W3C: version-traceid-parentid-flags")
                    .startsWith("00-" + request.context().traceIdString() + "-" + request.context().spanIdString() + "-");
        }
    }

    @Test
    void theRelaysLagIsTheAgeOfTheOldestEventWaitingUntilItIsPublished() {
        MovableClock wallClock = new MovableClock(Instant.parse("2026-11-22T01:00:00Z"));
        OutboxMarkers markers = new OutboxMarkers(mongo, wallClock);
        SwitchableBroker broker = new SwitchableBroker();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        OutboxRelay relay = new OutboxRelay(mongo, markers, broker, List.of("notes"), settings(Duration.ofSeconds(60)), meters);
        assertThat(relay.oldestPendingSeconds()).as("nothing waits yet").isZero();
        notes.insertIfAbsent(new Note("n6", "chờ"), List.of());

        broker.down = true;
        queue(markers, "n6");
        assertThatThrownBy(relay::relayAll).isInstanceOf(IllegalStateException.class);
        wallClock.advance(Duration.ofSeconds(90));
        queue(markers, "n6");
        assertThatThrownBy(relay::relayAll).isInstanceOf(IllegalStateException.class);
        assertThat(relay.oldestPendingSeconds()).as("counted from the first event waiting, not the latest").isEqualTo(90.0);
        wallClock.advance(Duration.ofSeconds(30));
        assertThat(meters.scrape()).as("the name operators alert on").contains("par_outbox_oldest_pending_seconds 120.0");

        broker.down = false;
        assertThat(relay.relayAll()).isEqualTo(2);
        assertThat(relay.oldestPendingSeconds()).as("nothing left waiting").isZero();
        assertThat(meters.scrape()).contains("par_outbox_oldest_pending_seconds 0.0");

        wallClock.advance(Duration.ofSeconds(5));
        queue(markers, "n6");
        wallClock.advance(Duration.ofSeconds(26));
        broker.down = true;
        assertThatThrownBy(relay::relayAll).isInstanceOf(IllegalStateException.class);
        assertThat(relay.oldestPendingSeconds()).as("a document drained, then written again while its marker stayed, waits from its new event")
                .isEqualTo(26.0);
    }

    @Test
    void aDocumentWrittenWhileItsEventsArePublishedWaitsFromThatPassNotFromItsFirstEvent() {
        MovableClock wallClock = new MovableClock(Instant.parse("2026-11-22T01:00:00Z"));
        OutboxMarkers markers = new OutboxMarkers(mongo, wallClock);
        SwitchableBroker broker = new SwitchableBroker();
        OutboxRelay relay = new OutboxRelay(mongo, markers, broker, List.of("notes"), settings(Duration.ZERO), new SimpleMeterRegistry());
        notes.insertIfAbsent(new Note("n7", "bận"), List.of());
        queue(markers, "n7");
        wallClock.advance(Duration.ofMinutes(10));
        broker.duringNextSend = () -> {
            queue(markers, "n7");
            broker.down = true;
        };

        assertThatThrownBy(relay::relayAll).as("the first event went out, the one written meanwhile did not").isInstanceOf(IllegalStateException.class);
        wallClock.advance(Duration.ofSeconds(5));

        assertThat(relay.oldestPendingSeconds()).as("not ten minutes: the event waiting arrived during the pass").isEqualTo(5.0);
        assertThat(published()).hasSize(1);
    }

    @Test
    void twoRelaysThatReadTheSameFreeMarkerNeverBothTakeIt() {
        notes.insertIfAbsent(new Note("n8", "một lần"), List.of(message("n8")));
        OutboxMarkers quick = new OutboxMarkers(mongo);
        List<OutboxMarkers.Leased> takenByQuick = new ArrayList<>();
        OutboxMarkers slow = new OutboxMarkers(new HeldUpWrites(mongo,
                () -> takenByQuick.addAll(quick.lease("quick", Duration.ofSeconds(30), 10))));

        assertThat(slow.lease("slow", Duration.ofSeconds(30), 10)).as("read it free, but the other relay took it first").isEmpty();
        assertThat(takenByQuick).extracting(OutboxMarkers.Leased::documentId).containsExactly("n8");
    }

    @Test
    void aPassReadsTheMarkersOnceAndTakesAndRemovesEachByItsId() {
        OutboxRelay relay = relay(Duration.ZERO);
        notesWithAnEvent("m", 30);

        List<BsonDocument> filters = MarkerCommands.during(relay::relayAll);

        assertThat(published()).hasSize(30);
        assertThat(filters).as("one search for free markers, the empty one that ends the relaying, and nothing else but by id")
                .filteredOn(filter -> !filter.containsKey("_id")).hasSize(2);
        assertThat(filters).filteredOn(filter -> filter.containsKey("_id"))
                .allSatisfy(filter -> assertThat(filter.keySet()).hasSizeLessThanOrEqualTo(2));
    }

    @Test
    void aPassAsksTheStoreNoMoreOftenForSixtyDocumentsThanForThree() {
        OutboxRelay relay = relay(Duration.ZERO);
        notesWithAnEvent("few", 3);
        List<String> forThree = MarkerCommands.allDuring(relay::relayAll);
        notesWithAnEvent("many", 60);
        List<String> forSixty = MarkerCommands.allDuring(relay::relayAll);

        assertThat(forSixty).as("each step of a pass is one round trip for the whole batch").isEqualTo(forThree);
        assertThat(published()).hasSize(63);
        assertThat(relay.pending()).isZero();
        assertThat(mongo.count(Query.query(Criteria.where(AggregateStore.OUTBOX + ".0").exists(true)), "notes")).isZero();
    }

    @Test
    void aMarkerMarkedAgainWhileItsDocumentWasPublishedStaysAndItsNewEventGoesOutNextPass() {
        OutboxRelay relay = relay(Duration.ZERO);
        notes.insertIfAbsent(new Note("n9", "đầu"), List.of(message("n9")));
        OutboxMarkers markers = new OutboxMarkers(mongo, new MovableClock(Instant.now().plusSeconds(60)));
        List<OutboxMarkers.Leased> leased = markers.lease("pass", Duration.ofSeconds(30), 10);
        markers.mark("notes", "n9");

        markers.settleAll("pass", leased, List.of(), Duration.ZERO);

        assertThat(relay.pending()).as("marked again since it was leased: a writer may be on its way").isEqualTo(1);
        queue(markers, "n9");
        assertThat(relay.relayAll()).as("given back, so the next pass takes it").isEqualTo(2);
        assertThat(published()).hasSize(2);
        assertThat(mongo.findById("n9", Document.class, "notes").getList(AggregateStore.OUTBOX, Document.class)).isEmpty();
    }

    /** Queues an event in a note's outbox as a writer does: marked first, then written. */
    private void queue(OutboxMarkers markers, String noteId) {
        markers.mark("notes", noteId);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(noteId)),
                new Update().push(AggregateStore.OUTBOX, Documents.of(mongo, message(noteId), null)), "notes");
    }

    private EventType<Note> noted() {
        return new EventType<>("vn.gov.par.test.noted", 1, Note.class, topic);
    }

    private OutboxMessage message(String noteId) {
        return messages.create(noted(), noteId, "notes/" + noteId, new Note(noteId, "Kế hoạch số 96/KH-UBND"));
    }

    private OutboxRelay relay(Duration markerGrace) {
        return new OutboxRelay(mongo, new OutboxMarkers(mongo), new KafkaTemplate<>(producers()), List.of("notes"), settings(markerGrace),
                new SimpleMeterRegistry());
    }

    private static OutboxRelay.OutboxSettings settings(Duration markerGrace) {
        return new OutboxRelay.OutboxSettings(Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(30), 200, markerGrace,
                Duration.ofMinutes(5));
    }

    private static DefaultKafkaProducerFactory<String, String> producers() {
        return new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** A store whose first update is held up, as a busy store or a long pause would: meanwhile the other work runs. */
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

    /** The filters of the commands that select markers, recorded while an action runs. */
    /** Notes named prefix0, prefix1, ..., each stored with one event waiting in its outbox. */
    private void notesWithAnEvent(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            notes.insertIfAbsent(new Note(prefix + i, "bản tin"), List.of(message(prefix + i)));
        }
    }

    private static final class MarkerCommands implements CommandListener {

        static final MarkerCommands LISTENER = new MarkerCommands();
        private volatile List<BsonDocument> recording;
        private volatile List<String> recordingAll;

        /** Every command sent to the store while the action runs, as collection and command name, in order. */
        static List<String> allDuring(Runnable action) {
            return recordedDuring(action, commands -> LISTENER.recordingAll = commands);
        }

        static List<BsonDocument> during(Runnable action) {
            return recordedDuring(action, filters -> LISTENER.recording = filters);
        }

        private static <T> List<T> recordedDuring(Runnable action, Consumer<List<T>> recordInto) {
            List<T> recorded = Collections.synchronizedList(new ArrayList<>());
            recordInto.accept(recorded);
            try {
                action.run();
            } finally {
                recordInto.accept(null);
            }
            return List.copyOf(recorded);
        }

        @Override
        public void commandStarted(CommandStartedEvent event) {
            List<BsonDocument> filters = recording;
            BsonDocument command = event.getCommand();
            BsonValue collection = command.get(event.getCommandName());
            List<String> all = recordingAll;
            if (all != null) {
                all.add(collection + " " + event.getCommandName());
            }
            if (filters == null || collection == null || !collection.isString()
                    || !collection.asString().getValue().equals(OutboxMarkers.COLLECTION)) {
                return;
            }
            switch (event.getCommandName()) {
                case "find" -> filters.add(command.getDocument("filter", new BsonDocument()).clone());
                case "update" -> command.getArray("updates").forEach(u -> filters.add(u.asDocument().getDocument("q").clone()));
                case "delete" -> command.getArray("deletes").forEach(d -> filters.add(d.asDocument().getDocument("q").clone()));
                default -> { }
            }
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
