package vn.gov.par.task.assignment;

import java.time.Duration;
import java.time.Instant;

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
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;

/**
 * Assigns the work of the plans taken in, one plan after another until none waits. Every instance runs it, and a lock in
 * the service's database, taken for each plan and extended after each of its activities, lets one of them assign at a
 * time. An instance killed half-way holds the lock no longer than {@code par.tasks.assignment-lock-at-most-for} past its
 * last finished activity, and the next goes on from there. The lock saves work, it guards nothing: should an activity
 * outlast it and a second instance take the plan meanwhile, every write is insert-if-absent or revision-guarded.
 */
@Component
class PlanAssignmentJob {

    static final String LOCK = "task-plan-assignment";

    private final PlanAssignments assignments;
    private final IssuedPlans issuedPlans;
    private final LockingTaskExecutor locks;
    private final Duration lockAtMostFor;

    PlanAssignmentJob(PlanAssignments assignments, IssuedPlans issuedPlans, LockProvider lockProvider, MeterRegistry meters,
            @Value("${par.tasks.assignment-lock-at-most-for:PT1M}") Duration lockAtMostFor) {
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
        while (issuedPlans.countUnassigned() > 0 && assignedOne()) {
            // the next waiting plan, if any
        }
    }

    private boolean assignedOne() {
        // Lock times follow the wall clock, as the lock provider's do, never the business clock tests move.
        LockConfiguration lock = new LockConfiguration(Instant.now(), LOCK, lockAtMostFor, Duration.ZERO);
        try {
            TaskResult<Boolean> result = locks.executeWithLock(
                    () -> assignments.assignNextPlan(() -> LockExtender.extendActiveLock(lockAtMostFor, Duration.ZERO)), lock);
            return result.wasExecuted() && result.getResult();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            throw new IllegalStateException(checked);
        }
    }
}
