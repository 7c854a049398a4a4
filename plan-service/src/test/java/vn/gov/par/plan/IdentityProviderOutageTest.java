package vn.gov.par.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.par.plan.PlanServiceFixtures.content;
import static vn.gov.par.plan.PlanServiceFixtures.importCsv;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

import tools.jackson.databind.JsonNode;
import vn.gov.par.testsupport.EmbeddedInfrastructureInitializer;
import vn.gov.par.testsupport.HttpJson;
import vn.gov.par.testsupport.TestIdentityProvider;

/**
 * The service and an identity provider that goes away: before it has ever been reached a request is answered 503, not
 * 401 or 500, and changes nothing; once its keys are held, officials keep working with the tokens they have while it is
 * down, a forged token is still refused, and the health endpoint says which of these is the case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Keys asked for again at every request, so that each one meets the outage; the provider asked again soon.
        "par.identity-provider.keys-refresh=1ms",
        "par.identity-provider.retry-after-failure=100ms"})
@ContextConfiguration(initializers = {EmbeddedInfrastructureInitializer.class, IdentityProviderOutageTest.OwnProvider.class})
class IdentityProviderOutageTest {

    private static final TestIdentityProvider PROVIDER = new TestIdentityProvider();
    private static final String HIERARCHY = """
            code,name,level,kind,parentCode
            TW,Chính phủ,CENTRAL,GOVERNMENT,
            84,UBND tỉnh Trà Vinh,PROVINCE,GOVERNMENT,TW
            """;

    @Value("${local.server.port}")
    int port;

    @Test
    void officialsKeepWorkingWithTheTokensTheyHoldWhileTheProviderIsDown() {
        HttpJson service = HttpJson.onPort(port);
        HttpJson probe = service.anonymous();
        HttpJson officer = service.as(token("can-bo-84", "84", "CAN_BO"));
        Map<String, Object> plan = Map.of("issuerCode", "84", "content", content("Kế hoạch khi mất máy chủ đăng nhập năm 2033", 2033, null, List.of()));

        HttpJson.Response neverReached = officer.post("/api/plans", plan);
        assertThat(neverReached.status().value()).isEqualTo(503);
        assertThat(neverReached.body().get("code").asString()).isEqualTo("identity-provider-unavailable");
        assertThat(neverReached.body().get("detail").asString()).contains("máy chủ đăng nhập");
        JsonNode noKeys = probe.get("/actuator/health").body().at("/components/identityProvider");
        assertThat(noKeys.get("status").asString()).isEqualTo("DOWN");
        assertThat(noKeys.at("/details/reachable").asBoolean()).isFalse();
        assertThat(noKeys.at("/details/summary").asString()).contains("không còn khóa ký nào");

        PROVIDER.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.get("/actuator/health").ok());
        importCsv(service.as(token("quan-tri", "TW", "QUAN_TRI")), HIERARCHY);
        assertThat(officer.ok(officer.get("/api/plans?issuerCode=84")).get("content")).as("nothing made while it was refused").isEmpty();
        JsonNode reached = probe.get("/actuator/health").body().at("/components/identityProvider");
        assertThat(reached.get("status").asString()).isEqualTo("UP");
        assertThat(reached.at("/details/reachable").asBoolean()).isTrue();
        assertThat(reached.at("/details/keys").asInt()).isEqualTo(1);

        PROVIDER.stop();
        officer.ok(officer.post("/api/plans", plan));
        assertThat(officer.ok(officer.get("/api/plans?issuerCode=84")).get("content")).hasSize(1);
        HttpJson.Response forged = service.as(PROVIDER.forged("ke-gia-mao", "84", List.of("CAN_BO"))).post("/api/plans", plan);
        assertThat(forged.status().value()).isEqualTo(401);
        assertThat(forged.body().get("code").asString()).isEqualTo("invalid-token");
        JsonNode down = probe.get("/actuator/health").body().at("/components/identityProvider");
        assertThat(down.get("status").asString()).as("keys still held").isEqualTo("UP");
        assertThat(down.at("/details/reachable").asBoolean()).isFalse();
        assertThat(down.at("/details/keysKeptUntil").isMissingNode()).isFalse();
        assertThat(down.at("/details/summary").asString()).contains("Không liên lạc được nhà cung cấp định danh", "vẫn kiểm tra mã truy cập");
    }

    private static String token(String username, String unitCode, String role) {
        return PROVIDER.token(username, unitCode, Instant.now().plus(Duration.ofHours(1)), List.of(role));
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    /** This context trusts its own provider, which the test starts and stops, instead of the one every other test shares. */
    static class OwnProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ownProvider",
                    Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", PROVIDER.issuer().toString())));
        }
    }
}
