package vn.gov.par.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The platform's topics read and written directly, as a broken producer or a redelivering broker would. */
final class EventLog implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final Admin admin;

    EventLog(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
        this.reader = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Every record now on the topics, oldest first within each partition. */
    List<ConsumerRecord<byte[], byte[]>> readAll(Collection<String> topics) {
        List<TopicPartition> partitions = topics.stream().flatMap(topic -> reader.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))).toList();
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> reader.position(p) < ends.get(p))) {
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        reader.unsubscribe();
        return records;
    }

    /** Records on one topic that match, as far as it has been written now. */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic, Predicate<ConsumerRecord<byte[], byte[]>> matching) {
        return readAll(List.of(topic)).stream().filter(matching).toList();
    }

    /** Produces the record again: same partition, key, value and headers, as a redelivery would hand it over. */
    void produceAgain(ConsumerRecord<byte[], byte[]> record) {
        producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value(), record.headers()));
    }

    void produce(String topic, int partition, byte[] key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, partition, key, value));
    }

    void flush() {
        producer.flush();
    }

    /** Where each group has committed on the partition; 0 where it has committed nothing. */
    long committed(String group, TopicPartition partition) {
        try {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(partition);
            return offset == null ? 0 : offset.offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    long end(TopicPartition partition) {
        return reader.endOffsets(List.of(partition)).get(partition);
    }

    @Override
    public void close() {
        producer.close();
        reader.close();
        admin.close();
    }
}
