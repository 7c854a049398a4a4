package vn.gov.par.support;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.contracts.Topics;
import vn.gov.par.support.health.KafkaClusterHealthIndicator;
import vn.gov.par.support.health.MongoPingHealthIndicator;
import vn.gov.par.support.messaging.DeadLetteringContainerCustomizer;
import vn.gov.par.support.outbox.OutboxMessageFactory;
import vn.gov.par.support.outbox.OutboxRelay;
import vn.gov.par.support.outbox.TraceHeaders;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.reporting.ReportingRules;
import vn.gov.par.support.web.ProblemDetailsAdvice;
import vn.gov.par.support.web.RequestBodyLimitFilter;
import vn.gov.par.support.web.RequestBodyLimits;
import vn.gov.par.support.web.TypedTextDeserializer;
import vn.gov.par.support.web.apidocs.ApiExamples;
import vn.gov.par.support.web.apidocs.BearerTokenDocumentation;
import vn.gov.par.support.web.apidocs.ProblemDocumentation;

/** What every service gets by depending on service-support. */
/* Before Boot's Mongo configuration and health contributor, which then step aside for our conversions and health check. */
@AutoConfiguration(beforeName = {"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration"})
@EnableConfigurationProperties({PlatformProperties.class, RequestBodyLimits.class})
@Import(ProblemDetailsAdvice.class)
@EnableSchedulerLock(defaultLockAtMostFor = "${par.scheduling.lock-at-most-for:PT10M}")
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(PlatformProperties properties) {
        return Clock.system(ZoneId.of(properties.timeZone()));
    }

    /**
     * Dates are stored by the driver's own codecs (a LocalDate as midnight UTC), not through the JVM's zone,
     * so a date reads back the same on any host and in raw documents.
     */
    /**
     * How reporting clauses are read wherever they are (report-service schedules reports, plan-service previews an imported
     * plan's): Decree 09/2019/NĐ-CP, data cut off on the 14th, reports due on the 20th unless the plan says otherwise.
     */
    @Bean
    ReportingRules reportingRules(@Value("${par.reports.default-due-day}") int defaultDueDay, @Value("${par.reports.cut-off-day}") int cutOffDay) {
        return new ReportingRules(defaultDueDay, cutOffDay);
    }

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(conversions -> conversions.useNativeDriverJavaTimeCodecs());
    }

    /**
     * A number or flag a request leaves out reads as 0 or false, so the domain's own rule answers (a
     * missing year is "năm phải trong khoảng 2000–2100") rather than a generic unreadable-body problem.
     */
    @Bean
    JsonMapperBuilderCustomizer lenientPrimitives() {
        return builder -> builder.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** Text fields refuse control characters other than tabs and line breaks ({@link TypedTextDeserializer}). */
    @Bean
    JsonMapperBuilderCustomizer typedText() {
        return builder -> builder.addModule(new SimpleModule("typed-text").addDeserializer(String.class, new TypedTextDeserializer()));
    }

    /** Every operation's documentation lists the problems it can answer with (see ProblemDocumentation). */
    @Bean
    ProblemDocumentation problemDocumentation() {
        return new ProblemDocumentation();
    }

    /** The API documentation says every operation takes a bearer token. */
    @Bean
    BearerTokenDocumentation bearerTokenDocumentation() {
        return new BearerTokenDocumentation();
    }

    /** Request and response examples from the service's api-examples folder (see ApiExamples). */
    @Bean
    ApiExamples apiExamples() {
        return new ApiExamples();
    }

    /** Before anything reads a request body, so an oversized one is refused (413) rather than held in memory. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(RequestBodyLimits limits, JsonMapper json) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    /**
     * A value of the wrong JSON type is refused as unreadable (400), not converted into something the sender did not
     * mean: a flag sent as 7, a year as 2027.9 or "2027" (or ""), a date as 2101, a name as 42, a level as its position in the enum, a second
     * document after the first. Only a number or flag left out stays lenient (above).
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalarTypes() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // Not lenient: a date sent as a number (2101) is refused instead of read as that many days after 1970.
                .defaultLeniency(false)
                .withCoercionConfig(LogicalType.Boolean, refuse(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String,
                        CoercionInputShape.EmptyString))
                .withCoercionConfig(LogicalType.Integer, refuse(CoercionInputShape.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
                        CoercionInputShape.EmptyString))
                .withCoercionConfig(LogicalType.Float, refuse(CoercionInputShape.String, CoercionInputShape.Boolean, CoercionInputShape.EmptyString))
                .withCoercionConfig(LogicalType.Textual, refuse(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean));
    }

    /** Refuses the shapes, and a blank text ("", " ", a lone NUL) too rather than reading it as empty, that is 0 or false. */
    private static Consumer<MutableCoercionConfig> refuse(CoercionInputShape... shapes) {
        return config -> {
            config.setAcceptBlankAsEmpty(false);
            for (CoercionInputShape shape : shapes) {
                config.setCoercion(shape, CoercionAction.Fail);
            }
        };
    }

    /**
     * Locks for scheduled sweeps ({@code @SchedulerLock(name = ...)}), kept in the service's own database so that of
     * several instances one sweeps at a time. Lock times follow the wall clock, never the business {@link Clock}.
     */
    @Bean
    @ConditionalOnMissingBean
    LockProvider schedulerLockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getCollection("scheduler_locks"));
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /** The trace context Boot's tracing keeps for the current request or consumed event (none where tracing is off). */
    @Bean
    TraceHeaders traceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceHeaders(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    OutboxMessageFactory outboxMessageFactory(EventCodec codec, Clock clock, @Value("${spring.application.name}") String serviceName, TraceHeaders traceHeaders) {
        return new OutboxMessageFactory(codec, clock, serviceName, traceHeaders);
    }

    @Bean
    KafkaAdmin.NewTopics platformTopics(PlatformProperties properties) {
        var kafka = properties.kafka();
        return new KafkaAdmin.NewTopics(List.of(Topics.PLAN_EVENTS, Topics.UNIT_EVENTS, Topics.TASK_EVENTS, Topics.REPORT_EVENTS,
                        Topics.NOTIFICATION_EVENTS, Topics.CALENDAR_EVENTS).stream()
                .map(name -> TopicBuilder.name(name).partitions(kafka.partitions()).replicas(kafka.replicationFactor()).build())
                .toArray(NewTopic[]::new));
    }

    /** A producer of its own: the binder's byte-array serializers must not leak into the relay's String events. */
    @Bean
    KafkaTemplate<String, String> outboxKafkaTemplate(KafkaConnectionDetails kafkaConnection) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConnection.getBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> outboxKafkaTemplate,
            ObjectProvider<AggregateStore<?>> stores, PlatformProperties properties, MeterRegistry meters) {
        var outbox = properties.outbox();
        return new OutboxRelay(mongo, outboxKafkaTemplate, stores.stream().map(AggregateStore::collection).distinct().toList(),
                new OutboxRelay.OutboxSettings(outbox.pollInterval(), outbox.lease(), outbox.sendTimeout(), outbox.batchSize()),
                Clock.systemUTC(), meters);
    }

    @Bean
    DeadLetteringContainerCustomizer deadLetteringContainerCustomizer(KafkaConnectionDetails kafkaConnection, KafkaAdmin admin,
            PlatformProperties properties, MeterRegistry meters) {
        return new DeadLetteringContainerCustomizer(kafkaConnection.getBootstrapServers(), admin, properties.kafka(), meters);
    }

    @Bean(destroyMethod = "close")
    Admin kafkaHealthAdmin(KafkaConnectionDetails kafkaConnection) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConnection.getBootstrapServers()));
    }

    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    KafkaClusterHealthIndicator kafkaHealthIndicator(Admin kafkaHealthAdmin, PlatformProperties properties) {
        return new KafkaClusterHealthIndicator(kafkaHealthAdmin, properties.kafka().healthTimeout());
    }
}
