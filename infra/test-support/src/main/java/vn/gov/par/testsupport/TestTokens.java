package vn.gov.par.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens as the platform's OpenID Connect provider issues them (RS256, the realm's issuer, {@code unit_code},
 * {@code realm_access.roles}), signed by a key made for this test JVM: a service under test checks them as it checks
 * Keycloak's, through its own resource-server configuration, pointed at this key by {@link #serviceProperties()}.
 */
public final class TestTokens {

    /** Not a real provider's address: nothing is fetched from it. */
    public static final String ISSUER = "https://sso.kiem-thu.invalid/realms/par";

    private static final KeyPair KEYS = generate();
    private static final KeyPair STRANGER = generate();
    private static final Path PUBLIC_KEY = writePublicKey();

    /** Whoever a test acts as when it does not say: an administrator of the whole country. */
    public static final String DEFAULT = official("kiem-thu", "TW", "QUAN_TRI", "LANH_DAO", "CAN_BO");

    private TestTokens() {
    }

    /**
     * What a service needs to accept these tokens, and only these: this key instead of the issuer's published ones (no
     * issuer to ask; Spring Boot then checks signature and expiry, not {@code iss}).
     */
    public static Map<String, Object> serviceProperties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", "",
                "spring.security.oauth2.resourceserver.jwt.public-key-location", PUBLIC_KEY.toUri().toString());
    }

    /** A token for someone of that unit with those realm roles, valid for an hour. */
    public static String official(String username, String unitCode, String... roles) {
        return sign(KEYS, claims(username, unitCode, List.of(roles), Instant.now().plus(Duration.ofHours(1))));
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

    /** A token that expired a minute ago. */
    public static String expired(String username, String unitCode, String... roles) {
        return sign(KEYS, claims(username, unitCode, List.of(roles), Instant.now().minus(Duration.ofMinutes(1))));
    }

    /** A token whose signature no service trusts: made with another key. */
    public static String forged(String username, String unitCode, String... roles) {
        return sign(STRANGER, claims(username, unitCode, List.of(roles), Instant.now().plus(Duration.ofHours(1))));
    }

    private static JWTClaimsSet claims(String username, String unitCode, List<String> roles, Instant expiry) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expiry.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(expiry))
                .claim("preferred_username", username)
                .claim("name", username)
                .claim("unit_code", unitCode)
                .claim("realm_access", Map.of("roles", roles))
                .build();
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims) {
        try {
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("kiem-thu").build(), claims);
            token.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return token.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Path file = Files.createTempFile("par-test-issuer-", ".pem");
            file.toFile().deleteOnExit();
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
