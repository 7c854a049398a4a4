package vn.gov.par.deployment;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import vn.gov.par.support.PlatformAutoConfiguration;
import vn.gov.par.support.PlatformProperties;

/**
 * What one service reads from its environment: the {@code ${VARIABLE:default}} placeholders of its configuration (its
 * application.yml over the defaults service-support gives every service), the environment form (Spring's relaxed
 * binding) of every property those set, and of every setting service-support binds for all services.
 */
final class ServiceSettings {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    private final String service;
    private final Map<String, Object> configuration;
    private final Set<String> variables = new HashSet<>();
    private final Set<String> openPrefixes = new HashSet<>();

    private ServiceSettings(String service) {
        this.service = service;
        this.configuration = Tree.overlaid(Repository.yaml(Repository.sharedServiceConfiguration()),
                Repository.yaml(Repository.serviceConfiguration(service)));
        Tree.leaves(configuration).forEach((property, value) -> {
            variables.add(environmentForm(property));
            if (value instanceof Map<?, ?>) {
                openPrefixes.add(environmentForm(property) + "_");
            }
            if (value instanceof String text) {
                placeholders(text);
            }
        });
        sharedProperties(PlatformProperties.class.getAnnotation(ConfigurationProperties.class).value(), PlatformProperties.class);
        placeholders(PlatformAutoConfiguration.class.getAnnotation(EnableSchedulerLock.class).defaultLockAtMostFor());
    }

    static ServiceSettings of(String service) {
        return new ServiceSettings(service);
    }

    String service() {
        return service;
    }

    Map<String, Object> configuration() {
        return configuration;
    }

    /** Whether the service binds this environment variable to one of its settings. */
    boolean reads(String variable) {
        return variables.contains(variable) || openPrefixes.stream().anyMatch(variable::startsWith);
    }

    /** The port the service listens on when SERVER_PORT is not set. */
    int defaultPort() {
        return Integer.parseInt(placeholderDefault(Tree.textAt(configuration, "server", "port"), "SERVER_PORT"));
    }

    /** The database the service uses when MONGODB_URI is not set. */
    String defaultDatabase() {
        String uri = placeholderDefault(Tree.textAt(configuration, "spring", "mongodb", "uri"), "MONGODB_URI");
        return URI.create(uri).getPath().substring(1);
    }

    /** Spring's environment-variable form of a property: upper case, dots to underscores, dashes dropped. */
    static String environmentForm(String property) {
        return property.toUpperCase(Locale.ROOT).replace("-", "").replace('.', '_');
    }

    private static String placeholderDefault(String value, String variable) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        if (!matcher.matches() || !matcher.group(1).equals(variable)) {
            throw new IllegalStateException("expected ${" + variable + ":default}, found " + value);
        }
        return matcher.group(2);
    }

    private void placeholders(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            // ${KAFKA_BOOTSTRAP_SERVERS:...} names a variable; ${par.scheduling.lock-at-most-for:...} a property.
            variables.add(name.equals(name.toUpperCase(Locale.ROOT)) ? name : environmentForm(name));
        }
    }

    private void sharedProperties(String prefix, Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            String property = prefix + "." + kebabCase(component.getName());
            if (component.getType().isRecord()) {
                sharedProperties(property, component.getType());
            } else {
                variables.add(environmentForm(property));
            }
        }
    }

    private static String kebabCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
