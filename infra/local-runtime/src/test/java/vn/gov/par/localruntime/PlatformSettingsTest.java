package vn.gov.par.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformSettingsTest {

    private final Path root = Path.of("/srv/par");

    @Test
    void defaultsMatchWhatTheServicesExpectWithoutConfiguration() {
        PlatformSettings settings = PlatformSettings.fromVariables(root, Map.of());

        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/par/data"));
        assertThat(settings.logFile("kafka")).isEqualTo(Path.of("/srv/par/data/logs/kafka.log"));
        assertThat(settings.kafkaBootstrapServers()).isEqualTo("localhost:9092");
        assertThat(settings.mongoUri(ServiceModule.TASK)).isEqualTo("mongodb://localhost:27017/par-task");
        assertThat(settings.smtpPort()).isEqualTo(3025);
        assertThat(settings.imapPort()).isEqualTo(3143);
        assertThat(settings.serviceBaseUrl(ServiceModule.PLAN)).hasToString("http://localhost:8081");
        assertThat(settings.servicePort(ServiceModule.NOTIFICATION)).isEqualTo(8084);
        assertThat(ServiceModule.REPORT.jar(root)).isEqualTo(Path.of("/srv/par/report-service/target/report-service-exec.jar"));
        assertThat(settings.issuerUri()).hasToString("http://localhost:8180/realms/par");
        assertThat(settings.keycloakManagementUrl()).hasToString("http://localhost:9180");
        assertThat(settings.keycloakHome()).isEqualTo(Path.of("/srv/par/infra/local-runtime/target/keycloak"));
    }

    @Test
    void environmentOverridesPortsAndDataFolder() {
        PlatformSettings settings = PlatformSettings.fromVariables(root, Map.of(
                "PAR_DATA_DIR", "/tmp/par-data",
                "KAFKA_PORT", "19092",
                "MONGODB_PORT", "27117",
                "TASK_SERVICE_PORT", "18082",
                "KEYCLOAK_PORT", "18180"));

        assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/par-data"));
        assertThat(settings.kafkaBootstrapServers()).isEqualTo("localhost:19092");
        assertThat(settings.mongoUri(ServiceModule.PLAN)).isEqualTo("mongodb://localhost:27117/par-plan");
        assertThat(settings.servicePort(ServiceModule.TASK)).isEqualTo(18082);
        assertThat(settings.servicePort(ServiceModule.PLAN)).isEqualTo(8081);
        assertThat(settings.issuerUri()).hasToString("http://localhost:18180/realms/par");
    }

    @Test
    void aPortThatIsNoPortNamesItsVariable() {
        assertThatThrownBy(() -> PlatformSettings.fromVariables(root, Map.of("SMTP_PORT", "70000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SMTP_PORT");
    }
}
