package vn.gov.par.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The single-host deployment, read as data: docker compose itself cannot run here (no Docker engine). */
class ComposeFileTest {

    static final Path COMPOSE = Repository.DEPLOYMENT.resolve("compose");

    final Map<String, Object> compose = Repository.yaml(COMPOSE.resolve("docker-compose.yml"));
    final Map<String, Object> services = Tree.mapAt(compose, "services");

    @Test
    void runsTheFourServicesBesideKafkaMongoDbAndAMailServer() {
        assertThat(services).containsKeys("kafka", "mongodb", "greenmail").containsKeys(Repository.SERVICES.toArray(String[]::new));
    }

    @ParameterizedTest
    @FieldSource("vn.gov.par.deployment.Repository#SERVICES")
    void buildsEachServiceImageWithTheDockerfileAndTagsItWithTheProjectVersion(String service) {
        Map<String, Object> build = Tree.mapAt(services, service, "build");
        Path context = COMPOSE.resolve(Tree.textAt(build, "context")).normalize();

        assertThat(context).isEqualTo(Repository.ROOT);
        assertThat(context.resolve(Tree.textAt(build, "dockerfile"))).isEqualTo(Repository.DEPLOYMENT.resolve("Dockerfile"));
        assertThat(Tree.textAt(build, "args", "MODULE")).isEqualTo(service);
        assertThat(Tree.textAt(services, service, "image")).isEqualTo("par/" + service + ":${PAR_IMAGE_TAG:-" + Repository.projectVersion() + "}");
    }

    @ParameterizedTest
    @FieldSource("vn.gov.par.deployment.Repository#SERVICES")
    void startsAServiceOnlyOnceKafkaAndMongoDbAreHealthy(String service) {
        Map<String, Object> dependsOn = Tree.mapAt(services, service, "depends_on");

        assertThat(Tree.textAt(dependsOn, "kafka", "condition")).isEqualTo("service_healthy");
        assertThat(Tree.textAt(dependsOn, "mongodb", "condition")).isEqualTo("service_healthy");
        assertThat(Tree.at(services, "kafka", "healthcheck", "test")).isNotNull();
        assertThat(Tree.at(services, "mongodb", "healthcheck", "test")).isNotNull();
    }

    @ParameterizedTest
    @FieldSource("vn.gov.par.deployment.Repository#SERVICES")
    void checksEachServiceOnItsReadinessProbeAtItsOwnPort(String service) {
        String port = environment(service).get("SERVER_PORT").toString();
        String check = String.join(" ", Tree.listAt(services, service, "healthcheck", "test").stream().map(String::valueOf).toList());

        assertThat(check.replace("$${SERVER_PORT}", port)).contains("http://localhost:" + port + "/actuator/health/readiness");
    }

    @ParameterizedTest
    @FieldSource("vn.gov.par.deployment.Repository#SERVICES")
    void limitsEachServicesMemoryAndCpu(String service) {
        Map<String, Object> limits = Tree.mapAt(services, service, "deploy", "resources", "limits");

        assertThat(limits).containsKeys("memory", "cpus");
        assertThat(Quantities.of(limits.get("memory").toString()))
                .isGreaterThanOrEqualTo(Quantities.of(Tree.textAt(services, service, "deploy", "resources", "reservations", "memory")));
    }

    @ParameterizedTest
    @FieldSource("vn.gov.par.deployment.Repository#SERVICES")
    void servesEachServiceOnItsUsualPortWithItsOwnDatabaseOnTheReplicaSet(String service) {
        ServiceSettings settings = ServiceSettings.of(service);
        Map<String, Object> environment = environment(service);
        URI mongo = URI.create(environment.get("MONGODB_URI").toString());

        assertThat(environment.get("SERVER_PORT")).hasToString(String.valueOf(settings.defaultPort()));
        assertThat(Tree.listAt(services, service, "ports")).containsExactly(settings.defaultPort() + ":" + settings.defaultPort());
        assertThat(mongo.getAuthority()).isEqualTo("mongodb:27017");
        assertThat(mongo.getPath()).isEqualTo("/" + settings.defaultDatabase());
        assertThat(mongo.getQuery()).isEqualTo("replicaSet=rs0");
    }

    @Test
    void runsMongoDbAsAOneNodeReplicaSetThatItsHealthCheckInitiates() {
        String check = String.join(" ", Tree.listAt(services, "mongodb", "healthcheck", "test").stream().map(String::valueOf).toList());

        assertThat(Tree.listAt(services, "mongodb", "command")).containsSubsequence("--replSet", "rs0");
        assertThat(check).contains("rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongodb:27017' }] })", "isWritablePrimary");
    }

    @Test
    void runsTheKafkaVersionOfTheServicesClientInKraftModeWhereTheServicesLookForIt() {
        Map<String, Object> kafka = Tree.mapAt(services, "kafka", "environment");

        assertThat(Tree.textAt(services, "kafka", "image")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        assertThat(kafka.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS").toString()).contains("PLAINTEXT://kafka:9092");
        Repository.SERVICES.forEach(service -> assertThat(environment(service)).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                .containsEntry("PAR_KAFKA_REPLICATIONFACTOR", "1"));
    }

    @Test
    void sendsMailToGreenMailUnlessTheHostNamesAnotherServer() {
        assertThat(environment("notification-service")).containsEntry("SMTP_HOST", "${SMTP_HOST:-greenmail}")
                .containsEntry("SMTP_PORT", "${SMTP_PORT:-3025}");
    }

    @ParameterizedTest
    @FieldSource("vn.gov.par.deployment.Repository#SERVICES")
    void setsOnlyVariablesTheServiceReadsAndTheOperatingGuideDocuments(String service) {
        ServiceSettings settings = ServiceSettings.of(service);
        ProductionConfiguration guide = ProductionConfiguration.fromOperatingGuide();

        assertThat(environment(service).keySet()).isNotEmpty().allSatisfy(variable -> {
            assertThat(settings.reads(variable)).as("%s reads %s", service, variable).isTrue();
            assertThat(guide.documents(variable)).as("docs/operating.md documents %s", variable).isTrue();
        });
    }

    @Test
    void pinsTheVersionOfEveryImageItDoesNotBuild() {
        services.entrySet().stream().filter(service -> Tree.at(service.getValue(), "build") == null).forEach(service ->
                assertThat(Tree.textAt(service.getValue(), "image")).as(service.getKey()).matches("[^:]+:[^:]+").doesNotEndWith(":latest"));
    }

    @Test
    void letsPrometheusScrapeEachServiceWhereItListens() {
        Map<String, Object> prometheus = Repository.yaml(COMPOSE.resolve("prometheus.yml"));
        Object job = Tree.listAt(prometheus, "scrape_configs").get(0);

        assertThat(Tree.textAt(job, "metrics_path")).isEqualTo("/actuator/prometheus");
        assertThat(Tree.listAt(Tree.listAt(job, "static_configs").get(0), "targets"))
                .containsExactlyInAnyOrderElementsOf(Repository.SERVICES.stream().map(service -> service + ":" + environment(service).get("SERVER_PORT")).toList());
    }

    @Test
    void mountsFilesOfThisFolderThatExist() {
        List<String> localMounts = services.values().stream()
                .flatMap(service -> Tree.listAt(service, "volumes").stream().map(String::valueOf))
                .filter(volume -> volume.startsWith("./"))
                .toList();

        assertThat(localMounts).isNotEmpty().allSatisfy(volume -> assertThat(Files.exists(COMPOSE.resolve(volume.split(":")[0]))).as(volume).isTrue());
    }

    private Map<String, Object> environment(String service) {
        return Tree.mapAt(services, service, "environment");
    }
}
