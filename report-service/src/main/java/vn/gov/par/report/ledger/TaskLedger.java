package vn.gov.par.report.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import vn.gov.par.contracts.task.TaskAssigned;
import vn.gov.par.contracts.task.TaskCompleted;
import vn.gov.par.contracts.task.TaskReopened;
import vn.gov.par.contracts.task.TasksAssigned;
import vn.gov.par.report.plan.ReportPlan;
import vn.gov.par.report.report.ActivityResult;
import vn.gov.par.report.report.Indicators;
import vn.gov.par.report.report.Report;
import vn.gov.par.report.report.ReportContent;
import vn.gov.par.support.domain.DerivedId;

/**
 * What report-service knows of task progress, from task-service's events: one document per unit and plan, holding
 * each of the unit's tasks of the plan with its due dates and the occurrences completed. Drafts are pre-filled from it
 * and plan execution is scored on it. Every handler is idempotent: a task's fields are set again, and each
 * occurrence's completion is kept under the occurrence's id, so the latest TaskCompleted replaces the one before and
 * TaskReopened withdraws it.
 */
@Component
public class TaskLedger {

    // One document per unit and plan, not per task: a commune's plan gives it a dozen tasks, and at national scale the
    // ledger held as many documents as task-service's tasks (docs/performance.md).
    private static final String COLLECTION = "unit_plan_ledger";
    private static final String LEAD = "LEAD";
    private static final String TASKS = "tasks";
    private static final String COMPLETIONS = "completions";
    private static final String ACTIVITY_INDEX = "activityIndex";

    private final MongoTemplate mongo;

    public TaskLedger(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("unitCode", Sort.Direction.ASC));
    }

    public void onTaskAssigned(TaskAssigned task) {
        // $set, not $setOnInsert: a schedule set by hand announces the task again with its due dates.
        mongo.upsert(byUnitAndPlan(task.unitCode(), task.planId()), withAssigned(ofUnitAndPlan(task.unitCode(), task.planId()), task),
                COLLECTION);
    }

    /**
     * The unit's tasks as first assigned, in one read and one write: a task the ledger has already been told of (announced
     * again by TaskAssigned since, which may arrive first) keeps what it was told.
     */
    public void onTasksAssigned(TasksAssigned assigned) {
        Query ledger = byUnitAndPlan(assigned.unitCode(), assigned.planId());
        Collection<String> known = assignedTaskIds(mongo.findOne(ledger, Document.class, COLLECTION));
        List<TaskAssigned> unknown = assigned.tasks().stream().filter(task -> !known.contains(task.taskId())).toList();
        if (!unknown.isEmpty()) {
            Update update = ofUnitAndPlan(assigned.unitCode(), assigned.planId());
            unknown.forEach(task -> withAssigned(update, task));
            mongo.upsert(ledger, update, COLLECTION);
        }
    }

    private static Update withAssigned(Update update, TaskAssigned task) {
        String at = TASKS + "." + task.taskId() + ".";
        return update.set(at + "role", task.role()).set(at + ACTIVITY_INDEX, task.activityIndex()).set(at + "dueDates", task.dueDates());
    }

    /** The tasks an assignment has set (a completion read before its task's assignment sets only the role). */
    private static Collection<String> assignedTaskIds(Document ledger) {
        Document byId = ledger == null ? null : ledger.get(TASKS, Document.class);
        return byId == null ? List.of() : byId.entrySet().stream()
                .filter(task -> ((Document) task.getValue()).containsKey(ACTIVITY_INDEX)).map(Map.Entry::getKey).toList();
    }

    public void onTaskCompleted(TaskCompleted completed) {
        var o = completed.occurrence();
        Document completion = new Document("dueDate", o.dueDate()).append("doneOn", completed.doneOn())
                .append("count", completed.count()).append("note", completed.note());
        String at = TASKS + "." + o.taskId() + ".";
        // The role too: a completion read before its task's assignment still counts as the work of the role it was done in.
        Update update = ofUnitAndPlan(o.unitCode(), o.planId()).set(at + "role", o.role())
                .set(at + COMPLETIONS + "." + o.occurrenceId(), completion);
        mongo.upsert(byUnitAndPlan(o.unitCode(), o.planId()), update, COLLECTION);
    }

    public void onTaskReopened(TaskReopened reopened) {
        var o = reopened.occurrence();
        mongo.updateFirst(byUnitAndPlan(o.unitCode(), o.planId()),
                new Update().unset(TASKS + "." + o.taskId() + "." + COMPLETIONS + "." + o.occurrenceId()), COLLECTION);
    }

    /** A draft with, for each activity of the plan, what the unit's completed tasks of the period produced. */
    public ReportContent prefill(Report report, ReportPlan plan) {
        Document ledger = mongo.findOne(byUnitAndPlan(report.unitCode(), report.planId()), Document.class, COLLECTION);
        Map<Integer, List<Document>> byActivity = tasks(ledger).stream().filter(t -> t.get(ACTIVITY_INDEX) != null)
                .collect(Collectors.groupingBy(t -> t.getInteger(ACTIVITY_INDEX)));
        List<ActivityResult> results = new ArrayList<>();
        for (int index = 0; index < plan.activities().size(); index++) {
            ReportPlan.PlanActivityLine activity = plan.activities().get(index);
            List<Document> done = byActivity.getOrDefault(index, List.of()).stream()
                    .flatMap(t -> completions(t).stream())
                    .filter(c -> within(toDate(c.get("doneOn")), report.periodFrom(), report.periodTo())).toList();
            Integer count = done.isEmpty() ? null : done.stream().mapToInt(c -> c.get("count") == null ? 0 : c.getInteger("count")).sum();
            String notes = done.stream().map(c -> c.getString("note")).filter(n -> n != null && !n.isBlank()).collect(Collectors.joining("; "));
            results.add(new ActivityResult(activity.label(), activity.content(), notes.isEmpty() ? null : notes, count));
        }
        return new ReportContent(results, Indicators.zero(), null, null);
    }

    /**
     * The unit's plan execution for the year: occurrences of the tasks it leads due by {@code asOf} within the
     * year, and how many of them were done. A cooperating unit is not scored on work another unit leads.
     */
    public Execution execution(String unitCode, int year, LocalDate asOf) {
        return executions(List.of(unitCode), year, asOf).get(unitCode);
    }

    /** {@link #execution} of each unit, in one query; a unit that leads nothing has nothing due. */
    public Map<String, Execution> executions(Collection<String> unitCodes, int year, LocalDate asOf) {
        LocalDate end = asOf.isBefore(LocalDate.of(year, 12, 31)) ? asOf : LocalDate.of(year, 12, 31);
        Map<String, Execution> byUnit = new HashMap<>();
        unitCodes.forEach(code -> byUnit.put(code, new Execution(0, 0)));
        for (Document ledger : mongo.find(Query.query(Criteria.where("unitCode").in(unitCodes)), Document.class, COLLECTION)) {
            for (Document task : tasks(ledger).stream().filter(t -> LEAD.equals(t.getString("role"))).toList()) {
                List<LocalDate> dueDates = task.getList("dueDates", Object.class, List.of()).stream().map(TaskLedger::toDate)
                        .filter(d -> d.getYear() == year && !d.isAfter(end)).toList();
                long done = completions(task).stream().map(c -> toDate(c.get("dueDate")))
                        .filter(dueDates::contains).distinct().count();
                byUnit.merge(ledger.getString("unitCode"), new Execution(dueDates.size(), done), Execution::plus);
            }
        }
        return byUnit;
    }

    public record Execution(long due, long done) {

        Execution plus(Execution other) {
            return new Execution(due + other.due, done + other.done);
        }
    }

    private static Query byUnitAndPlan(String unitCode, String planId) {
        return Query.query(Criteria.where("_id").is(DerivedId.of(unitCode, planId)));
    }

    private static Update ofUnitAndPlan(String unitCode, String planId) {
        return new Update().setOnInsert("unitCode", unitCode).setOnInsert("planId", planId);
    }

    private static Collection<Document> tasks(Document ledger) {
        return valuesOf(ledger == null ? null : ledger.get(TASKS, Document.class));
    }

    private static Collection<Document> completions(Document task) {
        return valuesOf(task.get(COMPLETIONS, Document.class));
    }

    private static Collection<Document> valuesOf(Document byId) {
        return byId == null ? List.of() : byId.values().stream().map(Document.class::cast).toList();
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return date != null && !date.isBefore(from) && !date.isAfter(to);
    }

    private static LocalDate toDate(Object stored) {
        if (stored == null) {
            return null;
        }
        if (stored instanceof java.util.Date date) {
            return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        return (LocalDate) stored;
    }
}
