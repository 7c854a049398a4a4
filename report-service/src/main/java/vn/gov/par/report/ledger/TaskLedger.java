package vn.gov.par.report.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import vn.gov.par.contracts.task.TaskAssigned;
import vn.gov.par.contracts.task.TaskCompleted;
import vn.gov.par.contracts.task.TaskReopened;
import vn.gov.par.report.plan.ReportPlan;
import vn.gov.par.report.report.ActivityResult;
import vn.gov.par.report.report.Indicators;
import vn.gov.par.report.report.Report;
import vn.gov.par.report.report.ReportContent;

/**
 * What report-service knows of task progress, from task-service's events: per task, its due dates and the
 * occurrences completed. Drafts are pre-filled from it and plan execution is scored on it. Every handler is
 * idempotent: the task is upserted, and each occurrence's completion is kept under the occurrence's id, so the
 * latest TaskCompleted replaces the one before and TaskReopened withdraws it.
 */
@Component
public class TaskLedger {

    private static final String COLLECTION = "task_ledger";
    private static final String LEAD = "LEAD";
    private static final String COMPLETIONS = "completions";

    private final MongoTemplate mongo;

    public TaskLedger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void onTaskAssigned(TaskAssigned task) {
        // $set, not $setOnInsert: a schedule set by hand announces the task again with its due dates.
        Update assigned = new Update().set("unitCode", task.unitCode()).set("planId", task.planId()).set("role", task.role())
                .set("activityIndex", task.activityIndex()).set("activityContent", task.activityContent())
                .set("dueDates", task.dueDates());
        mongo.upsert(Query.query(Criteria.where("_id").is(task.taskId())), assigned, COLLECTION);
    }

    public void onTaskCompleted(TaskCompleted completed) {
        var o = completed.occurrence();
        Document completion = new Document("occurrenceId", o.occurrenceId()).append("dueDate", o.dueDate()).append("doneOn", completed.doneOn())
                .append("count", completed.count()).append("note", completed.note());
        Update update = new Update().setOnInsert("unitCode", o.unitCode()).setOnInsert("planId", o.planId()).setOnInsert("role", o.role())
                .setOnInsert("activityContent", o.activityContent()).set(COMPLETIONS + "." + o.occurrenceId(), completion);
        mongo.upsert(Query.query(Criteria.where("_id").is(o.taskId())), update, COLLECTION);
    }

    public void onTaskReopened(TaskReopened reopened) {
        var o = reopened.occurrence();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(o.taskId())), new Update().unset(COMPLETIONS + "." + o.occurrenceId()),
                COLLECTION);
    }

    /** A draft with, for each activity of the plan, what the unit's completed tasks of the period produced. */
    public ReportContent prefill(Report report, ReportPlan plan) {
        List<Document> tasks = mongo.find(Query.query(Criteria.where("unitCode").is(report.unitCode()).and("planId").is(report.planId())),
                Document.class, COLLECTION);
        Map<Integer, List<Document>> byActivity = tasks.stream().filter(t -> t.get("activityIndex") != null)
                .collect(Collectors.groupingBy(t -> t.getInteger("activityIndex")));
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
        Query led = Query.query(Criteria.where("unitCode").in(unitCodes).and("role").is(LEAD));
        for (Document task : mongo.find(led, Document.class, COLLECTION)) {
            List<LocalDate> dueDates = task.getList("dueDates", Object.class, List.of()).stream().map(TaskLedger::toDate)
                    .filter(d -> d.getYear() == year && !d.isAfter(end)).toList();
            long done = completions(task).stream().map(c -> toDate(c.get("dueDate")))
                    .filter(dueDates::contains).distinct().count();
            byUnit.merge(task.getString("unitCode"), new Execution(dueDates.size(), done), Execution::plus);
        }
        return byUnit;
    }

    public record Execution(long due, long done) {

        Execution plus(Execution other) {
            return new Execution(due + other.due, done + other.done);
        }
    }

    private static Collection<Document> completions(Document task) {
        Document byOccurrence = task.get(COMPLETIONS, Document.class);
        return byOccurrence == null ? List.of() : byOccurrence.values().stream().map(Document.class::cast).toList();
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
