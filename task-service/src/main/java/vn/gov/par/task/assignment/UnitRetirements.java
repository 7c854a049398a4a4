package vn.gov.par.task.assignment;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.gov.par.contracts.unit.UnitRetired;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.task.reporting.ReportPeriodCheckpoints;
import vn.gov.par.task.task.CancelledPlans;
import vn.gov.par.task.task.Task;
import vn.gov.par.task.task.Tasks;

/**
 * What a unit's retirement does to its work. Each of its tasks ends at the retirement: what fell due until then stays as it
 * was, under the unit's name; what falls due after it, and work on demand, is owed by the unit no more. A successor, when there
 * is one, takes over every such task still leaving work after the retirement, unless its plan was cancelled; a unit dissolved
 * with nobody taking over leaves that work to nobody.
 *
 * <p>Each task is handed over before it is ended, and a task ended is not looked at again: a redelivered event changes nothing,
 * and one interrupted part-way goes on with the tasks it had not ended.
 */
@Service
public class UnitRetirements {

    private final UnitDirectoryView directory;
    private final Tasks tasks;
    private final CancelledPlans cancelledPlans;
    private final ReportPeriodCheckpoints checkpoints;

    public UnitRetirements(UnitDirectoryView directory, Tasks tasks, CancelledPlans cancelledPlans, ReportPeriodCheckpoints checkpoints) {
        this.directory = directory;
        this.tasks = tasks;
        this.cancelledPlans = cancelledPlans;
        this.checkpoints = checkpoints;
    }

    /** Call it once the unit is retired in the directory: from then on no plan names it, so no new work reaches it. */
    public void onUnitRetired(UnitRetired retired) {
        Optional<KnownUnit> successor = successorOf(retired);
        for (Task task : tasks.notEndedByRetirement(retired.code())) {
            if (successor.isPresent() && task.leavesWorkAfter(retired.retiredOn()) && !cancelledPlans.isCancelled(task.planId())) {
                String takenOver = tasks.handOver(task, successor.get(), retired.retiredOn());
                if (task.scheduleKind().checkedAtReportPeriods()) {
                    // The report periods may have changed while the retired unit's schedule was copied.
                    checkpoints.recheck(task.planId(), List.of(takenOver));
                }
            }
            tasks.endAtRetirement(task.id(), retired.retiredOn());
        }
    }

    /**
     * The unit in service that takes the work over: the successor, or the unit it was itself merged into since; none for a
     * unit dissolved. Once the successor's own unit event has been read: until then the event is refused, and so retried.
     */
    private Optional<KnownUnit> successorOf(UnitRetired retired) {
        if (retired.hasSuccessor() && directory.find(retired.successorCode()).isEmpty()) {
            throw new IllegalStateException("Successor " + retired.successorCode() + " of retired unit " + retired.code()
                    + " is not yet in task-service's directory");
        }
        return directory.standingFor(retired.code());
    }
}
