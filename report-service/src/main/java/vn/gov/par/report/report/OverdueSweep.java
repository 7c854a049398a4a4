package vn.gov.par.report.report;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the overdue sweep on a schedule; every instance may run it (see {@link Reports#sweepOverdue()}). */
@Component
class OverdueSweep {

    private final Reports reports;

    OverdueSweep(Reports reports) {
        this.reports = reports;
    }

    @Scheduled(fixedDelayString = "${par.reports.sweep-interval:60s}", initialDelayString = "${par.reports.sweep-initial-delay:10s}")
    void sweep() {
        reports.sweepOverdue();
    }
}
