package vn.gov.par.task.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the deadline sweep on a schedule; every instance may run it (see {@link Tasks#sweepDeadlines()}). */
@Component
class DeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

    private final Tasks tasks;

    DeadlineSweep(Tasks tasks) {
        this.tasks = tasks;
    }

    @Scheduled(fixedDelayString = "${par.tasks.sweep-interval:60s}", initialDelayString = "${par.tasks.sweep-initial-delay:10s}")
    void sweep() {
        int changed = tasks.sweepDeadlines();
        if (changed > 0) {
            log.info("Deadline sweep marked or announced {} occurrences", changed);
        }
    }
}
