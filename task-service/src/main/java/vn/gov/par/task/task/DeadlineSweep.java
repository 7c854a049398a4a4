package vn.gov.par.task.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Runs the deadline sweep on a schedule. Every instance schedules it, and the lock (in the service's database) lets one
 * of them sweep at a time while the others skip that round.
 */
@Component
class DeadlineSweep {

    static final String LOCK = "task-deadline-sweep";

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

    private final Tasks tasks;

    DeadlineSweep(Tasks tasks) {
        this.tasks = tasks;
    }

    @Scheduled(fixedDelayString = "${par.tasks.sweep-interval:60s}", initialDelayString = "${par.tasks.sweep-initial-delay:10s}")
    @SchedulerLock(name = LOCK)
    public void sweep() {
        int repaired = tasks.repairSchedules();
        int changed = tasks.sweepDeadlines();
        if (repaired + changed > 0) {
            log.info("Deadline sweep brought {} task schedules in line and marked or announced {} occurrences", repaired, changed);
        }
    }
}
