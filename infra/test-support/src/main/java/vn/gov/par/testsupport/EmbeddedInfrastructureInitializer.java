package vn.gov.par.testsupport;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the embedded broker and store, and makes it accept {@link TestTokens}. Each context gets a
 * database of its own, so cached contexts of different test classes never see each other's documents.
 */
public class EmbeddedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
        String database = "par-test-" + UUID.randomUUID().toString().substring(0, 8);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testTokens", TestTokens.serviceProperties()));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedInfrastructure", Map.of(
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "spring.mongodb.uri", infrastructure.mongoUri() + "/" + database,
                "logging.level.kafka", "WARN",
                "logging.level.org.apache.kafka", "WARN",
                "logging.level.state.change.logger", "WARN",
                "logging.level.org.mongodb.driver", "WARN",
                "logging.level.de.bwaldvogel.mongo", "WARN")));
    }
}
