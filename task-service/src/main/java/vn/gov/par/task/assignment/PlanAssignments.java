package vn.gov.par.task.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.support.assignment.AssigneeResolver;
import vn.gov.par.support.assignment.Assignees;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.outbox.TraceHeaders;
import vn.gov.par.support.timeframe.Schedule;
import vn.gov.par.support.timeframe.TimeframeParser;
import vn.gov.par.task.reporting.ReportPeriodCheckpoints;
import vn.gov.par.task.task.CancelledPlans;
import vn.gov.par.task.task.TaskRole;
import vn.gov.par.task.task.Tasks;

/**
 * Turns an issued plan into tasks, outside the call that reads its event: for every activity, every unit its lead and
 * cooperating texts name (a unit named in both leads), each with the activity's schedule. Texts that name nobody are kept.
 * A unit that joins the directory after the plan gets the work the plan gives to groups it belongs to.
 * Ids are derived from the plan, the activity and the unit, so the same event applied twice adds nothing.
 */
@Service
public class PlanAssignments {

    private static final Logger log = LoggerFactory.getLogger(PlanAssignments.class);
    private static final int PLANS_PER_READ = 50;
    /**
     * Activities are written together until their tasks reach this many; an activity naming more is written on its own. A
     * province's plan (some ten activities for its 250 or so agencies, districts and communes) is then one pass, so each
     * unit's tasks of it are announced in one event, not one per few activities.
     */
    private static final int TASKS_PER_WRITE = 2000;

    private final UnitDirectoryView directory;
    private final Tasks tasks;
    private final UnresolvedAssignees unresolved;
    private final IssuedPlans issuedPlans;
    private final ReportPeriodCheckpoints checkpoints;
    private final CancelledPlans cancelledPlans;
    private final TraceHeaders traceHeaders;

    public PlanAssignments(UnitDirectoryView directory, Tasks tasks, UnresolvedAssignees unresolved, IssuedPlans issuedPlans,
            ReportPeriodCheckpoints checkpoints, CancelledPlans cancelledPlans, TraceHeaders traceHeaders) {
        this.directory = directory;
        this.tasks = tasks;
        this.unresolved = unresolved;
        this.issuedPlans = issuedPlans;
        this.checkpoints = checkpoints;
        this.cancelledPlans = cancelledPlans;
        this.traceHeaders = traceHeaders;
    }

    /**
     * Takes the plan in as work to assign, which {@link #assignNextPlans} then does outside the consumer's call: a national
     * plan gives tens of thousands of units work, longer than Kafka lets a consumer go without polling. An issuer not in
     * the directory yet is refused, so the event is retried until its unit event has been read.
     */
    public void onPlanIssued(PlanIssued plan) {
        if (issuedPlans.isAssigned(plan.planId())) {
            return;
        }
        directory.find(plan.issuerCode()).orElseThrow(() -> new IllegalStateException(
                "Issuer " + plan.issuerCode() + " of plan " + plan.planId() + " is not yet in task-service's directory"));
        issuedPlans.keep(plan);
    }

    /**
     * Assigns the rest of the plans taken in longest ago whose assignment has not finished, one after another, each a few
     * activities at a time, recorded once their tasks are written: a pass stopped half-way goes on from the activities it
     * was on. The work of a plan cancelled meanwhile is no longer assigned. A plan's pass runs in the trace its
     * event came in, as it did in the consumer. Answers whether every pass finished: false when no plan waits, or when a
     * pass failed (the job pauses then, rather than spin through failures while the store is down).
     *
     * @param afterEachActivity told each time activities' tasks are written and recorded (the job keeps its lock)
     */
    public boolean assignNextPlans(Runnable afterEachActivity) {
        // A batch per read: the store sorts the waiting plans to find the first (the embedded one reads every one of them
        // to do so), and at national scale ten thousand wait.
        List<IssuedPlans.Unassigned> next = issuedPlans.nextUnassigned(PLANS_PER_READ);
        return !next.isEmpty() && next.stream().allMatch(unassigned -> assignPlan(unassigned, afterEachActivity));
    }

    private boolean assignPlan(IssuedPlans.Unassigned unassigned, Runnable afterEachActivity) {
        try {
            traceHeaders.continueIn(unassigned.traceHeaders(), "assign plan",
                    () -> assign(unassigned.plan(), unassigned.activitiesAssigned(), afterEachActivity));
            return true;
        } catch (RuntimeException e) {
            issuedPlans.markPassFailed(unassigned.plan().planId());
            log.warn("Assigning the work of plan {} failed; it is tried again after the other plans waiting", unassigned.plan().planId(), e);
            return false;
        }
    }

    /**
     * Assigns the plan's activities from {@code fromActivity} on, those naming few units together in one set of writes (a
     * commune's plan gives its own unit a dozen activities) and each recorded once its tasks are written.
     */
    private void assign(PlanIssued plan, int fromActivity, Runnable afterEachActivity) {
        // The plan was kept before the directory is read here, as a unit is kept before its plans are looked up (see
        // onUnitRegistered): of a plan and a unit handled at the same time, one always sees the other.
        KnownUnit issuer = directory.find(plan.issuerCode()).orElseThrow();
        AssigneeResolver resolver = new AssigneeResolver(issuer, directory.subtree(issuer.code()));
        List<String> planPath = issuedPlans.pathOf(plan);
        List<Tasks.ActivityWork> waiting = new ArrayList<>();
        List<UnresolvedAssignee> notFound = new ArrayList<>();
        for (int index = fromActivity; index < plan.activities().size(); index++) {
            PlanActivity activity = plan.activities().get(index);
            Map<KnownUnit, TaskRole> roles = assignees(plan, index, activity, resolver, notFound);
            // One that names nobody writes no task (most of a commune's plan's activities).
            if (!roles.isEmpty()) {
                waiting.add(new Tasks.ActivityWork(index, activity, roles, scheduleOf(plan, activity)));
            }
            boolean last = index == plan.activities().size() - 1;
            int tasksWaiting = waiting.stream().mapToInt(work -> work.roles().size()).sum();
            if (tasksWaiting >= TASKS_PER_WRITE || last && (tasksWaiting > 0 || !notFound.isEmpty())) {
                if (cancelledPlans.isCancelled(plan.planId())) {
                    break;
                }
                unresolved.keepAll(plan.planId(), notFound);
                assign(plan, planPath, waiting);
                issuedPlans.markActivitiesAssigned(plan.planId(), index + 1);
                afterEachActivity.run();
                waiting.clear();
                notFound.clear();
            }
        }
        issuedPlans.markAssigned(plan.planId());
    }

    /**
     * A unit new to the directory gets the work that plans already issued above it give to a group it belongs to
     * ("UBND các xã, thị trấn" for a commune registered after its district's plan). Call it once the unit is in the directory.
     */
    public void onUnitRegistered(UnitRecorded registered) {
        KnownUnit unit = directory.find(registered.code()).orElseThrow();
        for (PlanIssued plan : issuedPlans.issuedByAnyOf(unit.ancestorCodes())) {
            directory.find(plan.issuerCode()).ifPresent(issuer -> assignByGroups(plan, issuer, unit));
        }
    }

    private void assignByGroups(PlanIssued plan, KnownUnit issuer, KnownUnit unit) {
        List<Tasks.ActivityWork> work = new ArrayList<>();
        for (int index = 0; index < plan.activities().size(); index++) {
            PlanActivity activity = plan.activities().get(index);
            Optional<TaskRole> role = roleByGroups(plan, index, issuer, unit);
            if (role.isPresent()) {
                work.add(new Tasks.ActivityWork(index, activity, Map.of(unit, role.get()), scheduleOf(plan, activity)));
            }
        }
        if (!work.isEmpty()) {
            assign(plan, issuedPlans.pathOf(plan), work);
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
                filled.forEach(group -> unresolved.groupFilled(plan.planId(), unresolvedId, group));
            }
        }
        return role;
    }

    private void assign(PlanIssued plan, List<String> planPath, List<Tasks.ActivityWork> work) {
        List<String> checkedAtReportPeriods = tasks.assignAll(plan, planPath, work);
        if (!checkedAtReportPeriods.isEmpty()) {
            checkpoints.recheck(plan.planId(), checkedAtReportPeriods);
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

    /** The units the activity's texts name, each in its role; what they leave unresolved is added to {@code notFound}. */
    private Map<KnownUnit, TaskRole> assignees(PlanIssued plan, int index, PlanActivity activity, AssigneeResolver resolver,
            List<UnresolvedAssignee> notFound) {
        Map<KnownUnit, TaskRole> roles = new LinkedHashMap<>();
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
        return roles;
    }
}
