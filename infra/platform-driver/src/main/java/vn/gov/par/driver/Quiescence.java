package vn.gov.par.driver;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Detects that the platform has finished reacting, from its own data rather than a guess: no work waiting to be
 * started, no plan waiting for its work to be assigned, no event waiting in an outbox, no message a consumer group has
 * yet to process, and the documents and messages unchanged between two readings.
 */
public final class Quiescence {

    private static final Duration POLL_EVERY = Duration.ofMillis(500);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(15);

    public record Snapshot(long pendingWork, long assignmentsWaiting, long outboxPending, long lag, long documents, long events) {

        public boolean idle() {
            return pendingWork == 0 && assignmentsWaiting == 0 && outboxPending == 0 && lag == 0;
        }
    }

    public interface Progress {
        void report(double elapsedSeconds, Snapshot snapshot);
    }

    private final Supplier<Snapshot> readings;
    private final Duration poll;

    /** @param pendingWork work the driver still has to start (drafts not yet issued), counted as not idle */
    public Quiescence(PlatformGauges gauges, LongSupplier pendingWork) {
        this(() -> new Snapshot(pendingWork.getAsLong(), gauges.assignmentsWaiting(), gauges.outboxPending(), gauges.consumerLag(),
                gauges.documents().values().stream().mapToLong(Long::longValue).sum(), gauges.messagesOnTopics()), POLL_EVERY);
    }

    Quiescence(Supplier<Snapshot> readings, Duration poll) {
        this.readings = readings;
        this.poll = poll;
    }

    public Snapshot read() {
        return readings.get();
    }

    /**
     * Reads until two idle readings in a row agree.
     *
     * @return the {@link System#nanoTime()} of the first of them, when everything had settled, or empty if the
     *         platform was still busy when the limit ran out
     */
    public OptionalLong await(Duration limit, Progress progress) throws InterruptedException {
        long start = System.nanoTime();
        long nextReport = start + REPORT_EVERY.toNanos();
        Snapshot previous = null;
        long previousAt = 0;
        while (System.nanoTime() - start < limit.toNanos()) {
            long at = System.nanoTime();
            Snapshot now;
            try {
                now = read();
            } catch (Http.Unreachable busy) {
                // A service too busy to answer a scrape in time is not quiet: read again rather than end a long run.
                previous = null;
                TimeUnit.MILLISECONDS.sleep(poll.toMillis());
                continue;
            }
            if (now.idle() && now.equals(previous)) {
                return OptionalLong.of(previousAt);
            }
            if (at >= nextReport) {
                progress.report((at - start) / 1e9, now);
                nextReport = at + REPORT_EVERY.toNanos();
            }
            previous = now;
            previousAt = at;
            TimeUnit.MILLISECONDS.sleep(poll.toMillis());
        }
        return OptionalLong.empty();
    }
}
