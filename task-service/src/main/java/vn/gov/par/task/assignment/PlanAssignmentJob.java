package vn.gov.par.task.assignment;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;

/**
 * Assigns the work of the plans taken in, one plan after another until none waits. Every instance runs it, and a lock in
 * the service's database, taken for each plan, lets one of them assign at a time: an instance stopped half-way holds it no
 * longer than {@code par.tasks.assignment-lock-at-most-for}, and the next goes on from the plan's last finished activity.
 */
@Component
class PlanAssignmentJob {

    static final String LOCK = "task-plan-assignment";

    private final PlanAssignments assignments;
    private final LockingTaskExecutor locks;
    private final Duration lockAtMostFor;

    PlanAssignmentJob(PlanAssignments assignments, LockProvider lockProvider,
            @Value("${par.tasks.assignment-lock-at-most-for:PT30M}") Duration lockAtMostFor) {
        this.assignments = assignments;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.lockAtMostFor = lockAtMostFor;
    }

    @Scheduled(fixedDelayString = "${par.tasks.assignment-interval:1s}")
    public void assignWaitingPlans() {
        while (assignedOne()) {
            // the next waiting plan, if any
        }
    }

    private boolean assignedOne() {
        // Lock times follow the wall clock, as the lock provider's do, never the business clock tests move.
        LockConfiguration lock = new LockConfiguration(Instant.now(), LOCK, lockAtMostFor, Duration.ZERO);
        try {
            TaskResult<Boolean> result = locks.executeWithLock(assignments::assignNextPlan, lock);
            return result.wasExecuted() && result.getResult();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            throw new IllegalStateException(checked);
        }
    }
}
