package vn.gov.par.task;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.task.task.Task;
import vn.gov.par.task.task.TaskOccurrence;

/**
 * The collections this service owns (and its copy of the units directory), and the indexes its lists, roll-ups and sweep use on a real MongoDB
 * (mongo-java-server keeps them but scans).
 */
@Configuration(proxyBeanMethods = false)
class TaskServiceStores {

    @Bean
    UnitDirectoryView unitDirectory(MongoTemplate mongo) {
        return new UnitDirectoryView(mongo);
    }

    @Bean
    AggregateStore<Task> taskStore(MongoTemplate mongo) {
        mongo.indexOps("tasks").createIndex(new Index("planId", Sort.Direction.ASC).on("activityIndex", Sort.Direction.ASC));
        mongo.indexOps("tasks").createIndex(new Index("scheduleRecognised", Sort.Direction.ASC).on("planId", Sort.Direction.ASC));
        return new AggregateStore<>(mongo, Task.class, "tasks", Task::id);
    }

    @Bean
    AggregateStore<TaskOccurrence> occurrenceStore(MongoTemplate mongo) {
        var indexes = mongo.indexOps("occurrences");
        indexes.createIndex(new Index("unitCode", Sort.Direction.ASC).on("dueDate", Sort.Direction.ASC));
        indexes.createIndex(new Index("planId", Sort.Direction.ASC).on("unitCode", Sort.Direction.ASC));
        indexes.createIndex(new Index("planPath", Sort.Direction.ASC).on("unitCode", Sort.Direction.ASC));
        indexes.createIndex(new Index("provinceCode", Sort.Direction.ASC).on("status", Sort.Direction.ASC).on("dueDate", Sort.Direction.ASC));
        indexes.createIndex(new Index("status", Sort.Direction.ASC).on("dueDate", Sort.Direction.ASC));
        indexes.createIndex(new Index("taskId", Sort.Direction.ASC));
        indexes.createIndex(new Index("ancestorCodes", Sort.Direction.ASC));
        return new AggregateStore<>(mongo, TaskOccurrence.class, "occurrences", TaskOccurrence::id);
    }
}
