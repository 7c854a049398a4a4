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

    IdentityProviderJwtDecoder(IdentityProviderKeys keys, MeterRegistry meters) {
        this.nimbus = NimbusJwtDecoder.withJwkSource(keys).build();
        this.nimbus.setJwtValidator(JwtValidators.createDefaultWithIssuer(keys.issuer().toString()));
        this.meters = meters;
    }

    @Override
    public Jwt decode(String token) {
        Timer.Sample check = Timer.start(meters);
        String outcome = "unavailable";
        try {
            Jwt accepted = nimbus.decode(token);
            outcome = "accepted";
            return accepted;
        } catch (BadJwtException refused) {
            outcome = "refused";
            throw refused;
        } catch (JwtException failed) {
            if (failed.getCause() instanceof KeySourceException) {
                throw new IdentityProviderUnavailableException(failed.getCause());
            }
            throw failed;
        } finally {
            check.stop(meters.timer("par.access.token.checks", "outcome", outcome));
        }
    }
}
