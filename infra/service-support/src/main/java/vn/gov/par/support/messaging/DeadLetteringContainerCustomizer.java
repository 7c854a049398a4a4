package vn.gov.par.support.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.par.contracts.UndecodableEventException;
import vn.gov.par.support.PlatformProperties;

/**
 * Retries a failed event in the listener container with the binding's back-off, then publishes it to
 * the subscription's dead-letter topic, {@code <topic>.<group>.dlq}, with the exception in its headers, counts it
 * ({@code par.events.dead-lettered}), and moves on: the partition never blocks. An event that can never be decoded skips
 * the retries. (Done here rather than with the binding's {@code retryable-exceptions} map, whose class-name keys Boot 4
 * rejects as property names.) Every subscription gets its dead-letter topic by this one rule, created when its binding
 * starts, so no binding names one.
 */
public class DeadLetteringContainerCustomizer implements ListenerContainerWithDlqAndRetryCustomizer {

    /** The innermost failure, readable by an operator; Kafka's own headers only hold the framework's wrapper. */
    public static final String REASON_HEADER = "par-dead-letter-reason";

    private final KafkaTemplate<byte[], byte[]> deadLetters;
    private final KafkaAdmin admin;
    private final PlatformProperties.Kafka topics;
    private final MeterRegistry meters;

    public DeadLetteringContainerCustomizer(List<String> bootstrapServers, KafkaAdmin admin, PlatformProperties.Kafka topics,
            MeterRegistry meters) {
        this.admin = admin;
        this.topics = topics;
        this.meters = meters;
        this.deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new ByteArraySerializer(), new ByteArraySerializer()));
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destination, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> bindersResolver, BackOff backOff) {
        String deadLetterTopic = destination + "." + group + ".dlq";
        admin.createOrModifyTopics(TopicBuilder.name(deadLetterTopic).partitions(topics.partitions()).replicas(topics.replicationFactor()).build());
        // Partition -1: the record's key picks it, so the dead-letter topic need not have as many partitions as the topic.
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, e) -> new TopicPartition(deadLetterTopic, -1));
        recoverer.setHeadersFunction((record, e) -> new RecordHeaders().add(REASON_HEADER,
                String.valueOf(reasonOf(e)).getBytes(StandardCharsets.UTF_8)));
        String subscription = destination + "." + group;
        // Counted once the dead-letter topic has acknowledged the record: the recoverer waits for the send and throws if it failed.
        DefaultErrorHandler errorHandler = new DefaultErrorHandler((record, e) -> {
            recoverer.accept(record, e);
            deadLettered(subscription, e);
        }, backOff);
        errorHandler.addNotRetryableExceptions(UndecodableEventException.class);
        container.setCommonErrorHandler(errorHandler);
    }

    private void deadLettered(String subscription, Exception e) {
        Counter.builder("par.events.dead-lettered").description("Events sent to a dead-letter topic, after retries or at once")
                .tag("subscription", subscription).tag("reason", failureClassOf(e)).register(meters).increment();
    }

    /** Few and stable enough for a tag: the class of the decoding failure, or of the innermost cause. */
    private static String failureClassOf(Exception e) {
        return undecodableCause(e).orElseGet(() -> NestedExceptionUtils.getMostSpecificCause(e)).getClass().getSimpleName();
    }

    private static String reasonOf(Exception e) {
        return undecodableCause(e).map(Throwable::getMessage).orElseGet(() -> NestedExceptionUtils.getMostSpecificCause(e).toString());
    }

    private static Optional<Throwable> undecodableCause(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UndecodableEventException) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean retryAndDlqInBinding(String destination, String group) {
        return false;
    }
}
