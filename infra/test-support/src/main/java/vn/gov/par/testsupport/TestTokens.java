package vn.gov.par.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Access tokens as the platform's OpenID Connect provider issues them, from a {@link TestIdentityProvider} started
 * once for this test JVM: a service under test fetches that provider's keys and checks these tokens as it checks
 * Keycloak's, pointed at it by {@link #serviceProperties()}.
 */
public final class TestTokens {

    private static final TestIdentityProvider PROVIDER = new TestIdentityProvider().start();

    /** Whoever a test acts as when it does not say: an administrator of the whole country. */
    public static final String DEFAULT = official("kiem-thu", "TW", "QUAN_TRI", "LANH_DAO", "CAN_BO");

    private TestTokens() {
    }

    /** What a service needs to accept these tokens, and only these: the test provider as its issuer. */
    public static Map<String, Object> serviceProperties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", PROVIDER.issuer().toString());
    }

    /** A token for someone of that unit with those realm roles, valid for an hour. */
    public static String official(String username, String unitCode, String... roles) {
        return PROVIDER.token(username, unitCode, Instant.now().plus(Duration.ofHours(1)), List.of(roles));
    }

    /** An officer (CAN_BO) of that unit. */
    public static String officerOf(String unitCode) {
        return official("can-bo-" + unitCode, unitCode, "CAN_BO");
    }

    /** A leader (LANH_DAO) of that unit: every right of its officers too. */
    public static String leaderOf(String unitCode) {
        return official("lanh-dao-" + unitCode, unitCode, "LANH_DAO");
    }

    /** An administrator (QUAN_TRI) of that unit and those below it. */
    public static String administratorOf(String unitCode) {
        return official("quan-tri-" + unitCode, unitCode, "QUAN_TRI");
    }

    /** A token that expired five minutes ago: beyond the minute of clock skew a service allows. */
    public static String expired(String username, String unitCode, String... roles) {
        return PROVIDER.token(username, unitCode, Instant.now().minus(Duration.ofMinutes(5)), List.of(roles));
    }

    /** A token whose signature no service trusts: made with another key. */
    public static String forged(String username, String unitCode, String... roles) {
        return PROVIDER.forged(username, unitCode, List.of(roles));
    }
}
