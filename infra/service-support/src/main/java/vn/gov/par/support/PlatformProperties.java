package vn.gov.par.support;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings every service shares, under {@code par.*}; each has a default that suits one machine. */
@ConfigurationProperties("par")
public record PlatformProperties(@DefaultValue Outbox outbox, @DefaultValue Kafka kafka,
        @DefaultValue IdentityProvider identityProvider, @DefaultValue("Asia/Ho_Chi_Minh") String timeZone) {

    /** How the outbox relay polls, leases and publishes. */
    public record Outbox(
            @DefaultValue("200ms") Duration pollInterval,
            @DefaultValue("30s") Duration lease,
            @DefaultValue("30s") Duration sendTimeout,
            @DefaultValue("200") int batchSize) {
    }

    /** How the platform's topics are created, and how long a health check waits for the broker. */
    public record Kafka(
            @DefaultValue("6") int partitions,
            @DefaultValue("1") short replicationFactor,
            @DefaultValue("3s") Duration healthTimeout) {
    }

    /**
     * How the OpenID Connect provider's signing keys are held: fetched again every {@code keysRefresh}; kept for
     * {@code keysKeptThroughOutage} after the last fetch that worked when the provider cannot be reached (tokens it
     * issued before keep being checked); the provider asked again no sooner than {@code retryAfterFailure} after it
     * could not be reached, so that an outage does not hold every request for a connection {@code timeout}.
     */
    public record IdentityProvider(
            @DefaultValue("5m") Duration keysRefresh,
            @DefaultValue("12h") Duration keysKeptThroughOutage,
            @DefaultValue("5s") Duration retryAfterFailure,
            @DefaultValue("2s") Duration timeout) {
    }
}
