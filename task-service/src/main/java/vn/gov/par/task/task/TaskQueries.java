package vn.gov.par.task.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.domain.NotFoundException;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.VisibleUnits;
import vn.gov.par.support.web.PageView;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.directory.UnitDirectoryView;

/**
 * Lists and roll-ups, each answered with one query to the store (plus the directory for names), each showing only what
 * the asking official sees: the work of its own unit and of the units below it, and that under the plans whose reports go
 * through its unit ({@link VisibleUnits}).
 */
@Service
public class TaskQueries {

    private final AggregateStore<Task> tasks;
    private final AggregateStore<TaskOccurrence> occurrences;
    private final MongoTemplate mongo;
    private final UnitDirectoryView directory;
    private final Clock clock;
    private final WorkingCalendarView calendar;

    public TaskQueries(AggregateStore<Task> tasks, AggregateStore<TaskOccurrence> occurrences, MongoTemplate mongo, UnitDirectoryView directory,
            Clock clock, WorkingCalendarView calendar) {
        this.calendar = calendar;
        this.tasks = tasks;
        this.occurrences = occurrences;
        this.mongo = mongo;
        this.directory = directory;
        this.clock = clock;
    }

    /** @param underUnit a unit whose own occurrences and those of every unit below it are wanted */
    public record Filter(String unitCode, String planId, OccurrenceStatus status, LocalDate dueFrom, LocalDate dueTo, String provinceCode,
            String underUnit) {
    }

    public record TaskWithOccurrences(Task task, List<TaskOccurrence> occurrences) {
    }

    /** One line of a roll-up: a unit's own occurrences, and those of the unit and everything below it. */
    public record UnitRollup(String unitCode, String unitName, String level, StatusCounts own, StatusCounts subtree) {
    }

    /** The occurrences the official sees, by the filters given; those released by their unit's retirement are read with their task. */
    public PageView<TaskOccurrence> list(Filter filter, int page, int size, Access access) {
        Query query = Query.query(criteria(filter, access));
        long total = occurrences.count(query);
        List<TaskOccurrence> content = occurrences.find(query.with(Sort.by("dueDate", "unitCode")).skip((long) page * size).limit(size));
        return new PageView<>(content, page, size, total);
    }

    /** The task, if the official sees it: one of another unit's is answered as one that does not exist. */
    public TaskWithOccurrences task(String taskId, Access access) {
        Task task = tasks.find(taskId).map(v -> v.value()).filter(found -> access.reads(found.unitCode(), found.ancestorCodes(), found.planId()))
                .orElseThrow(() -> new NotFoundException("Không tìm thấy nhiệm vụ '" + taskId + "'."));
        return new TaskWithOccurrences(task, occurrences.find(Query.query(Criteria.where("taskId").is(taskId)).with(Sort.by("dueDate"))));
    }

    /**
     * A plan's tasks the official sees, whether or not they have occurrences yet (ongoing work waits for the plan's report
     * periods).
     */
    public PageView<Task> tasksOf(String planId, String unitCode, int page, int size, Access access) {
        Criteria criteria = Criteria.where("planId").is(planId);
        if (unitCode != null) {
            criteria.and("unitCode").is(unitCode);
        }
        Query query = Query.query(visibleOnly(criteria, VisibleUnits.of(access)));
        long total = tasks.count(query);
        return new PageView<>(tasks.find(query.with(Sort.by("activityIndex", "unitCode")).skip((long) page * size).limit(size)), page, size,
                total);
    }

    /** The tasks the official sees whose timeframe was not understood, of units still in service (a retired one owes no dates). */
    public List<Task> unrecognisedSchedules(String planId, String unitCode, Access access) {
        Criteria criteria = Criteria.where("scheduleRecognised").is(false).and("unitRetiredOn").is(null);
        if (planId != null) {
            criteria.and("planId").is(planId);
        }
        if (unitCode != null) {
            criteria.and("unitCode").is(unitCode);
        }
        return tasks.find(Query.query(visibleOnly(criteria, VisibleUnits.of(access))).with(Sort.by("planId", "activityIndex", "unitCode")));
    }

    /** A unit's own occurrences, over every plan or one. */
    public StatusCounts unitCounts(String unitCode, String planId) {
        return countsByUnit(planId == null ? Criteria.where("unitCode").is(unitCode)
                : Criteria.where("unitCode").is(unitCode).and("planId").is(planId)).getOrDefault(unitCode, StatusCounts.none());
    }

    /**
     * For a plan and the sub-plans that implement it, every unit at or below {@code underUnit} with its own
     * counts and its subtree's, so a province sees which districts and communes lag. Only the units the official sees
     * are counted and listed: asked about a unit above its own, it gets the lines of its own unit and those below.
     */
    public List<UnitRollup> planRollup(String planId, String underUnit, Access access) {
        Criteria ofPlan = Criteria.where("planPath").is(planId);
        Optional<Criteria> visible = VisibleUnits.of(access);
        Map<String, StatusCounts> own = countsByUnit(visibleOnly(new Criteria().andOperator(ofPlan,
                Criteria.where("ancestorCodes").is(underUnit)), visible));
        own.putAll(countsByUnit(visibleOnly(new Criteria().andOperator(ofPlan, Criteria.where("unitCode").is(underUnit)), visible)));
        Map<String, StatusCounts> subtree = new HashMap<>();
        List<KnownUnit> units = directory.subtree(underUnit);
        Map<String, KnownUnit> byCode = new HashMap<>();
        units.forEach(u -> byCode.put(u.code(), u));
        own.forEach((code, counts) -> {
            KnownUnit unit = byCode.get(code);
            List<String> upwards = new ArrayList<>(unit == null ? List.of() : unit.ancestorCodes());
            upwards.add(code);
            upwards.stream().filter(byCode::containsKey).forEach(c -> subtree.merge(c, counts, StatusCounts::plus));
        });
        return units.stream().filter(u -> subtree.containsKey(u.code()))
                .filter(u -> visible.isEmpty() || access.reads(u.code(), u.ancestorCodes(), planId))
                .sorted(java.util.Comparator.comparingInt((KnownUnit u) -> u.ancestorCodes().size()).thenComparing(KnownUnit::code))
                .map(u -> new UnitRollup(u.code(), u.name(), u.level(), own.getOrDefault(u.code(), StatusCounts.none()), subtree.get(u.code())))
                .toList();
    }

    /**
     * Counts per unit, in one pass over the matching occurrences and one over those of them whose effective deadline has passed;
     * work released by a unit's retirement is owed by nobody, and counted nowhere.
     */
    private Map<String, StatusCounts> countsByUnit(Criteria matching) {
        Criteria criteria = new Criteria().andOperator(matching, notReleased());
        Map<String, Map<OccurrenceStatus, Long>> all = countByUnitAndStatus(criteria);
        Map<String, Map<OccurrenceStatus, Long>> pastDue = countByUnitAndStatus(
                new Criteria().andOperator(criteria, Criteria.where("dueDate").lt(calendar.current().lateIfDueBefore(LocalDate.now(clock)))));
        Map<String, StatusCounts> counts = new LinkedHashMap<>();
        all.forEach((unit, byStatus) -> counts.put(unit, StatusCounts.of(byStatus, pastDue.getOrDefault(unit, Map.of()))));
        return counts;
    }

    private Map<String, Map<OccurrenceStatus, Long>> countByUnitAndStatus(Criteria criteria) {
        Aggregation count = Aggregation.newAggregation(Aggregation.match(criteria), Aggregation.group("unitCode", "status").count().as("n"));
        Map<String, Map<OccurrenceStatus, Long>> counts = new LinkedHashMap<>();
        for (Document row : mongo.aggregate(count, "occurrences", Document.class).getMappedResults()) {
            Document id = row.get("_id", Document.class);
            counts.computeIfAbsent(id.getString("unitCode"), u -> new EnumMap<>(OccurrenceStatus.class))
                    .put(OccurrenceStatus.valueOf(id.getString("status")), ((Number) row.get("n")).longValue());
        }
        return counts;
    }

    /** @param visible what the official sees, as {@link VisibleUnits#of} gives it */
    private static Criteria visibleOnly(Criteria criteria, Optional<Criteria> visible) {
        return visible.map(condition -> new Criteria().andOperator(criteria, condition)).orElse(criteria);
    }

    /** Occurrences not released by their unit's retirement: work some unit owes, or did. */
    private static Criteria notReleased() {
        return Criteria.where("releasedOn").is(null);
    }

    private static Criteria criteria(Filter filter, Access access) {
        List<Criteria> parts = new ArrayList<>(List.of(notReleased()));
        VisibleUnits.of(access, filter.unitCode(), filter.underUnit(), filter.provinceCode()).ifPresent(parts::add);
        if (filter.unitCode() != null) {
            parts.add(Criteria.where("unitCode").is(filter.unitCode()));
        }
        if (filter.planId() != null) {
            parts.add(Criteria.where("planId").is(filter.planId()));
        }
        if (filter.underUnit() != null) {
            parts.add(new Criteria().orOperator(Criteria.where("unitCode").is(filter.underUnit()),
                    Criteria.where("ancestorCodes").is(filter.underUnit())));
        }
        if (filter.provinceCode() != null) {
            parts.add(Criteria.where("provinceCode").is(filter.provinceCode()));
        }
        if (filter.status() != null) {
            parts.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.dueFrom() != null || filter.dueTo() != null) {
            Criteria due = Criteria.where("dueDate");
            if (filter.dueFrom() != null) {
                due = due.gte(filter.dueFrom());
            }
            if (filter.dueTo() != null) {
                due = due.lte(filter.dueTo());
            }
            parts.add(due);
        }
        return new Criteria().andOperator(parts);
    }
}
