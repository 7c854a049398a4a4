package vn.gov.par.task.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.unit.UnitRegistered;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.task.reporting.ReportPeriodCheckpoints;
import vn.gov.par.task.schedule.Schedule;
import vn.gov.par.task.schedule.TimeframeParser;
import vn.gov.par.task.task.TaskRole;
import vn.gov.par.task.task.Tasks;

/**
 * Turns an issued plan into tasks: for every activity, every unit its lead and cooperating texts name
 * (a unit named in both leads), each with the activity's schedule. Texts that name nobody are kept.
 * A unit that joins the directory after the plan gets the work the plan gives to groups it belongs to.
 * Ids are derived from the plan, the activity and the unit, so the same event applied twice adds nothing.
 */
@Service
public class PlanAssignments {

    private final UnitDirectoryView directory;
    private final Tasks tasks;
    private final UnresolvedAssignees unresolved;
    private final PlanPaths planPaths;
    private final IssuedPlans issuedPlans;
    private final ReportPeriodCheckpoints checkpoints;

    public PlanAssignments(UnitDirectoryView directory, Tasks tasks, UnresolvedAssignees unresolved, PlanPaths planPaths,
            IssuedPlans issuedPlans, ReportPeriodCheckpoints checkpoints) {
        this.directory = directory;
        this.tasks = tasks;
        this.unresolved = unresolved;
        this.planPaths = planPaths;
        this.issuedPlans = issuedPlans;
        this.checkpoints = checkpoints;
    }

    public void onPlanIssued(PlanIssued plan) {
        // A national plan gives tens of thousands of units work, which on a slow store takes longer than Kafka's poll
        // interval: the consumer is put out of its group and the event is read again. A second full pass could take
        // longer than the interval too, and again after that; once the first pass has finished, the next costs one read.
        if (issuedPlans.isAssigned(plan.planId())) {
            return;
        }
        KnownUnit issuer = directory.find(plan.issuerCode()).orElseThrow(() -> new IllegalStateException(
                "Issuer " + plan.issuerCode() + " of plan " + plan.planId() + " is not yet in task-service's directory"));
        // Kept before the directory is read, as a unit is kept before its plans are looked up (see onUnitRegistered):
        // of a plan and a unit handled at the same time, one always sees the other.
        issuedPlans.keep(plan);
        AssigneeResolver resolver = new AssigneeResolver(issuer, directory.subtree(issuer.code()));
        List<String> planPath = planPaths.pathOf(plan);
        for (int index = 0; index < plan.activities().size(); index++) {
            PlanActivity activity = plan.activities().get(index);
            Schedule schedule = scheduleOf(plan, activity);
            for (Map.Entry<KnownUnit, TaskRole> assignee : assignees(plan, index, activity, resolver).entrySet()) {
                assign(plan, planPath, index, activity, assignee.getKey(), assignee.getValue(), schedule);
            }
        }
        issuedPlans.markAssigned(plan.planId());
    }

    /**
     * A unit new to the directory gets the work that plans already issued above it give to a group it belongs to
     * ("UBND các xã, thị trấn" for a commune registered after its district's plan). Call it once the unit is in the directory.
     */
    public void onUnitRegistered(UnitRegistered registered) {
        KnownUnit unit = directory.find(registered.code()).orElseThrow();
        for (PlanIssued plan : issuedPlans.issuedByAnyOf(unit.ancestorCodes())) {
            directory.find(plan.issuerCode()).ifPresent(issuer -> assignByGroups(plan, issuer, unit));
        }
    }

    private void assignByGroups(PlanIssued plan, KnownUnit issuer, KnownUnit unit) {
        for (int index = 0; index < plan.activities().size(); index++) {
            PlanActivity activity = plan.activities().get(index);
            Optional<TaskRole> role = roleByGroups(plan, index, issuer, unit);
            if (role.isPresent()) {
                assign(plan, planPaths.pathOf(plan), index, activity, unit, role.get(), scheduleOf(plan, activity));
            }
        }
    }

    /** The role the activity's groups give the unit (lead before cooperating); each group it fills is no longer shown as empty. */
    private Optional<TaskRole> roleByGroups(PlanIssued plan, int index, KnownUnit issuer, KnownUnit unit) {
        Optional<TaskRole> role = Optional.empty();
        for (TaskRole each : TaskRole.values()) {
            List<String> texts = textsOf(plan.activities().get(index), each);
            for (int t = 0; t < texts.size(); t++) {
                List<String> filled = AssigneeResolver.groupsIn(texts.get(t)).named().entrySet().stream()
                        .filter(group -> group.getKey().includes(unit, issuer)).map(Map.Entry::getValue).toList();
                if (!filled.isEmpty()) {
                    role = role.or(() -> Optional.of(each));
                }
                String unresolvedId = UnresolvedAssignee.idOf(plan.planId(), index, each, t);
                filled.forEach(group -> unresolved.groupFilled(unresolvedId, group));
            }
        }
        return role;
    }

    private void assign(PlanIssued plan, List<String> planPath, int index, PlanActivity activity, KnownUnit unit, TaskRole role,
            Schedule schedule) {
        String taskId = tasks.assign(plan, planPath, index, activity, unit, role, schedule);
        if (schedule.kind().checkedAtReportPeriods()) {
            checkpoints.recheck(plan.planId(), taskId);
        }
    }

    /** The activity's schedule; work with no dates of its own is checked at the plan's report periods, if known yet. */
    private Schedule scheduleOf(PlanIssued plan, PlanActivity activity) {
        Schedule parsed = TimeframeParser.parse(activity.timeframe(), plan.year());
        return parsed.kind().checkedAtReportPeriods()
                ? new Schedule(parsed.text(), parsed.kind(), true, checkpoints.known(plan.planId()))
                : parsed;
    }

    private static List<String> textsOf(PlanActivity activity, TaskRole role) {
        return role == TaskRole.LEAD ? activity.leadUnits() : activity.cooperatingUnits();
    }

    private Map<KnownUnit, TaskRole> assignees(PlanIssued plan, int index, PlanActivity activity, AssigneeResolver resolver) {
        Map<KnownUnit, TaskRole> roles = new LinkedHashMap<>();
        List<UnresolvedAssignee> notFound = new ArrayList<>();
        for (TaskRole role : TaskRole.values()) {
            List<String> texts = textsOf(activity, role);
            for (int t = 0; t < texts.size(); t++) {
                Assignees found = resolver.resolve(texts.get(t));
                found.units().forEach(unit -> roles.putIfAbsent(unit, role));
                if (found.leavesSomethingUnresolved()) {
                    notFound.add(new UnresolvedAssignee(UnresolvedAssignee.idOf(plan.planId(), index, role, t), plan.planId(),
                            plan.issuerCode(), index, activity.label(), role, texts.get(t), found.unmatched(), found.emptyGroups(),
                            found.mentionsRelatedBodies()));
                }
            }
        }
        notFound.forEach(unresolved::keep);
        return roles;
    }
}
