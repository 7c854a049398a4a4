package vn.gov.par.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.gov.par.testsupport.MutableClock;

/**
 * A service launched beside Keycloak is given its whole start-up time once Keycloak is ready: on a fresh clone
 * Keycloak's first start took 174 of a service's 180 s, and {@code run-local.sh} failed although nothing was wrong.
 */
class ManagedProcessTest {

    private static final Duration STARTUP = Duration.ofSeconds(180);
    /** How long what the component waits for takes to be ready: nearly all of the component's own start-up time. */
    private static final Duration SLOW_DEPENDENCY = Duration.ofSeconds(174);

    @TempDir
    Path workingDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T00:00:00Z"));
    private ManagedProcess component;

    @AfterEach
    void killComponent() throws InterruptedException {
        if (component != null) {
            component.kill();
        }
    }

    @Test
    void aComponentWaitingOnASlowDependencyHasItsWholeStartupTimeOnceTheDependencyIsReady() throws Exception {
        component = componentReadyAfter(Duration.ofSeconds(60));
        component.launch();
        clock.advance(SLOW_DEPENDENCY);

        component.awaitReady(clock.instant());

        assertThat(component.isRunning()).isTrue();
    }

    @Test
    void theSameComponentCountedFromItsLaunchWouldHaveBeenFailed() throws Exception {
        component = componentReadyAfter(Duration.ofSeconds(60));
        component.launch();
        clock.advance(SLOW_DEPENDENCY);

        assertThatThrownBy(component::awaitReady)
                .isInstanceOf(StartupFailedException.class)
                .hasMessageContaining("was not ready within 180 s");
    }

    @Test
    void aComponentThatNeverBecomesReadyStillFailsOnceItsStartupTimeAfterTheDependencyRunsOut() throws Exception {
        component = componentReadyAfter(Duration.ofDays(1));
        component.launch();
        clock.advance(SLOW_DEPENDENCY);
        Instant dependencyReady = clock.instant();

        assertThatThrownBy(() -> component.awaitReady(dependencyReady))
                .isInstanceOf(StartupFailedException.class)
                .hasMessageContaining("was not ready within 180 s");
        assertThat(clock.instant()).isAfter(dependencyReady.plus(STARTUP));
    }

    /** A process that stays up, whose probe passes once the clock has moved the given time on from the first probe. */
    private ManagedProcess componentReadyAfter(Duration startupWork) {
        AtomicInteger probes = new AtomicInteger();
        Duration perProbe = Duration.ofSeconds(20);
        ReadinessProbe probe = () -> {
            boolean ready = perProbe.multipliedBy(probes.getAndIncrement()).compareTo(startupWork) >= 0;
            clock.advance(perProbe);
            return ready;
        };
        return new ManagedProcess("service", List.of("sleep", "600"), Map.of(), workingDir, workingDir.resolve("service.log"),
                List.of(), STARTUP, probe, clock);
    }
}
