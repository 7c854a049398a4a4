package vn.gov.par.task;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;

import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.directory.PlanSupervision;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.task.reporting.ReportPeriods;
import vn.gov.par.task.task.OccurrenceIndexes;
import vn.gov.par.task.task.Task;
import vn.gov.par.task.task.TaskOccurrence;

/**
 * The collections this service owns (and its copy of the units directory), and the indexes its lists, roll-ups and sweep use,
 * on a real MongoDB and on the embedded store alike.
 */
@Configuration(proxyBeanMethods = false)
class TaskServiceStores {

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
        OccurrenceIndexes.declare(mongo);
        return new AggregateStore<>(mongo, TaskOccurrence.class, OccurrenceIndexes.COLLECTION, TaskOccurrence::id);
    }
}
