package vn.gov.par.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import vn.gov.par.driver.Http;

/**
 * The simplest program that does what the platform's pipeline does at its core: records produced to Kafka,
 * consumed, and written to the same store in bulk. Same broker, same store, same machine, so the platform's
 * throughput can be stated as a share of this one's, which holds however noisy the machine is.
 *
 * <p>Arguments: Kafka bootstrap servers, Mongo URI, records, record size in bytes. Prints one JSON line.
 */
public final class RawPipe {

    private static final int BATCH = 500;

    private RawPipe() {
    }

    public static void main(String[] args) {
        String bootstrap = args[0];
        String mongoUri = args[1];
        int records = Integer.parseInt(args[2]);
        String payload = "x".repeat(Integer.parseInt(args[3]));
        String topic = "raw-pipe-" + UUID.randomUUID();
        long start = System.nanoTime();
        produce(bootstrap, topic, records, payload);
        long produced = System.nanoTime();
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            consumeAndStore(bootstrap, topic, records, mongo.getDatabase("raw-pipe").getCollection(topic));
        }
        long stored = System.nanoTime();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("records", records);
        result.put("seconds", (stored - start) / 1e9);
        result.put("recordsPerSecond", records / ((stored - start) / 1e9));
        result.put("produceSeconds", (produced - start) / 1e9);
        System.out.println(Http.JSON.writeValueAsString(result));
    }

    private static void produce(String bootstrap, String topic, int records, String payload) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, String.valueOf(i % 64), payload));
            }
            producer.flush();
        }
    }

    private static void consumeAndStore(String bootstrap, String topic, int records, MongoCollection<Document> store) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int stored = 0;
            while (stored < records) {
                List<Document> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    batch.add(new Document("_id", record.partition() + ":" + record.offset()).append("key", record.key())
                            .append("value", record.value()));
                }
                if (!batch.isEmpty()) {
                    store.insertMany(batch);
                    consumer.commitSync();
                    stored += batch.size();
                }
            }
        }
    }
}
