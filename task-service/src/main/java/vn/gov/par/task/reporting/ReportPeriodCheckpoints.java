package vn.gov.par.task.reporting;

import java.util.List;

import org.springframework.stereotype.Service;

import vn.gov.par.contracts.report.ReportPeriodsScheduled;
import vn.gov.par.support.timeframe.Occurrence;
import vn.gov.par.task.task.Tasks;

/**
 * Checks ongoing and periodic work at the plan's report periods, whichever arrives first: periods known when a
 * task is assigned are its checkpoints from the start; periods arriving later, or set again by a person, reschedule
 * the plan's existing ongoing tasks (new checkpoints added, old ones without progress removed).
 */
@Service
public class ReportPeriodCheckpoints {

    private final ReportPeriods periods;
    private final Tasks tasks;

    public ReportPeriodCheckpoints(ReportPeriods periods, Tasks tasks) {
        this.periods = periods;
        this.tasks = tasks;
    }

    public void onReportPeriodsScheduled(ReportPeriodsScheduled scheduled) {
        // Kept before the tasks are read, as a task is written before its periods are looked up (see recheck): of an
        // event and a plan handled at the same time, one always sees the other.
        periods.keep(scheduled);
        applyTo(scheduled.planId());
    }

    /** The checkpoints of the plan's ongoing work as far as known now; none until its report periods arrive. */
    public List<Occurrence> known(String planId) {
        return periods.of(planId).map(PlanReportPeriods::checkpoints).orElse(List.of());
    }

    /**
     * Brings tasks just assigned to the plan's report periods, should they have arrived while they were being written
     * (the tasks are written before this looks, and the periods are kept before their handler looks for tasks).
     */
    public void recheck(String planId, List<String> taskIds) {
        periods.of(planId).ifPresent(known -> tasks.rescheduleAll(taskIds, known.checkpoints()));
    }

    private void applyTo(String planId) {
        periods.of(planId).ifPresent(known -> tasks.rescheduleAll(tasks.checkedAtReportPeriods(planId), known.checkpoints()));
    }
}
