package vn.gov.par.support.security;

import com.nimbusds.jose.KeySourceException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Checks a token's signature against the provider's keys as {@link IdentityProviderKeys} holds them, then its issuer
 * and validity period. A token that fails a check is a {@link BadJwtException} (401); one that cannot be checked for
 * want of keys is an {@link IdentityProviderUnavailableException} (503). Each check is timed
 * ({@code par_access_token_checks_seconds}, by {@code outcome}: accepted, refused, unavailable), which is what signing
 * in costs every request.
 */
final class IdentityProviderJwtDecoder implements JwtDecoder {

    private final NimbusJwtDecoder nimbus;
    private final MeterRegistry meters;
    /** Found once: every request is checked, so the lookup stays off its path. */
    private final Timer accepted;
    private final Timer refused;
    private final Timer unavailable;

    IdentityProviderJwtDecoder(IdentityProviderKeys keys, MeterRegistry meters) {
        this.nimbus = NimbusJwtDecoder.withJwkSource(keys).build();
        this.nimbus.setJwtValidator(JwtValidators.createDefaultWithIssuer(keys.issuer().toString()));
        this.meters = meters;
        this.accepted = checks("accepted");
        this.refused = checks("refused");
        this.unavailable = checks("unavailable");
    }

    private Timer checks(String outcome) {
        return Timer.builder("par.access.token.checks").tag("outcome", outcome).register(meters);
    }

    @Override
    public Jwt decode(String token) {
        Timer.Sample check = Timer.start(meters);
        Timer outcome = unavailable;
        try {
            Jwt jwt = nimbus.decode(token);
            outcome = accepted;
            return jwt;
        } catch (BadJwtException bad) {
            outcome = refused;
            throw bad;
        } catch (JwtException failed) {
            if (failed.getCause() instanceof KeySourceException) {
                throw new IdentityProviderUnavailableException(failed.getCause());
            }
            throw failed;
        } finally {
            check.stop(outcome);
        }
    }
}
