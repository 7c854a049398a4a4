package vn.gov.par.plan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.par.plan.PlanServiceFixtures.content;
import static vn.gov.par.plan.PlanServiceFixtures.createPlan;
import static vn.gov.par.plan.PlanServiceFixtures.hierarchy;
import static vn.gov.par.plan.PlanServiceFixtures.importCsv;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.contracts.Topics;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.PlatformIntegrationTest;
import vn.gov.par.testsupport.RawHttp;
import vn.gov.par.testsupport.RefusalProbe;
import vn.gov.par.testsupport.TestTokens;

/**
 * Every step a plan's state does not allow, after every sequence that reaches that state, is a 409 problem that
 * changes nothing: a plan is issued once, changed only as a draft, cancelled only before it is closed, closed only
 * once issued.
 */
@PlatformIntegrationTest
class PlanTransitionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A commune: nothing below it owes a plan, so issuing starts no cascade. */
    private static final String ISSUER = "25426";
    private static final AtomicInteger NUMBERS = new AtomicInteger(500);
    /** What the refusal says was attempted, and what the plan is after the step before it. */
    private static final Map<String, String> ACTIONS = Map.of("issue", "ban hành", "revise", "sửa", "cancel", "hủy", "close", "kết thúc");
    private static final Map<String, String> STATES = Map.of("draft", "đang là dự thảo", "issue", "đã ban hành", "cancel", "đã bị hủy",
            "close", "đã kết thúc");

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    HttpJson api;

    @BeforeEach
    void setUp() {
        HttpJson administrator = HttpJson.onPort(port);
        importCsv(administrator, hierarchy("three-tier.csv"));
        api = administrator.as(TestTokens.leaderOf(ISSUER));
    }

    static Stream<List<String>> refusedSteps() {
        return Stream.of(
                List.of("close"),
                List.of("issue", "issue"),
                List.of("issue", "revise"),
                List.of("cancel", "issue"),
                List.of("cancel", "revise"),
                List.of("cancel", "cancel"),
                List.of("cancel", "close"),
                List.of("issue", "cancel", "close"),
                List.of("issue", "cancel", "issue"),
                List.of("issue", "close", "issue"),
                List.of("issue", "close", "revise"),
                List.of("issue", "close", "cancel"),
                List.of("issue", "close", "close"));
    }

    @ParameterizedTest(name = "{0}: the last step is refused")
    @MethodSource("refusedSteps")
    void aStepTheStateDoesNotAllowIsAConflictThatChangesNothing(List<String> steps) {
        String plan = createPlan(api, ISSUER, content("Kế hoạch thử chuyển trạng thái", 2029, LocalDate.of(2029, 12, 1), List.of()));
        steps.subList(0, steps.size() - 1).forEach(step -> assertThat(api.ok(api.post(path(plan, step), body(step)))).isNotNull());
        RefusalProbe probe = new RefusalProbe(RawHttp.onPort(port).as(TestTokens.leaderOf(ISSUER)), mongo, List.of(Topics.PLAN_EVENTS),
                List.of(new RefusalProbe.Consumer("plan-service", Topics.PLAN_EVENTS)));

        String last = steps.get(steps.size() - 1);
        RawHttp.Request request = RawHttp.Request.json(last.equals("revise") ? "PUT" : "POST", path(plan, last),
                JSON.writeValueAsString(body(last)));
        assertThat(probe.send(steps, request)).as("refused").isEmpty();
        RawHttp.Response again = RawHttp.onPort(port).as(TestTokens.leaderOf(ISSUER)).send(request);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("invalid-transition");
        assertThat(again.json().get("detail").asString()).startsWith("Không thể " + ACTIONS.get(last) + " kế hoạch "
                + STATES.get(steps.size() == 1 ? "draft" : steps.get(steps.size() - 2)));
    }

    private static String path(String plan, String step) {
        return "/api/plans/" + plan + (step.equals("revise") ? "/content" : "/" + step);
    }

    private static Object body(String step) {
        return switch (step) {
            case "issue" -> Map.of("number", NUMBERS.incrementAndGet() + "/KH-UBND", "confirmUnassigned", true);
            case "cancel" -> Map.of("reason", "Thay bằng kế hoạch khác");
            case "revise" -> content("Kế hoạch đã sửa", 2029, LocalDate.of(2029, 12, 1), List.of());
            default -> Map.of();
        };
    }
}
