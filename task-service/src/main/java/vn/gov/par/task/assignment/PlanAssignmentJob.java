package vn.gov.par.task.assignment;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockExtender;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Assigns the work of the plans taken in, one plan after another until none waits. Every instance runs it, and a lock in
 * the service's database, kept while plans wait, lets one of them assign at a time. An instance killed half-way holds the
 * lock no longer than {@code par.tasks.assignment-lock-at-most-for} past its last finished activity, and the next goes on
 * from there. The lock saves work, it guards nothing: should an activity
 * outlast it and a second instance take the plan meanwhile, every write is insert-if-absent or revision-guarded.
 */
@Component
class PlanAssignmentJob {

    static final String LOCK = "task-plan-assignment";

    private static final Logger log = LoggerFactory.getLogger(PlanAssignmentJob.class);

    private final PlanAssignments assignments;
    private final IssuedPlans issuedPlans;
    private final LockingTaskExecutor locks;
    private final Duration lockAtMostFor;
    /** When the lock was last taken or extended; only the one scheduled thread reads and writes it. */
    private Instant lockKeptAt;

    PlanAssignmentJob(PlanAssignments assignments, IssuedPlans issuedPlans, LockProvider lockProvider, MeterRegistry meters,
            @Value("${par.tasks.assignment-lock-at-most-for:PT2M}") Duration lockAtMostFor) {
        this.assignments = assignments;
        this.issuedPlans = issuedPlans;
        // Read at each scrape from an index: work taken in shows here until done, while the consumers' lag is already zero.
        Gauge.builder("par.tasks.assignments.waiting", issuedPlans, IssuedPlans::countUnassigned)
                .description("Issued plans whose work is not yet all assigned to units").register(meters);
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.lockAtMostFor = lockAtMostFor;
    }

    @Scheduled(fixedDelayString = "${par.tasks.assignment-interval:1s}")
    public void assignWaitingPlans() {
        // Looked for before the lock is taken: a lock is a write, and most seconds no plan waits.
        if (issuedPlans.countUnassigned() > 0) {
            withLock(() -> {
                while (assignments.assignNextPlans(this::keepLock)) {
                    keepLock();
                }
            });
        }
    }

    /** Extends the lock once a fifth of it has gone by: often enough to keep it, seldom enough to cost no writes worth counting. */
    private void keepLock() {
        Instant now = Instant.now();
        if (now.isBefore(lockKeptAt.plus(lockAtMostFor.dividedBy(5)))) {
            return;
        }
        lockKeptAt = now;
        try {
            LockExtender.extendActiveLock(lockAtMostFor, Duration.ZERO);
        } catch (LockExtender.LockCanNotBeExtendedException outlasted) {
            // A write took longer than the lock lasts (a national plan's, on a busy store): assigning goes on, as a
            // second instance taking the job meanwhile would, harmlessly.
            log.info("A write of tasks outlasted the plan assignment lock ({}); assigning goes on", lockAtMostFor);
        }
    }

    private void withLock(Runnable work) {
        // Lock times follow the wall clock, as the lock provider's do, never the business clock tests move.
        lockKeptAt = Instant.now();
        locks.executeWithLock(work, new LockConfiguration(lockKeptAt, LOCK, lockAtMostFor, Duration.ZERO));
    }
}
