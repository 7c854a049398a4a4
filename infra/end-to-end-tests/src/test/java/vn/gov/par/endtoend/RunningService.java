package vn.gov.par.endtoend;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.gov.par.testsupport.EmbeddedInfrastructure;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.MutableClock;
import vn.gov.par.testsupport.TestTokens;

/**
 * One service started as its own Spring application inside the test JVM, with its own application.yml
 * (read from the module's sources, since the four jars each carry one), its own database, the shared
 * embedded broker and the test's clock.
 */
final class RunningService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RunningService start(Class<?> application, String module, MutableClock clock, Map<String, Object> extra) {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.config.location", "file:../../" + module + "/src/main/resources/application.yml",
                "server.port", "0",
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "spring.mongodb.uri", infrastructure.mongoUri() + "/e2e-" + module + "-" + UUID.randomUUID().toString().substring(0, 6),
                "logging.level.kafka", "WARN",
                "logging.level.org.apache.kafka", "WARN",
                "logging.level.state.change.logger", "WARN",
                "logging.level.org.mongodb.driver", "WARN",
                "logging.level.de.bwaldvogel.mongo", "WARN"));
        properties.putAll(TestTokens.serviceProperties());
        properties.putAll(extra);
        // As command-line arguments: they outrank the module's application.yml, as they would on a real command line.
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .initializers(c -> c.getBeanFactory().registerSingleton("clock", clock))
                .run(arguments);
        return new RunningService(context);
    }

    HttpJson api() {
        return HttpJson.onPort(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
