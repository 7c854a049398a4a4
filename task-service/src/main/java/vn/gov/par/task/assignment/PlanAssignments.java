package vn.gov.par.task.assignment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.support.domain.DerivedId;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.task.schedule.Schedule;
import vn.gov.par.task.schedule.TimeframeParser;
import vn.gov.par.task.task.TaskRole;
import vn.gov.par.task.task.Tasks;

/**
 * Turns an issued plan into tasks: for every activity, every unit its lead and cooperating texts name
 * (a unit named in both leads), each with the activity's schedule. Texts that name nobody are kept.
 * Ids are derived from the plan, the activity and the unit, so the same event applied twice adds nothing.
 */
@Service
public class PlanAssignments {

    private final UnitDirectoryView directory;
    private final Tasks tasks;
    private final UnresolvedAssignees unresolved;
    private final PlanPaths planPaths;

    public PlanAssignments(UnitDirectoryView directory, Tasks tasks, UnresolvedAssignees unresolved, PlanPaths planPaths) {
        this.directory = directory;
        this.tasks = tasks;
        this.unresolved = unresolved;
        this.planPaths = planPaths;
    }

    public void onPlanIssued(PlanIssued plan) {
        KnownUnit issuer = directory.find(plan.issuerCode()).orElseThrow(() -> new IllegalStateException(
                "Issuer " + plan.issuerCode() + " of plan " + plan.planId() + " is not yet in task-service's directory"));
        AssigneeResolver resolver = new AssigneeResolver(issuer, directory.subtree(issuer.code()));
        List<LocalDate> checkpoints = quarterEnds(plan.year());
        List<String> planPath = planPaths.pathOf(plan);
        for (int index = 0; index < plan.activities().size(); index++) {
            PlanActivity activity = plan.activities().get(index);
            Schedule schedule = dueFrom(TimeframeParser.parse(activity.timeframe(), plan.year(), checkpoints), plan.issuedOn());
            for (Map.Entry<KnownUnit, TaskRole> assignee : assignees(plan, index, activity, resolver).entrySet()) {
                tasks.assign(plan, planPath, index, activity, assignee.getKey(), assignee.getValue(), schedule);
            }
        }
    }

    private Map<KnownUnit, TaskRole> assignees(PlanIssued plan, int index, PlanActivity activity, AssigneeResolver resolver) {
        Map<KnownUnit, TaskRole> roles = new LinkedHashMap<>();
        List<UnresolvedAssignee> notFound = new ArrayList<>();
        for (TaskRole role : TaskRole.values()) {
            List<String> texts = role == TaskRole.LEAD ? activity.leadUnits() : activity.cooperatingUnits();
            for (int t = 0; t < texts.size(); t++) {
                Assignees found = resolver.resolve(texts.get(t));
                found.units().forEach(unit -> roles.putIfAbsent(unit, role));
                if (!found.unmatched().isEmpty() || found.mentionsRelatedBodies()) {
                    notFound.add(new UnresolvedAssignee(DerivedId.of(plan.planId(), index, role.name(), t), plan.planId(), plan.issuerCode(),
                            index, activity.label(), role, texts.get(t), found.unmatched()));
                }
            }
        }
        notFound.forEach(unresolved::keep);
        return roles;
    }

    /** Work that fell due before the plan was issued was never asked for: a plan issued in March owes no January bulletin. */
    private static Schedule dueFrom(Schedule schedule, LocalDate issuedOn) {
        return new Schedule(schedule.text(), schedule.kind(), schedule.recognised(), schedule.occurrences().stream()
                .filter(o -> o.dueDate() == null || !o.dueDate().isBefore(issuedOn)).toList());
    }

    /**
     * When ongoing ("thường xuyên") and periodic ("định kỳ") work is checked: at the end of each quarter,
     * until the plan's own report periods reach this service.
     */
    public static List<LocalDate> quarterEnds(int year) {
        return List.of(LocalDate.of(year, 3, 31), LocalDate.of(year, 6, 30), LocalDate.of(year, 9, 30), LocalDate.of(year, 12, 31));
    }

}
