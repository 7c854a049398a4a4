package vn.gov.par.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import vn.gov.par.driver.Quiescence.Snapshot;

/** Quiet means two idle readings in a row that agree; a service too busy to answer a scrape ends nothing. */
class QuiescenceTest {

    private static final Snapshot BUSY = new Snapshot(0, 0, 3, 120, 5_000, 900);
    private static final Snapshot QUIET = new Snapshot(0, 0, 0, 0, 5_200, 960);
    private static final Snapshot QUIET_AGAIN_BUT_GREW = new Snapshot(0, 0, 0, 0, 5_201, 960);
    /** Nothing in flight and nothing written between two readings, while one long write of a plan's assignment is under way. */
    private static final Snapshot ASSIGNING = new Snapshot(0, 1, 0, 0, 5_200, 960);

    @Test
    void settlesOnTwoIdleReadingsThatAgree() throws InterruptedException {
        Readings readings = new Readings(BUSY, QUIET, QUIET_AGAIN_BUT_GREW, QUIET_AGAIN_BUT_GREW, BUSY);

        assertThat(new Quiescence(readings, Duration.ZERO).await(Duration.ofMinutes(1), (elapsed, now) -> { })).isPresent();
        assertThat(readings.taken()).isEqualTo(4);
    }

    @Test
    void aPlanWaitingForItsWorkToBeAssignedIsNotQuietHoweverStillEverythingElseIs() throws InterruptedException {
        Readings readings = new Readings(ASSIGNING, ASSIGNING, ASSIGNING, QUIET, QUIET);

        assertThat(new Quiescence(readings, Duration.ZERO).await(Duration.ofMinutes(1), (elapsed, now) -> { })).isPresent();
        assertThat(readings.taken()).isEqualTo(5);
    }

    @Test
    void aScrapeThatTimesOutIsReadAgainAndDoesNotCountAsAgreement() throws InterruptedException {
        Readings readings = new Readings(QUIET, null, QUIET, QUIET);

        assertThat(new Quiescence(readings, Duration.ZERO).await(Duration.ofMinutes(1), (elapsed, now) -> { })).isPresent();
        assertThat(readings.taken()).isEqualTo(4);
    }

    @Test
    void aPlatformStillBusyWhenTheLimitRunsOutIsReportedUnfinished() throws InterruptedException {
        Supplier<Snapshot> alwaysBusy = () -> BUSY;

        assertThat(new Quiescence(alwaysBusy, Duration.ZERO).await(Duration.ofMillis(50), (elapsed, now) -> { })).isEmpty();
    }

    /** Hands out the given readings in order; {@code null} stands for a scrape that timed out. */
    private static final class Readings implements Supplier<Snapshot> {

        private static final Snapshot TIMED_OUT = new Snapshot(-1, -1, -1, -1, -1, -1);

        private final Deque<Snapshot> left;
        private final int given;

        Readings(Snapshot... readings) {
            this.left = new ArrayDeque<>();
            this.given = readings.length;
            for (Snapshot reading : readings) {
                left.add(reading == null ? TIMED_OUT : reading);
            }
        }

        @Override
        public Snapshot get() {
            Snapshot next = left.remove();
            if (next == TIMED_OUT) {
                throw new Http.Unreachable("GET /actuator/prometheus failed: request timed out", null);
            }
            return next;
        }

        int taken() {
            return given - left.size();
        }
    }
}
