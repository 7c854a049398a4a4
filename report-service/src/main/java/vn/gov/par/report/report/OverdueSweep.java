package vn.gov.par.report.report;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Runs the overdue sweep on a schedule, on one instance at a time (see {@link Reports#sweepOverdue()}). */
@Component
class OverdueSweep {

    static final String LOCK = "report-overdue-sweep";

    private final Reports reports;

    OverdueSweep(Reports reports) {
        this.reports = reports;
    }

    @Scheduled(fixedDelayString = "${par.reports.sweep-interval:60s}", initialDelayString = "${par.reports.sweep-initial-delay:10s}")
    @SchedulerLock(name = LOCK)
    public void sweep() {
        reports.sweepOverdue();
    }
}
