package vn.gov.par.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.contracts.EventType;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.Documents;

/**
 * The relay finds what to publish through markers, never by scanning every aggregate: each event goes out once,
 * a writer caught between marking and writing is not overtaken, and events left without a marker are found by the
 * slow scan.
 */
class OutboxRelayTest {

    record Note(String id, String text) {
    }

    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongoServer;
    private static MongoClient mongoClient;

    private MongoTemplate mongo;
    private AggregateStore<Note> notes;
    private EventOutbox outbox;
    private String topic;

    @BeforeAll
    static void startServers() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.brokerProperty("auto.create.topics.enable", "true");
        kafka.afterPropertiesSet();
        mongoServer = new MongoServer(new MemoryBackend());
        var address = mongoServer.bind();
        mongoClient = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
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
        outbox = new EventOutbox(new EventCodec(), Clock.systemUTC(), "test");
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
    void eventsWithoutAMarkerAreFoundByTheSlowScan() {
        OutboxRelay relay = relay(Duration.ZERO);
        notes.insertIfAbsent(new Note("n3", "không có dấu"), List.of(message("n3")));
        mongo.remove(new Query(), OutboxMarkers.COLLECTION);

        assertThat(relay.relayAll()).as("no marker, nothing seen").isZero();
        relay.markEverythingPending();
        assertThat(relay.relayAll()).isEqualTo(1);

        assertThat(published()).hasSize(1);
    }

    private OutboxMessage message(String noteId) {
        EventType<Note> noted = new EventType<>("vn.gov.par.test.noted", 1, Note.class, topic);
        return outbox.message(noted, noteId, "notes/" + noteId, new Note(noteId, "Kế hoạch số 96/KH-UBND"));
    }

    private OutboxRelay relay(Duration markerGrace) {
        KafkaTemplate<String, String> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
        return new OutboxRelay(mongo, new OutboxMarkers(mongo), template, List.of("notes"), new OutboxRelay.OutboxSettings(
                Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(30), 200, markerGrace, Duration.ofMinutes(5)),
                new SimpleMeterRegistry());
    }

    private List<String> published() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            for (int polls = 0; polls < 5; polls++) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
