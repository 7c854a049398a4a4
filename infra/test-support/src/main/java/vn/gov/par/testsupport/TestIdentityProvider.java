package vn.gov.par.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID Connect provider as far as a resource server asks one: its discovery document and its key set, served
 * from this JVM on a port of localhost, and access tokens shaped like Keycloak's (RS256, {@code unit_code},
 * {@code realm_access.roles}) signed with its key. It can be stopped and started again on the same address, to play
 * an outage of the provider.
 */
public final class TestIdentityProvider {

    private static final String KEY_ID = "kiem-thu";

    private final KeyPair keys = generate();
    /** Signs tokens that name this provider but that it never issued. */
    private final KeyPair stranger = generate();
    private final int port = freePort();
    private HttpServer server;

    /** Where services find it: the {@code iss} of its tokens, the base of its discovery document. */
    public URI issuer() {
        return URI.create("http://127.0.0.1:" + port + "/realms/par");
    }

    public synchronized TestIdentityProvider start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext(issuer().getPath() + "/.well-known/openid-configuration", exchange -> answer(exchange,
                    JSONObjectUtils.toJSONString(Map.of("issuer", issuer().toString(), "jwks_uri", keySetUri().toString()))));
            server.createContext(keySetUri().getPath(), exchange -> answer(exchange, publicKeys().toString()));
            server.start();
        }
        return this;
    }

    /** Answers nothing more: connections are refused, as with a provider that is down. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** A token for someone of that unit with those realm roles, expiring when said. */
    public String token(String username, String unitCode, Instant expiry, List<String> roles) {
        return sign(keys, claims(username, unitCode, expiry, roles));
    }

    /** A token naming this provider and its key, signed with another key. */
    public String forged(String username, String unitCode, List<String> roles) {
        return sign(stranger, claims(username, unitCode, Instant.now().plus(Duration.ofHours(1)), roles));
    }

    private URI keySetUri() {
        return URI.create(issuer() + "/protocol/openid-connect/certs");
    }

    private JWKSet publicKeys() {
        return new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyID(KEY_ID).build());
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private JWTClaimsSet claims(String username, String unitCode, Instant expiry, List<String> roles) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer().toString())
                .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expiry.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(expiry))
                .claim("preferred_username", username)
                .claim("name", username)
                .claim("unit_code", unitCode)
                .claim("realm_access", Map.of("roles", roles))
                .build();
    }

    private static String sign(KeyPair signer, JWTClaimsSet claims) {
        try {
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims);
            token.sign(new RSASSASigner((RSAPrivateKey) signer.getPrivate()));
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

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
