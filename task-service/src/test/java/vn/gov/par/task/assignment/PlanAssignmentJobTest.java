package vn.gov.par.task.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * The assignment lock saves work and guards nothing: a write that outlasts it (a national plan's, on a busy store)
 * neither cuts its plan's pass short nor holds up the plans after it.
 */
class PlanAssignmentJobTest {

    @Test
    void writesOutlastingTheLockLetThePassGoOnAndTheNextPlanFollow() {
        PlanAssignments assignments = mock(PlanAssignments.class);
        IssuedPlans issuedPlans = mock(IssuedPlans.class);
        when(issuedPlans.countUnassigned()).thenReturn(2L);
        List<String> passesFinished = new ArrayList<>();
        when(assignments.assignNextPlans(any(Runnable.class))).thenAnswer(call -> {
            if (passesFinished.size() == 2) {
                return false;
            }
            Runnable afterEachWrite = call.getArgument(0);
            afterEachWrite.run();
            afterEachWrite.run();
            passesFinished.add("plan " + (passesFinished.size() + 1));
            return true;
        });

        // A lock lasting a nanosecond is past due for extending at every write, and has always expired by then.
        new PlanAssignmentJob(assignments, issuedPlans, locksThatExpireBeforeTheyCanBeExtended(), new SimpleMeterRegistry(),
                Duration.ofNanos(1)).assignWaitingPlans();

        assertThat(passesFinished).containsExactly("plan 1", "plan 2");
    }

    private static LockProvider locksThatExpireBeforeTheyCanBeExtended() {
        return configuration -> Optional.of(new SimpleLock() {
            @Override
            public void unlock() {
                // nothing held any more
            }

            @Override
            public Optional<SimpleLock> extend(Duration lockAtMostFor, Duration lockAtLeastFor) {
                return Optional.empty();
            }
        });
    }
}
