package vn.gov.par.task.assignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

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
    /** Units are written together until their tasks reach this many. */
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
     * units at a time, recorded once their tasks are written: a pass stopped half-way goes on from the unit it was on. The
     * work of a plan cancelled meanwhile is no longer assigned. A plan's pass runs in the trace its event came in, as it did
     * in the consumer. Answers whether every pass finished: false when no plan waits, or when a pass failed (the job pauses
     * then, rather than spin through failures while the store is down).
     *
     * @param afterEachWrite told each time units' tasks are written and recorded (the job keeps its lock)
     */
    public boolean assignNextPlans(Runnable afterEachWrite) {
        // A batch per read: the store sorts the waiting plans to find the first (the embedded one reads every one of them
        // to do so), and at national scale ten thousand wait.
        List<IssuedPlans.Unassigned> next = issuedPlans.nextUnassigned(PLANS_PER_READ);
        return !next.isEmpty() && next.stream().allMatch(unassigned -> assignPlan(unassigned, afterEachWrite));
    }

    private boolean assignPlan(IssuedPlans.Unassigned unassigned, Runnable afterEachWrite) {
        try {
            traceHeaders.continueIn(unassigned.traceHeaders(), "assign plan",
                    () -> assign(unassigned.plan(), unassigned.assignedThrough(), afterEachWrite));
            return true;
        } catch (RuntimeException e) {
            issuedPlans.markPassFailed(unassigned.plan().planId());
            log.warn("Assigning the work of plan {} failed; it is tried again after the other plans waiting", unassigned.plan().planId(), e);
            return false;
        }
    }

    /**
     * Assigns the plan's work to the units after {@code assignedThrough}, in the order of their codes: every activity's
     * assignees are found first (what the texts leave unresolved kept, on the first pass), then each unit's tasks of every
     * activity are written together, units together until their tasks reach {@value #TASKS_PER_WRITE}, and recorded once
     * written. So a unit's work of a plan is announced in one event however many units the plan names (a national plan
     * names every commune in an activity), and a commune's plan giving its own unit a dozen activities is one write.
     *
     * @param assignedThrough the code of the last unit whose tasks are written, null if none
     */
    private void assign(PlanIssued plan, String assignedThrough, Runnable afterEachWrite) {
        // The plan was kept before the directory is read here, as a unit is kept before its plans are looked up (see
        // onUnitRegistered): of a plan and a unit handled at the same time, one always sees the other.
        KnownUnit issuer = directory.find(plan.issuerCode()).orElseThrow();
        AssigneeResolver resolver = new AssigneeResolver(issuer, directory.subtree(issuer.code()));
        List<UnresolvedAssignee> notFound = new ArrayList<>();
        List<Map<KnownUnit, TaskRole>> rolesByActivity = new ArrayList<>();
        for (int index = 0; index < plan.activities().size(); index++) {
            rolesByActivity.add(assignees(plan, index, plan.activities().get(index), resolver, notFound));
        }
        SortedMap<String, KnownUnit> waiting = new TreeMap<>();
        rolesByActivity.forEach(roles -> roles.keySet().stream().filter(unit -> assignedThrough == null || unit.code().compareTo(assignedThrough) > 0)
                .forEach(unit -> waiting.put(unit.code(), unit)));
        List<String> planPath = issuedPlans.pathOf(plan);
        List<Schedule> schedules = new ArrayList<>();
        for (int index = 0; index < plan.activities().size(); index++) {
            schedules.add(rolesByActivity.get(index).isEmpty() ? null : scheduleOf(plan, plan.activities().get(index)));
        }
        List<List<KnownUnit>> writes = inWrites(waiting.values(), rolesByActivity);
        for (int write = 0; write < writes.size(); write++) {
            if (cancelledPlans.isCancelled(plan.planId())) {
                break;
            }
            if (write == 0 && assignedThrough == null) {
                unresolved.keepAll(plan.planId(), notFound);
            }
            List<KnownUnit> units = writes.get(write);
            if (!units.isEmpty()) {
                assign(plan, planPath, workOf(plan, rolesByActivity, schedules, units));
                issuedPlans.markAssignedThrough(plan.planId(), units.get(units.size() - 1).code());
            }
            afterEachWrite.run();
        }
        issuedPlans.markAssigned(plan.planId());
    }

    /**
     * The units, in order, cut into writes of about {@value #TASKS_PER_WRITE} tasks; one empty write if there is no unit, so
     * that what the texts leave unresolved is still kept.
     */
    private static List<List<KnownUnit>> inWrites(Collection<KnownUnit> units, List<Map<KnownUnit, TaskRole>> rolesByActivity) {
        List<List<KnownUnit>> writes = new ArrayList<>(List.of(new ArrayList<>()));
        int tasks = 0;
        for (KnownUnit unit : units) {
            if (tasks >= TASKS_PER_WRITE) {
                writes.add(new ArrayList<>());
                tasks = 0;
            }
            writes.get(writes.size() - 1).add(unit);
            tasks += (int) rolesByActivity.stream().filter(roles -> roles.containsKey(unit)).count();
        }
        return writes;
    }

    /** Each activity's work for these units only, in the plan's order; an activity that names none of them is left out. */
    private static List<Tasks.ActivityWork> workOf(PlanIssued plan, List<Map<KnownUnit, TaskRole>> rolesByActivity, List<Schedule> schedules,
            List<KnownUnit> units) {
        List<Tasks.ActivityWork> work = new ArrayList<>();
        for (int index = 0; index < rolesByActivity.size(); index++) {
            Map<KnownUnit, TaskRole> roles = new LinkedHashMap<>();
            for (KnownUnit unit : units) {
                TaskRole role = rolesByActivity.get(index).get(unit);
                if (role != null) {
                    roles.put(unit, role);
                }
            }
            if (!roles.isEmpty()) {
                work.add(new Tasks.ActivityWork(index, plan.activities().get(index), roles, schedules.get(index)));
            }
        }
        return work;
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
