package vn.gov.par.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The settings every service shares come from service-support's defaults, below the service's own application.yml and
 * the environment, as Spring Boot itself loads them.
 */
class ServiceDefaultsTest {

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }

    @Test
    void aServiceGetsEverySharedDefaultItsOwnFileDoesNotSet() {
        ConfigurableEnvironment environment = startWith(Map.of());

        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("management.endpoint.health.group.readiness.include")).isEqualTo("readinessState,mongo");
        assertThat(environment.getProperty("management.endpoints.web.exposure.include")).contains("prometheus");
        assertThat(environment.getProperty("management.metrics.tags.application")).isEqualTo("sample-service");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:9092");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.consumer-properties[max.poll.records]")).isEqualTo("50");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.default.consumer.start-offset")).isEqualTo("earliest");
        assertThat(environment.getProperty("spring.cloud.stream.default.consumer.max-attempts")).isEqualTo("4");
        assertThat(environment.getProperty("springdoc.swagger-ui.path")).isEqualTo("/swagger-ui.html");
    }

    @Test
    void theServicesOwnFileOverridesASharedDefault() {
        ConfigurableEnvironment environment = startWith(Map.of());

        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.5");
        assertThat(environment.getProperty("spring.cloud.stream.bindings.planEvents-in-0.consumer.max-attempts")).isEqualTo("8");
    }

    @Test
    void anEnvironmentVariableOverridesASharedDefaultAndTheServicesOwnFile() {
        ConfigurableEnvironment environment = startWith(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-1.tinh.gov.vn:9092",
                "MANAGEMENT_ENDPOINT_HEALTH_SHOWDETAILS", "never",
                "MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.1"));

        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("kafka-1.tinh.gov.vn:9092");
        assertThat(environment.getProperty("management.endpoint.health.show-details")).isEqualTo("never");
        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
    }

    /** A Spring Boot application with the test's application.yml, started with these environment variables and no system properties. */
    private static ConfigurableEnvironment startWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment() {
            @Override
            protected void customizePropertySources(MutablePropertySources sources) {
                super.customizePropertySources(sources);
                // Not this JVM's system properties: another test's embedded broker may have put its address there.
                sources.replace(SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, new MapPropertySource(SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, Map.of()));
                sources.replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
            }
        };
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NoBeans.class).web(WebApplicationType.NONE)
                .environment(environment).run("--spring.config.location=classpath:service-defaults-test/application.yml")) {
            return context.getEnvironment();
        }
    }
}
