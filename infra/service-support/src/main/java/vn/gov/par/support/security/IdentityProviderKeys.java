package vn.gov.par.support.security;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.gov.par.support.PlatformProperties;

/**
 * The OpenID Connect provider's signing keys, as a service holds them: found through the provider's discovery document
 * the first time they are needed, fetched again every {@code keys-refresh}, and kept through an outage of the provider
 * for {@code keys-kept-through-outage} after the last fetch that worked (Nimbus's caching and outage-tolerant key
 * sources), so that tokens the provider issued before it went away keep being checked. What happened last is kept for
 * the health endpoint ({@link #state()}).
 */
public final class IdentityProviderKeys implements JWKSource<SecurityContext> {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityProviderKeys.class);
    /** Every key the provider publishes; asking for them is how the health check makes sure some are held. */
    private static final JWKSelector ANY_KEY = new JWKSelector(new JWKMatcher.Builder().build());

    private final URI issuer;
    private final PlatformProperties.IdentityProvider settings;
    private final ResourceRetriever retriever;
    private volatile JWKSource<SecurityContext> keys;
    private volatile State state;

    public IdentityProviderKeys(URI issuer, PlatformProperties.IdentityProvider settings) {
        this.issuer = issuer;
        this.settings = settings;
        int timeout = (int) settings.timeout().toMillis();
        this.retriever = new DefaultResourceRetriever(timeout, timeout, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
        this.state = new State(null, 0, null, null, null);
    }

    public URI issuer() {
        return issuer;
    }

    /** Keys matching what a token asks for; {@link KeySourceException} when the provider has never been reached. */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        return source().get(selector, context);
    }

    /** Whether keys are held to check tokens with, asking the provider first if they are due. */
    public boolean holdsKeys() {
        try {
            return !get(ANY_KEY, null).isEmpty();
        } catch (KeySourceException unreachable) {
            return false;
        }
    }

    public State state() {
        return state;
    }

    /** Until when the keys last fetched stay usable while the provider cannot be reached; null before any fetch. */
    public Instant keysKeptUntil() {
        Instant fetched = state.keysFetchedAt();
        return fetched == null ? null : fetched.plus(settings.keysKeptThroughOutage());
    }

    private JWKSource<SecurityContext> source() throws KeySourceException {
        JWKSource<SecurityContext> found = keys;
        if (found != null) {
            return found;
        }
        synchronized (this) {
            if (keys == null) {
                keys = discover();
            }
            return keys;
        }
    }

    /** The key set's address comes from the provider's discovery document, which must name this very issuer. */
    private JWKSource<SecurityContext> discover() throws KeySourceException {
        State before = state;
        if (before.failingSince() != null
                && before.lastAttempt().plus(settings.retryAfterFailure()).isAfter(Instant.now())) {
            throw new KeySourceException("Chưa hỏi lại nhà cung cấp định danh: lần hỏi trước không được (" + before.failure() + ")");
        }
        try {
            URL discovery = URI.create(issuer.toString().replaceAll("/+$", "") + "/.well-known/openid-configuration").toURL();
            Map<String, Object> metadata = JSONObjectUtils.parse(retriever.retrieveResource(discovery).getContent());
            if (!issuer.toString().equals(metadata.get("issuer"))) {
                throw new KeySourceException("Tài liệu khám phá của " + issuer + " khai issuer khác: " + metadata.get("issuer"));
            }
            URL keySet = URI.create(String.valueOf(metadata.get("jwks_uri"))).toURL();
            return JWKSourceBuilder.create(new RecordedFetches(new URLBasedJWKSetSource<>(keySet, retriever)))
                    .cache(settings.keysRefresh().toMillis(), settings.timeout().toMillis())
                    .refreshAheadCache(false)
                    .outageTolerant(settings.keysKeptThroughOutage().toMillis())
                    .rateLimited(false)
                    .retrying(false)
                    .build();
        } catch (IOException | ParseException | IllegalArgumentException unreachable) {
            throw failed(new KeySourceException("Không lấy được tài liệu khám phá của " + issuer + ": " + unreachable.getMessage(), unreachable));
        } catch (KeySourceException wrong) {
            throw failed(wrong);
        }
    }

    private KeySourceException failed(KeySourceException failure) {
        State before = state;
        Instant now = Instant.now();
        if (before.failingSince() == null) {
            LOG.warn("Identity provider {} cannot be reached ({}); {}", issuer, failure.getMessage(), before.keysFetchedAt() == null
                    ? "no keys held, API requests are answered 503"
                    : "tokens are checked with the keys fetched at " + before.keysFetchedAt() + " while they are kept");
        }
        state = new State(before.keysFetchedAt(), before.keyCount(),
                before.failingSince() == null ? now : before.failingSince(), now, failure.getMessage());
        return failure;
    }

    /**
     * What the service knows of its provider: when keys were last fetched and how many, and, while it cannot reach
     * the provider, since when and why ({@code failingSince} is null when the last attempt worked).
     */
    public record State(Instant keysFetchedAt, int keyCount, Instant failingSince, Instant lastAttempt, String failure) {
    }

    /** The provider's key set endpoint, each fetch's outcome recorded before the caches above it see it. */
    private final class RecordedFetches implements JWKSetSource<SecurityContext> {

        private final JWKSetSource<SecurityContext> endpoint;

        RecordedFetches(JWKSetSource<SecurityContext> endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator evaluator, long currentTime, SecurityContext context)
                throws KeySourceException {
            try {
                JWKSet fetched = endpoint.getJWKSet(evaluator, currentTime, context);
                Instant now = Instant.now();
                if (state.failingSince() != null) {
                    LOG.info("Identity provider {} reached again after {}", issuer, state.failingSince());
                }
                state = new State(now, fetched.size(), null, now, null);
                return fetched;
            } catch (KeySourceException unreachable) {
                throw failed(unreachable);
            }
        }

        @Override
        public void close() throws IOException {
            endpoint.close();
        }
    }
}
