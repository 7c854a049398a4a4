package vn.gov.par.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.par.driver.CentralPlan.activity;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;

import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.Topics;
import vn.gov.par.driver.CentralPlan;
import vn.gov.par.driver.DraftIssuer;
import vn.gov.par.driver.Http;
import vn.gov.par.driver.NationalHierarchy;
import vn.gov.par.driver.Quiescence;
import vn.gov.par.localruntime.ManagedProcess;
import vn.gov.par.localruntime.ServiceModule;
import vn.gov.par.localruntime.SignIn;

/**
 * The platform as separate processes over a hierarchy of more than 500 units, put through what production will do to
 * it: each service killed (SIGKILL) and restarted in the middle of a cascade, the broker stopped and restarted, every
 * event delivered twice, and events no service can read. What a cascade leaves behind is counted in the stores and
 * compared with what the same cascade left when nothing failed. Last, what operators watch is checked against what the
 * services, after all that, expose.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformUnderFaultsTest {

    /** 4 provinces with 20 agencies each and 432 communes under one centre: 517 units. */
    private static final NationalHierarchy HIERARCHY = NationalHierarchy.twoTier(0.13);
    private static final int YEAR = Year.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusYears(1).getValue();
    private static final Duration CASCADE_LIMIT = Duration.ofMinutes(15);
    private static final int ISSUERS = 4;
    /** Drafts issued before each fault: spread over the cascade, so every fault lands while work is in flight. */
    private static final int FAULT_EVERY = 90;
    private static final Map<String, List<String>> SUBSCRIBERS = Map.of(
            Topics.PLAN_EVENTS, List.of("plan-service", "task-service", "report-service", "notification-service"),
            Topics.UNIT_EVENTS, List.of("plan-service", "task-service", "report-service", "notification-service"),
            Topics.TASK_EVENTS, List.of("report-service", "notification-service"),
            Topics.REPORT_EVENTS, List.of("plan-service", "task-service", "notification-service"));

    private PlatformUnderTest platform;
    private MongoClient mongo;
    /** What one cascade adds to the stores when nothing fails. */
    private Census reference;
    private String referencePlanId;

    @BeforeAll
    void startThePlatformAndRunOneCascadeUndisturbed() throws Exception {
        platform = PlatformUnderTest.start();
        mongo = platform.gauges().mongo();
        assertThat(HIERARCHY.units()).isGreaterThanOrEqualTo(500);
        plans().postText("/api/units/import", "text/csv", HIERARCHY.csv(), Duration.ofMinutes(5));
        platform.officials().provisionLeaders(HIERARCHY.unitCodes());
        awaitQuiescence();
        Census before = Census.take(mongo);
        referencePlanId = runCascade(1, issuer -> {
        });
        reference = Census.take(mongo).minus(before);
        System.out.println("One cascade without faults added " + reference.documents());
        assertThat(reference.documents()).allSatisfy((collection, added) -> assertThat(added).as(collection).isPositive());
        assertThat(mongo.getDatabase("par-notification").getCollection("reminders").countDocuments())
                .as("reminders planned by the deadlines, none stored before it is due").isZero();
    }

    @AfterAll
    void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void killingEachServiceAndStoppingTheBrokerMidCascadeLosesAndDuplicatesNothing() throws Exception {
        Census before = Census.take(mongo);
        Map<String, Quiescence.Snapshot> atEachFault = new LinkedHashMap<>();

        String rootPlanId = runCascade(2, issuer -> {
            int step = 0;
            for (ServiceModule service : ServiceModule.values()) {
                ManagedProcess process = platform.processes().service(service);
                atEachFault.put("kill -9 " + process.name(), issueThenRead(issuer, ++step * FAULT_EVERY));
                process.kill();
                process.start();
            }
            atEachFault.put("broker stopped", issueThenRead(issuer, ++step * FAULT_EVERY));
            platform.processes().kafka().stop();
            platform.processes().kafka().start();
        });

        atEachFault.forEach((fault, snapshot) -> System.out.println(fault + " struck at " + snapshot));
        assertThat(atEachFault).as("each fault struck while the cascade was under way")
                .allSatisfy((fault, snapshot) -> assertThat(snapshot.idle()).as(fault + ": " + snapshot).isFalse());
        assertThat(Census.take(mongo).minus(before)).isEqualTo(reference);
        assertThat(Census.duplicates(mongo)).isEmpty();
        var obligations = mongo.getDatabase("par-plan").getCollection("obligations");
        assertThat(obligations.countDocuments(Filters.eq("rootPlanId", rootPlanId))).isEqualTo(HIERARCHY.obligedUnits());
        assertThat(obligations.countDocuments(Filters.and(Filters.eq("rootPlanId", rootPlanId), Filters.eq("issuedOn", null))))
                .as("obligations whose sub-plan was never issued").isZero();
    }

    @Test
    @Order(2)
    void everyEventDeliveredTwiceChangesNothing() throws Exception {
        awaitQuiescence();
        Map<String, String> before = StoreFingerprint.of(mongo);

        int replayed;
        try (EventLog log = new EventLog(platform.kafkaBootstrapServers())) {
            List<ConsumerRecord<byte[], byte[]>> records = log.readAll(SUBSCRIBERS.keySet());
            records.forEach(log::produceAgain);
            log.flush();
            replayed = records.size();
        }
        awaitQuiescence();

        assertThat(replayed).isGreaterThan(1_000);
        assertThat(StoreFingerprint.of(mongo)).isEqualTo(before);
    }

    @Test
    @Order(3)
    void poisonedEventsGoToEachSubscribersDeadLetterTopicWithTheirReasonAndThePartitionKeepsFlowing() throws Exception {
        String run = "poison-" + UUID.randomUUID();
        Map<ServiceModule, Double> undecodableBefore = counts("par_events_undecodable_total");
        Map<ServiceModule, Double> deadLetteredBefore = counts("par_events_dead_lettered_total");
        Map<String, TopicPartition> poisoned = new LinkedHashMap<>();

        try (EventLog log = new EventLog(platform.kafkaBootstrapServers())) {
            for (String topic : SUBSCRIBERS.keySet()) {
                ConsumerRecord<byte[], byte[]> last = lastRecordOfBusiestPartition(log, topic);
                TopicPartition partition = new TopicPartition(topic, last.partition());
                poisoned.put(topic, partition);
                Poison.all(run).forEach(poison -> log.produce(topic, partition.partition(), poison.key(), poison.value()));
                log.produceAgain(last);
            }
            log.flush();

            await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> SUBSCRIBERS.forEach((topic, groups) -> groups.forEach(group -> {
                List<ConsumerRecord<byte[], byte[]>> dead = log.readAll(topic + "." + group + ".dlq",
                        record -> record.key() != null && new String(record.key(), StandardCharsets.UTF_8).startsWith(run));
                assertThat(dead).as("dead letters of " + group + " from " + topic).hasSize(Poison.all(run).size());
                dead.forEach(record -> assertThat(reason(record)).as("reason of " + key(record)).contains(Poison.expectedReason(key(record))));
                TopicPartition partition = poisoned.get(topic);
                assertThat(log.committed(group, partition)).as(group + " read past the poison on " + partition).isEqualTo(log.end(partition));
            })));
        }
        Map<ServiceModule, Double> undecodableAfter = counts("par_events_undecodable_total");
        Map<ServiceModule, Double> deadLetteredAfter = counts("par_events_dead_lettered_total");
        for (ServiceModule service : ServiceModule.values()) {
            long topics = SUBSCRIBERS.values().stream().filter(groups -> groups.contains(service.moduleName())).count();
            assertThat(undecodableAfter.get(service) - undecodableBefore.get(service)).as(service.moduleName() + " counted them")
                    .isEqualTo(topics * Poison.all(run).size());
            assertThat(deadLetteredAfter.get(service) - deadLetteredBefore.get(service)).as(service.moduleName() + " dead-lettered them")
                    .isEqualTo(topics * Poison.all(run).size());
        }
    }

    @Test
    @Order(4)
    void theAlertsAndTheDashboardReadMetricsTheServicesExpose() throws IOException {
        Path observability = Path.of(System.getProperty("user.dir")).resolve("../observability");
        Set<String> read = MonitoredMetrics.namedIn(Files.readString(observability.resolve("prometheus/alerts.yml")),
                Files.readString(observability.resolve("grafana/par-platform.json")));
        Set<String> exposed = new TreeSet<>();
        for (ServiceModule service : ServiceModule.values()) {
            exposed.addAll(MonitoredMetrics.exposedBy(platform.http(service).text("/actuator/prometheus")));
        }

        assertThat(read).as("metrics the alerts and the dashboard read").hasSizeGreaterThan(20);
        assertThat(read).filteredOn(name -> !MonitoredMetrics.FIRST_COUNTED_WHEN_IT_HAPPENS.contains(name))
                .as("read but exposed by no service").isSubsetOf(exposed);
    }

    private interface Faults {
        void inject(DraftIssuer issuer) throws Exception;
    }

    @Test
    @Order(5)
    void badRequestsToTheRunningServicesAreProblemsThatChangeNothing() throws Exception {
        awaitQuiescence();
        Map<String, String> before = StoreFingerprint.of(mongo);
        long eventsBefore = platform.gauges().messagesOnTopics();
        String occurrence = platform.http(ServiceModule.TASK).get("/api/tasks?planId=" + referencePlanId + "&unitCode=T01-S01&size=1")
                .get("content").get(0).get("id").asString();
        String report = platform.http(ServiceModule.REPORT).get("/api/reports?planId=" + referencePlanId + "&unitCode=T01&size=1")
                .get("content").get(0).get("id").asString();
        String oversized = "{\"note\": \"" + "Đăng tin cải cách hành chính. ".repeat(40_000) + "\"}";

        String centre = NationalHierarchy.CENTRAL_CODE;
        List<BadRequest> requests = List.of(
                new BadRequest(centre, ServiceModule.PLAN, "POST", "/api/plans", "{\"issuerCode\": \"" + centre + "\", \"content\": {\"title\": 42, \"year\": \"2027\"}}"),
                new BadRequest(centre, ServiceModule.PLAN, "POST", "/api/plans", "{\"issuerCode\": \"KHONG-CO\", \"content\": {\"title\": \"Kế hoạch\", \"year\": " + YEAR + "}}"),
                new BadRequest(centre, ServiceModule.PLAN, "POST", "/api/plans", "{\"issuerCode\": \"" + centre + "\", \"content\": "),
                new BadRequest(centre, ServiceModule.PLAN, "POST", "/api/plans/" + referencePlanId + "/issue", "{\"number\": \"9/KH-TTg\"}"),
                new BadRequest(centre, ServiceModule.PLAN, "POST", "/api/plans", oversized),
                new BadRequest("T01-S01", ServiceModule.TASK, "POST", "/api/occurrences/" + occurrence + "/progress", "{\"done\": \"có\", \"doneOn\": \"30/02/" + YEAR + "\"}"),
                new BadRequest("T01-S01", ServiceModule.TASK, "POST", "/api/occurrences/" + occurrence + "/progress", "{\"done\": true, \"doneOn\": \"" + YEAR + "-02-30\"}"),
                new BadRequest("T01-S01", ServiceModule.TASK, "POST", "/api/occurrences/" + occurrence + "/progress", oversized),
                new BadRequest("T01", ServiceModule.REPORT, "PUT", "/api/reports/" + report + "/draft", "[]"),
                new BadRequest("T01", ServiceModule.REPORT, "PUT", "/api/reports/" + report + "/draft", "{\"difficulties\": \"Thiếu kinh phí\\u0000\"}"),
                new BadRequest(centre, ServiceModule.REPORT, "POST", "/api/reports/" + report + "/accept", "{}"),
                new BadRequest("T01", ServiceModule.REPORT, "PUT", "/api/reports/" + report + "/draft", oversized),
                new BadRequest("T01", ServiceModule.NOTIFICATION, "PUT", "/api/contacts/T01", "{\"mailbox\": 42, \"people\": \"Nguyễn Văn Hạ\"}"),
                new BadRequest("T01", ServiceModule.NOTIFICATION, "PUT", "/api/contacts/T01", "{\"mailbox\": \"khong-phai-dia-chi-thu\", \"people\": []}"),
                new BadRequest("T01", ServiceModule.NOTIFICATION, "PUT", "/api/contacts/T01", oversized));
        for (BadRequest request : requests) {
            HttpResponse<String> answer = request.sendTo(platform);
            assertThat(answer.statusCode()).as(request + " answered " + answer.body()).isBetween(400, 499).isNotIn(401, 403);
            assertThat(answer.headers().firstValue("Content-Type")).as(request.toString()).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(Http.JSON.readTree(answer.body()).path("detail").asString()).as(request.toString()).isNotBlank();
        }

        awaitQuiescence();
        assertThat(platform.gauges().messagesOnTopics()).as("events published").isEqualTo(eventsBefore);
        assertThat(StoreFingerprint.of(mongo)).isEqualTo(before);
    }

    /**
     * docs/walkthrough.md as written, every bash block in turn, against this platform (its ports put in place of the
     * local ones): the demo users sign in with curl at Keycloak and take a plan through its cycle, with the refusals the
     * walk-through shows. Needs bash, curl and jq, like anyone following it.
     */
    @Test
    @Order(6)
    void theWalkThroughRunsAsWrittenWithTheDemoUsersTokens() throws Exception {
        loadDemoUnits();
        String script = walkThroughScript();
        Path folder = Files.createTempDirectory("walkthrough");
        Process bash = new ProcessBuilder("bash", "-e", "-c", script).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor()).as(output).isZero();
        System.out.println("The walk-through printed:\n" + output);
        assertThat(output).as("every wait ended with its condition met").doesNotContain("still waiting for");
        assertThat(output).contains("\"code\": \"unauthenticated\"", "\"status\": \"ISSUED\"", "\"progress\":1}",
                "{\"status\":403,\"code\":\"role-required\"}", "{\"status\":403,\"code\":\"not-own-unit\"}",
                "{\"status\":404,\"code\":\"not-found\"}", "{\"status\":\"ISSUED\",\"code\":null}", "\"completeness\"",
                "\"retirement\":{\"retiredOn\":\"2025-07-01\",\"successorCode\":\"25308\"}");
        assertThat(Files.readAllBytes(folder.resolve("bao-cao.docx"))).as("the roll-up as .docx").startsWith('P', 'K');
    }

    private String walkThroughScript() throws IOException {
        String page = Files.readString(platform.processes().settings().projectRoot().resolve("docs/walkthrough.md"), StandardCharsets.UTF_8);
        StringBuilder script = new StringBuilder();
        Matcher block = Pattern.compile("(?s)```bash\n(.*?)```").matcher(page);
        while (block.find()) {
            script.append(block.group(1)).append('\n');
        }
        assertThat(script).as("bash blocks in docs/walkthrough.md").isNotEmpty();
        String local = script.toString().replace("localhost:8180", "localhost:" + platform.processes().settings().keycloakPort());
        for (ServiceModule service : ServiceModule.values()) {
            local = local.replace("localhost:" + service.defaultPort(), "localhost:" + platform.processes().settings().servicePort(service));
        }
        return local;
    }

    private void loadDemoUnits() throws IOException {
        try (var csv = getClass().getResourceAsStream("/demo/units.csv")) {
            plans().postText("/api/units/import", "text/csv", new String(csv.readAllBytes(), StandardCharsets.UTF_8), Duration.ofMinutes(1));
        }
    }

    @Test
    @Order(7)
    void theDemoUsersSignInAtKeycloakAndAreAllowedOrRefusedAsTheRulesSay() throws Exception {
        loadDemoUnits();
        Map<String, SignIn> users = new LinkedHashMap<>();
        for (String username : List.of("tinh.lanhdao", "tinh.snv", "honquan.lanhdao", "honquan.canbo", "thanhan.canbo")) {
            users.put(username, new SignIn(platform.processes().settings(), username));
        }
        String token = users.get("honquan.canbo").accessToken();
        Map<String, Object> draft = Map.of("title", "Thông tin, tuyên truyền cải cách hành chính năm " + YEAR + " trên địa bàn huyện Hớn Quản",
                "year", YEAR, "signer", "Nguyễn Văn Hạ", "cascade", Map.of("dueDate", LocalDate.of(YEAR, 3, 31).toString()));

        assertRefused(send(null, "POST", "/api/plans", Map.of("issuerCode", "694", "content", draft)), 401, "unauthenticated");
        assertRefused(send(token.substring(0, token.length() - 4) + "AAAA", "POST", "/api/plans", Map.of("issuerCode", "694", "content", draft)),
                401, "invalid-token");
        assertRefused(send(users.get("thanhan.canbo").accessToken(), "POST", "/api/plans", Map.of("issuerCode", "694", "content", draft)),
                403, "not-own-unit");
        assertThat(send(users.get("thanhan.canbo").accessToken(), "POST", "/api/plans", Map.of("issuerCode", "25327", "content", draft))
                .statusCode()).as("a commune officer drafts its commune's plan").isEqualTo(201);
        HttpResponse<String> created = send(token, "POST", "/api/plans", Map.of("issuerCode", "694", "content", draft));
        assertThat(created.statusCode()).isEqualTo(201);
        String plan = Http.JSON.readTree(created.body()).get("id").asString();
        assertRefused(send(token, "POST", "/api/plans/" + plan + "/issue", Map.of("number", "45/KH-UBND")), 403, "role-required");
        assertRefused(send(users.get("tinh.snv").accessToken(), "GET", "/api/plans/" + plan, null), 404, "not-found");
        HttpResponse<String> issued = send(users.get("honquan.lanhdao").accessToken(), "POST", "/api/plans/" + plan + "/issue",
                Map.of("number", "45/KH-UBND"));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);

        HttpResponse<String> seenByProvince = send(users.get("tinh.lanhdao").accessToken(), "GET", "/api/plans/" + plan, null);
        assertThat(seenByProvince.statusCode()).isEqualTo(200);
        assertThat(Http.JSON.readTree(seenByProvince.body()).get("history")).extracting(entry -> entry.get("action").asString() + " "
                + entry.at("/by/name").asString() + " " + entry.at("/by/unitCode").asString())
                .containsExactly("CREATED Trần Thị Lan 694", "ISSUED Nguyễn Văn Hạ 694");
    }

    /**
     * Keycloak stopped: officials keep working with the tokens they hold (the services check them with the keys they
     * fetched before), each service says in its health that the provider cannot be reached but its keys are held, and
     * once Keycloak is back new sign-ins work and the services say it answers again.
     */
    @Test
    @Order(8)
    void withKeycloakStoppedOfficialsKeepWorkingWithTheTokensTheyHold() throws Exception {
        String officer = new SignIn(platform.processes().settings(), "honquan.canbo").accessToken();
        String leader = new SignIn(platform.processes().settings(), "honquan.lanhdao").accessToken();
        Map<String, Object> draft = Map.of("title", "Kế hoạch soạn khi máy chủ đăng nhập ngừng năm " + YEAR, "year", YEAR,
                "cascade", Map.of("dueDate", LocalDate.of(YEAR, 3, 31).toString()));
        assertThat(send(officer, "GET", "/api/plans?issuerCode=694", null).statusCode()).isEqualTo(200);

        platform.processes().keycloak().stop();
        for (ServiceModule service : ServiceModule.values()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(Http.JSON.readTree(identityProviderHealth(service)).path("details").path("reachable").asBoolean(true))
                        .as(service.moduleName() + " notices the provider is gone").isFalse();
            });
            assertThat(Http.JSON.readTree(identityProviderHealth(service)).path("status").asString())
                    .as(service.moduleName() + " still holds the keys").isEqualTo("UP");
        }
        HttpResponse<String> created = send(officer, "POST", "/api/plans", Map.of("issuerCode", "694", "content", draft));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String plan = Http.JSON.readTree(created.body()).get("id").asString();
        assertRefused(send(officer, "POST", "/api/plans/" + plan + "/cancel", Map.of("reason", "Soạn nhầm")), 403, "role-required");
        HttpResponse<String> cancelled = send(leader, "POST", "/api/plans/" + plan + "/cancel", Map.of("reason", "Soạn nhầm"));
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertRefused(send(officer.substring(0, officer.length() - 4) + "AAAA", "GET", "/api/plans", null), 401, "invalid-token");

        platform.processes().keycloak().start();
        assertThat(send(new SignIn(platform.processes().settings(), "tinh.snv").accessToken(), "GET", "/api/plans", null).statusCode())
                .as("a sign-in after the provider is back").isEqualTo(200);
        for (ServiceModule service : ServiceModule.values()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    Http.JSON.readTree(identityProviderHealth(service)).path("details").path("reachable").asBoolean(false))
                    .as(service.moduleName() + " reaches the provider again").isTrue());
        }
    }

    private String identityProviderHealth(ServiceModule service) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(platform.processes().settings().serviceBaseUrl(service).resolve("/actuator/health")).build();
        String health = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        return Http.JSON.readTree(health).path("components").path("identityProvider").toString();
    }

    private HttpResponse<String> send(String token, String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(platform.processes().settings().serviceBaseUrl(ServiceModule.PLAN).resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String code) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Http.JSON.readTree(answer.body()).path("code").asString()).as(answer.body()).isEqualTo(code);
    }

    /** A request a client got wrong, sent as JSON by the leader of the unit it concerns: refused for what it says, not for who sent it. */
    private record BadRequest(String actingFor, ServiceModule service, String method, String path, String body) {

        HttpResponse<String> sendTo(PlatformUnderTest platform) throws IOException, InterruptedException {
            HttpRequest request = platform.officials().leader(actingFor)
                    .authorize(HttpRequest.newBuilder(platform.processes().settings().serviceBaseUrl(service).resolve(path)))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return method + " " + service.moduleName() + path + " as " + actingFor + "'s leader " + (body.length() > 120 ? body.length() + " characters" : body);
        }
    }

    /** Issues a central plan and plays every unit until the platform is quiet again; answers the plan's id. */
    private String runCascade(int number, Faults faults) throws Exception {
        long start = System.nanoTime();
        Http centre = platform.officials().leaderOf(NationalHierarchy.CENTRAL_CODE, ServiceModule.PLAN);
        String planId = centre.post("/api/plans", centralPlan(number)).get("id").asString();
        centre.post("/api/plans/" + planId + "/issue", Map.of("number", number + "/KH-TTg"));
        try (DraftIssuer issuer = new DraftIssuer(plans(), unit -> platform.officials().leaderOf(unit, ServiceModule.PLAN), ISSUERS,
                number + "/KH-UBND", LocalDate.of(YEAR, 3, 31))) {
            issuer.start();
            faults.inject(issuer);
            issuer.allow(Integer.MAX_VALUE);
            assertThat(new Quiescence(platform.gauges(), issuer::pending).await(CASCADE_LIMIT, this::progress))
                    .as("cascade " + number + " settled within " + CASCADE_LIMIT).isPresent();
            assertThat(issuer.failures()).as("drafts refused").isZero();
            assertThat(issuer.issued()).as("sub-plans issued").isGreaterThanOrEqualTo(HIERARCHY.obligedUnits() - issuer.retried());
            System.out.printf("Cascade %d settled after %.0f s (%d sub-plans issued, %d issues tried again)%n", number,
                    (System.nanoTime() - start) / 1e9, issuer.issued(), issuer.retried());
        }
        return planId;
    }

    /** Lets the units issue up to this many sub-plans, waits until they have, and reads how busy the platform is. */
    private Quiescence.Snapshot issueThenRead(DraftIssuer issuer, int drafts) {
        issuer.allow(drafts);
        await().atMost(Duration.ofMinutes(5)).until(() -> issuer.issued() >= Math.min(drafts, HIERARCHY.obligedUnits()) - ISSUERS);
        return new Quiescence(platform.gauges(), issuer::pending).read();
    }

    private void awaitQuiescence() throws InterruptedException {
        assertThat(new Quiescence(platform.gauges(), () -> 0L).await(CASCADE_LIMIT, this::progress)).isPresent();
    }

    private void progress(double seconds, Quiescence.Snapshot snapshot) {
        System.out.printf("  %4.0f s: %s%n", seconds, snapshot);
    }

    /** Work for the agencies every quarter and for every commune by a date: small enough to cascade over 500 units in minutes. */
    private static Map<String, Object> centralPlan(int number) {
        return CentralPlan.request("Thông tin, tuyên truyền cải cách hành chính năm " + YEAR + " (kiểm thử sự cố số " + number + ")", YEAR,
                List.of(activity("a", "Đăng tin, bài về cải cách hành chính trên Cổng thông tin điện tử", "Mỗi tháng 01 bản tin",
                                "Các Sở, ban, ngành", "UBND các xã, phường, thị trấn", "hàng quý"),
                        activity("b", "Tuyên truyền cải cách hành chính trên mạng xã hội Facebook, Zalo", "Trung bình mỗi tuần 01 bản tin",
                                "UBND các xã, phường, thị trấn", "", "chậm nhất trong tháng 06/" + YEAR)));
    }

    private Http plans() {
        return platform.http(ServiceModule.PLAN);
    }

    private static ConsumerRecord<byte[], byte[]> lastRecordOfBusiestPartition(EventLog log, String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = log.readAll(List.of(topic));
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> byPartition = new LinkedHashMap<>();
        records.forEach(record -> byPartition.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record));
        List<ConsumerRecord<byte[], byte[]>> busiest = byPartition.values().stream().max(Comparator.comparingInt(List::size))
                .orElseThrow(() -> new AssertionError(topic + " holds no event to follow the poison with"));
        return busiest.get(busiest.size() - 1);
    }

    private Map<ServiceModule, Double> counts(String metric) {
        Map<ServiceModule, Double> counts = new LinkedHashMap<>();
        for (ServiceModule service : ServiceModule.values()) {
            counts.put(service, sum(platform.http(service).text("/actuator/prometheus"), metric));
        }
        return counts;
    }

    private static double sum(String scrape, String metric) {
        Matcher matcher = Pattern.compile("(?m)^" + metric + "(\\{[^}]*})?\\s+([0-9.eE+-]+)").matcher(scrape);
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(2));
        }
        return total;
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }

    private static String reason(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader("par-dead-letter-reason");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Events no service can ever read: not JSON, a type nobody declared, a schema version from the future. */
    private record Poison(byte[] key, byte[] value) {

        static List<Poison> all(String run) {
            String unknownType = envelope(run + "-unknown-type", "vn.gov.par.khong-ai-biet", 1);
            String newerVersion = envelope(run + "-newer-version", EventCatalog.PLAN_ISSUED.name(), 99);
            return List.of(
                    poison(run + "-malformed", "{\"specversion\": \"1.0\", \"type\": "),
                    poison(run + "-unknown-type", unknownType),
                    poison(run + "-newer-version", newerVersion));
        }

        static String expectedReason(String key) {
            if (key.endsWith("-unknown-type")) {
                return "vn.gov.par.khong-ai-biet";
            }
            return key.endsWith("-newer-version") ? "version 99" : "end-of-input";
        }

        private static Poison poison(String key, String value) {
            return new Poison(key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
        }

        private static String envelope(String id, String type, int version) {
            return """
                    {"specversion": "1.0", "id": "%s", "type": "%s", "schemaversion": %d, "source": "/kiem-thu",
                     "time": "2027-01-05T01:00:00Z", "subject": "kiểm thử", "data": {}}""".formatted(id, type, version);
        }
    }
}
