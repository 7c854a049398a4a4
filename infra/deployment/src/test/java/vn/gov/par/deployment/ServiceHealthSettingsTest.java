package vn.gov.par.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The services serve the probe paths the manifests call, where the manifests call them. */
class ServiceHealthSettingsTest {

    @ParameterizedTest
    @FieldSource("vn.gov.par.deployment.Repository#SERVICES")
    void servesLivenessAndReadinessOnTheServicePortUnderActuator(String service) {
        var configuration = ServiceSettings.of(service).configuration();

        assertThat(Tree.at(configuration, "management", "endpoint", "health", "probes", "enabled")).isEqualTo(true);
        assertThat(Tree.textAt(configuration, "management", "endpoints", "web", "exposure", "include").split(",\\s*"))
                .contains("health", "prometheus");
        assertThat(Tree.at(configuration, "management", "server", "port")).as("actuator on a port of its own").isNull();
        assertThat(Tree.at(configuration, "management", "endpoints", "web", "base-path")).as("actuator moved").isNull();
    }

    @ParameterizedTest
    @FieldSource("vn.gov.par.deployment.Repository#SERVICES")
    void isReadyWithItsDatabaseWhateverTheBroker(String service) {
        String include = Tree.textAt(ServiceSettings.of(service).configuration(), "management", "endpoint", "health", "group", "readiness", "include");

        assertThat(Arrays.stream(include.split(",")).map(String::strip)).containsExactlyInAnyOrder("readinessState", "mongo");
    }
}
