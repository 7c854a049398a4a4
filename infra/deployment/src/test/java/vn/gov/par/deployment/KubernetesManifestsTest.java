package vn.gov.par.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes manifests, rendered as kustomize renders them, checked for what a cluster would otherwise only
 * reveal once applied (no cluster is reachable from here).
 */
class KubernetesManifestsTest {

    static final Path KUBERNETES = Repository.DEPLOYMENT.resolve("kubernetes");
    static final List<String> OVERLAYS = List.of("overlays/national", "overlays/province");
    static final List<String> KUSTOMIZATIONS = Stream.concat(Stream.of("base"), OVERLAYS.stream()).toList();

    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    static Stream<Arguments> servicesInEachKustomization() {
        return KUSTOMIZATIONS.stream().flatMap(kustomization -> Repository.SERVICES.stream().map(service -> Arguments.of(kustomization, service)));
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void namesOnlyFilesAndKustomizationsThatExist(String kustomization) {
        assertThat(Kustomization.in(KUBERNETES.resolve(kustomization)).referencedPaths()).isNotEmpty().allSatisfy(path ->
                assertThat(Files.isRegularFile(path) || Files.isRegularFile(path.resolve("kustomization.yaml"))).as(path.toString()).isTrue());
    }

    @ParameterizedTest
    @MethodSource("servicesInEachKustomization")
    void runsSeveralReplicasThatTheAutoscalerKeepsWithinThePartitionsOfTheTopics(String kustomization, String service) {
        List<Map<String, Object>> resources = rendered(kustomization);
        Map<String, Object> autoscaler = Kustomization.find(resources, "HorizontalPodAutoscaler", service);
        int minReplicas = (Integer) Tree.at(autoscaler, "spec", "minReplicas");
        int partitions = Integer.parseInt(Tree.textAt(Kustomization.find(resources, "ConfigMap", "par-platform"), "data", "PAR_KAFKA_PARTITIONS"));

        assertThat((Integer) Tree.at(deployment(kustomization, service), "spec", "replicas")).isGreaterThanOrEqualTo(2).isEqualTo(minReplicas);
        assertThat(Tree.textAt(autoscaler, "spec", "scaleTargetRef", "kind")).isEqualTo("Deployment");
        assertThat(Tree.textAt(autoscaler, "spec", "scaleTargetRef", "name")).isEqualTo(service);
        assertThat((Integer) Tree.at(autoscaler, "spec", "maxReplicas")).isGreaterThanOrEqualTo(minReplicas).isLessThanOrEqualTo(partitions);
    }

    @ParameterizedTest
    @MethodSource("servicesInEachKustomization")
    void keepsAReplicaThroughVoluntaryDisruptions(String kustomization, String service) {
        Map<String, Object> budget = Kustomization.find(rendered(kustomization), "PodDisruptionBudget", service);
        Map<String, Object> podLabels = Tree.mapAt(deployment(kustomization, service), "spec", "template", "metadata", "labels");

        assertThat(podLabels).containsAllEntriesOf(Tree.mapAt(budget, "spec", "selector", "matchLabels"));
        assertThat((Integer) Tree.at(budget, "spec", "minAvailable"))
                .isPositive().isLessThan((Integer) Tree.at(deployment(kustomization, service), "spec", "replicas"));
    }

    @ParameterizedTest
    @MethodSource("servicesInEachKustomization")
    void probesLivenessAndReadinessOnTheActuatorPathsOfThePortTheServiceListensOn(String kustomization, String service) {
        Map<String, Object> container = container(kustomization, service);
        Set<String> portNames = new HashSet<>();
        Tree.listAt(container, "ports").forEach(port -> portNames.add(Tree.textAt(port, "name")));

        assertThat(Tree.textAt(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat(Tree.textAt(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat(Tree.textAt(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        Stream.of("readinessProbe", "livenessProbe", "startupProbe")
                .forEach(probe -> assertThat(portNames).as(probe).contains(Tree.textAt(container, probe, "httpGet", "port")));
    }

    @ParameterizedTest
    @MethodSource("servicesInEachKustomization")
    void requestsAndLimitsCpuAndMemory(String kustomization, String service) {
        Map<String, Object> resources = Tree.mapAt(container(kustomization, service), "resources");

        assertThat(Quantities.of(Tree.textAt(resources, "requests", "memory")))
                .isLessThanOrEqualTo(Quantities.of(Tree.textAt(resources, "limits", "memory")));
        assertThat(Quantities.of(Tree.textAt(resources, "requests", "cpu")))
                .isLessThanOrEqualTo(Quantities.of(Tree.textAt(resources, "limits", "cpu")));
    }

    @ParameterizedTest
    @MethodSource("servicesInEachKustomization")
    void listensWhereItsServiceAndPrometheusLook(String kustomization, String service) {
        Map<String, Object> container = container(kustomization, service);
        Object http = Tree.listAt(container, "ports").stream().filter(port -> "http".equals(Tree.textAt(port, "name"))).findFirst().orElseThrow();
        Object servicePort = Tree.listAt(Kustomization.find(rendered(kustomization), "Service", service), "spec", "ports").get(0);
        String port = Tree.textAt(http, "containerPort");

        assertThat(variables(kustomization, service)).containsEntry("SERVER_PORT", port);
        assertThat(port).isEqualTo(String.valueOf(ServiceSettings.of(service).defaultPort()));
        assertThat(Tree.textAt(servicePort, "targetPort")).isEqualTo("http");
        assertThat(Tree.textAt(deployment(kustomization, service), "spec", "template", "metadata", "annotations", "prometheus.io/port")).isEqualTo(port);
    }

    @ParameterizedTest
    @MethodSource("servicesInEachKustomization")
    void setsOnlyVariablesTheServiceReadsAndTheOperatingGuideDocuments(String kustomization, String service) {
        ServiceSettings settings = ServiceSettings.of(service);
        ProductionConfiguration guide = ProductionConfiguration.fromOperatingGuide();

        assertThat(variables(kustomization, service).keySet()).contains("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI", "SERVER_PORT")
                .allSatisfy(variable -> {
                    assertThat(settings.reads(variable)).as("%s reads %s", service, variable).isTrue();
                    assertThat(guide.documents(variable)).as("docs/operating.md documents %s", variable).isTrue();
                });
    }

    @ParameterizedTest
    @MethodSource("servicesInEachKustomization")
    void reachesItsOwnDatabaseOnAReplicaSet(String kustomization, String service) {
        String uri = variables(kustomization, service).get("MONGODB_URI");

        assertThat(uri).startsWith("mongodb://").contains("/" + ServiceSettings.of(service).defaultDatabase() + "?").contains("replicaSet=");
    }

    @ParameterizedTest
    @MethodSource("servicesInEachKustomization")
    void runsTheImageOfItsModuleAtTheProjectVersionAsTheImagesUnprivilegedUser(String kustomization, String service) {
        String imageUser = DockerfileInstructions.read(Repository.DEPLOYMENT.resolve("Dockerfile")).user();
        Map<String, Object> pod = Tree.mapAt(deployment(kustomization, service), "spec", "template", "spec");

        assertThat(Tree.textAt(container(kustomization, service), "image")).endsWith("par/" + service + ":" + Repository.projectVersion());
        assertThat(Tree.at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(Tree.textAt(pod, "securityContext", "runAsUser") + ":" + Tree.textAt(pod, "securityContext", "runAsGroup")).isEqualTo(imageUser);
    }

    @ParameterizedTest
    @FieldSource("KUSTOMIZATIONS")
    void keepsPlaceholdersInSecretsAndNothingElse(String kustomization) {
        List<Map<String, Object>> secrets = rendered(kustomization).stream().filter(resource -> "Secret".equals(resource.get("kind"))).toList();

        assertThat(secrets).isNotEmpty().allSatisfy(secret -> {
            assertThat(secret).doesNotContainKey("data");
            assertThat(Tree.mapAt(secret, "stringData").values()).allSatisfy(value -> assertThat(value.toString()).contains("CHANGE_ME"));
        });
    }

    @Test
    void runsEachLevelInANamespaceOfItsOwn() {
        List<String> namespaces = OVERLAYS.stream().map(overlay -> Tree.textAt(Kustomization.in(KUBERNETES.resolve(overlay)).definition(), "namespace")).toList();

        assertThat(namespaces).doesNotContainNull().doesNotHaveDuplicates();
        for (int i = 0; i < OVERLAYS.size(); i++) {
            assertThat(Kustomization.find(rendered(OVERLAYS.get(i)), "Namespace", namespaces.get(i))).isNotNull();
        }
    }

    private static List<Map<String, Object>> rendered(String kustomization) {
        return RENDERED.computeIfAbsent(kustomization, name -> Kustomization.in(KUBERNETES.resolve(name)).render());
    }

    private static Map<String, Object> deployment(String kustomization, String service) {
        return Kustomization.find(rendered(kustomization), "Deployment", service);
    }

    private static Map<String, Object> container(String kustomization, String service) {
        List<Object> containers = Tree.listAt(deployment(kustomization, service), "spec", "template", "spec", "containers");
        assertThat(containers).hasSize(1);
        return Tree.map(containers.get(0));
    }

    /**
     * Every variable the container gets, with its value: set one by one, taken from a Secret's key, or all the keys
     * of a ConfigMap or Secret; each source must exist.
     */
    private static Map<String, String> variables(String kustomization, String service) {
        List<Map<String, Object>> resources = rendered(kustomization);
        Map<String, Object> container = container(kustomization, service);
        Map<String, String> variables = new LinkedHashMap<>();
        for (Object source : Tree.listAt(container, "envFrom")) {
            String kind = Tree.at(source, "configMapRef") != null ? "ConfigMap" : "Secret";
            String name = Tree.textAt(source, kind.equals("ConfigMap") ? "configMapRef" : "secretRef", "name");
            Map<String, Object> resource = Kustomization.find(resources, kind, name);
            Tree.mapAt(resource, kind.equals("ConfigMap") ? "data" : "stringData").forEach((key, value) -> variables.put(key, String.valueOf(value)));
        }
        for (Object variable : Tree.listAt(container, "env")) {
            Object secretKey = Tree.at(variable, "valueFrom", "secretKeyRef");
            String value = secretKey == null ? Tree.textAt(variable, "value")
                    : Tree.textAt(Kustomization.find(resources, "Secret", Tree.textAt(secretKey, "name")), "stringData", Tree.textAt(secretKey, "key"));
            assertThat(value).as("value of %s", Tree.textAt(variable, "name")).isNotNull();
            variables.put(Tree.textAt(variable, "name"), value);
        }
        return variables;
    }
}
