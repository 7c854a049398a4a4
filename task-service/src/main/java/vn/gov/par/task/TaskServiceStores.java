package vn.gov.par.task;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;

import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.directory.PlanSupervision;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.task.reporting.ReportPeriods;
import vn.gov.par.task.task.Task;
import vn.gov.par.task.task.TaskOccurrence;

/**
 * The collections this service owns (and its copy of the units directory), and the indexes its lists, roll-ups and sweep use,
 * on a real MongoDB and on the embedded store alike.
 */
@Configuration(proxyBeanMethods = false)
class TaskServiceStores {

    /** The fields the occurrence list filters by, in the combinations it is asked for. */
    private static final List<List<String>> LIST_FILTERS = List.of(List.of("planId"), List.of("planId", "status"), List.of("unitCode"),
            List.of("provinceCode"), List.of("provinceCode", "status"), List.of("ancestorCodes"), List.of());

    @Bean
    UnitDirectoryView unitDirectory(MongoTemplate mongo) {
        return new UnitDirectoryView(mongo);
    }

    /**
     * Each plan's issuer and the office its reports go through, which reads the plan's work ({@link vn.gov.par.support.access.Access#reads}):
     * learnt from the event that brings the plan's report periods, and kept on the same document.
     */
    @Bean
    PlanSupervision planSupervision(MongoTemplate mongo, UnitDirectoryView units) {
        return new PlanSupervision(mongo, units, ReportPeriods.COLLECTION);
    }

    @Bean
    WorkingCalendarView workingCalendar(MongoTemplate mongo) {
        return new WorkingCalendarView(mongo);
    }

    @Bean
    AggregateStore<Task> taskStore(MongoTemplate mongo) {
        mongo.indexOps("tasks").createIndex(new Index("planId", Sort.Direction.ASC).on("activityIndex", Sort.Direction.ASC));
        mongo.indexOps("tasks").createIndex(new Index("scheduleRecognised", Sort.Direction.ASC).on("planId", Sort.Direction.ASC));
        // A unit's tasks, which its retirement ends and hands over to its successor.
        mongo.indexOps("tasks").createIndex(new Index("unitCode", Sort.Direction.ASC));
        // What the sweep looks for after a crash between a schedule's write and its occurrences': almost never any.
        mongo.indexOps("tasks").createIndex(new Index("occurrencesPending", Sort.Direction.ASC)
                .partial(PartialIndexFilter.of(Criteria.where("occurrencesPending").is(true))));
        return new AggregateStore<>(mongo, Task.class, "tasks", Task::id);
    }

    @Bean
    AggregateStore<TaskOccurrence> occurrenceStore(MongoTemplate mongo) {
        var indexes = mongo.indexOps("occurrences");
        // The list's filters, each followed by its sort (dueDate, unitCode), so a page is read in order from the index, and
        // then by whether the work was released, so the index alone counts the list's total. The same index without
        // releasedOn, which a store made before holds, is dropped: every write kept it up for nothing.
        Set<String> existing = indexes.getIndexInfo().stream().map(IndexInfo::getName).collect(Collectors.toSet());
        for (List<String> filter : LIST_FILTERS) {
            List<String> sorted = Stream.concat(filter.stream(), Stream.of("dueDate", "unitCode")).distinct().toList();
            String withoutReleased = String.join("_1_", sorted) + "_1";
            if (existing.contains(withoutReleased)) {
                indexes.dropIndex(withoutReleased);
            }
            Index index = new Index();
            sorted.forEach(field -> index.on(field, Sort.Direction.ASC));
            indexes.createIndex(index.on("releasedOn", Sort.Direction.ASC));
        }
        // Roll-ups, the sweeps, a task's own occurrences. The overdue sweep's leads with what it has still to announce: by
        // status alone it read every occurrence announced overdue before (a year's, in service) to find the few new ones.
        indexes.createIndex(new Index("planPath", Sort.Direction.ASC).on("unitCode", Sort.Direction.ASC));
        indexes.createIndex(new Index("status", Sort.Direction.ASC).on("dueDate", Sort.Direction.ASC));
        indexes.createIndex(new Index("overdueAnnounced", Sort.Direction.ASC).on("status", Sort.Direction.ASC).on("dueDate", Sort.Direction.ASC));
        indexes.createIndex(new Index("taskId", Sort.Direction.ASC).on("dueDate", Sort.Direction.ASC));
        return new AggregateStore<>(mongo, TaskOccurrence.class, "occurrences", TaskOccurrence::id);
    }
}
