package vn.gov.par.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.gov.par.driver.PlatformGauges.CpuUse;

/** The CPU the harness reports for a process is what the cores spent on it and on what it started. */
class PlatformGaugesTest {

    /** As Keycloak's script does: a shell that runs the real work as its child and waits for it. */
    @Test
    void aProcessCountsTheCpuOfTheProcessesItStarted() throws IOException {
        Process script = new ProcessBuilder("sh", "-c", "sh -c 'while :; do :; done' & wait").start();
        try {
            ProcessHandle handle = script.toHandle();

            await().atMost(Duration.ofMinutes(1)).until(() -> PlatformGauges.cpuSecondsWithDescendants(handle) > 0.5);
            assertThat(PlatformGauges.cpuSeconds(handle)).as("the script's own CPU, waiting").isLessThan(0.5);
        } finally {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
        }
    }

    @Test
    void cpuOverAStretchIsTheDifferenceOfTwoReadingsAndAddsUpOverRuns() {
        CpuUse atStart = new CpuUse(Map.of("mongo", 100.0, "plan-service", 40.0));
        CpuUse atEnd = new CpuUse(Map.of("mongo", 160.0, "plan-service", 55.0));
        CpuUse earlierRun = new CpuUse(Map.of("mongo", 10.0));

        CpuUse cascade = earlierRun.plus(atEnd.minus(atStart));

        assertThat(cascade.secondsByProcess()).containsExactlyInAnyOrderEntriesOf(Map.of("mongo", 70.0, "plan-service", 15.0));
        assertThat(cascade.total()).isEqualTo(85.0);
    }
}
