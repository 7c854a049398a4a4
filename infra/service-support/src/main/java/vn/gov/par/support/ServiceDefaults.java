package vn.gov.par.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Puts {@code par-service-defaults.yml}, what every service configures the same way, behind every other source of
 * settings: a service's application.yml, its command line and the environment all override it, so each service's
 * application.yml says only what is its own.
 */
public class ServiceDefaults implements EnvironmentPostProcessor, Ordered {

    static final String FILE = "par-service-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new YamlPropertySourceLoader().load("par-service-defaults", new ClassPathResource(FILE))
                    .forEach(defaults -> environment.getPropertySources().addLast(defaults));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + FILE, e);
        }
    }

    /** After the application's own configuration files are loaded; being last among the sources is what ranks it lowest. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
