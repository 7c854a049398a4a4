package vn.gov.par.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The real MongoDB and Kafka images, for the tests that prove the services also run against them.
 * Use with {@code @Testcontainers(disabledWithoutDocker = true)} so the tests skip where no Docker runs.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealImagesConfiguration {

    @Bean
    @ServiceConnection
    MongoDBContainer mongoDbContainer() {
        return new MongoDBContainer("mongo:8.0");
    }

    @Bean
    @ServiceConnection
    KafkaContainer kafkaContainer() {
        return new KafkaContainer("apache/kafka:4.1.0");
    }
}
