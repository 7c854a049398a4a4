package vn.gov.par.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

import vn.gov.par.notification.calendar.WorkingCalendars;
import vn.gov.par.notification.reminder.Deadline;
import vn.gov.par.notification.reminder.Delivery;
import vn.gov.par.notification.reminder.Reminder;
import vn.gov.par.notification.reminder.ReminderPolicies;
import vn.gov.par.support.directory.PlanSupervision;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.persistence.AggregateStore;

/**
 * The collections this service owns (and its copy of the units directory), and the indexes the dispatcher (deadlines by
 * when their next reminder falls due, reminders due by state and time), the log and a unit's retirement use.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReminderPolicies.class)
class NotificationServiceStores {

    @Bean
    UnitDirectoryView unitDirectory(MongoTemplate mongo) {
        return new UnitDirectoryView(mongo);
    }

    @Bean
    PlanSupervision planSupervision(MongoTemplate mongo, UnitDirectoryView units) {
        return new PlanSupervision(mongo, units);
    }

    @Bean
    AggregateStore<WorkingCalendars.DecidedDays> workingCalendarStore(MongoTemplate mongo) {
        return new AggregateStore<>(mongo, WorkingCalendars.DecidedDays.class, "working_calendar", WorkingCalendars.DecidedDays::id);
    }

    @Bean
    AggregateStore<Deadline> deadlineStore(MongoTemplate mongo) {
        mongo.indexOps("deadlines").createIndex(new Index("planId", Sort.Direction.ASC).on("open", Sort.Direction.ASC));
        mongo.indexOps("deadlines").createIndex(new Index("unitCode", Sort.Direction.ASC));
        mongo.indexOps("deadlines").createIndex(new Index("nextReminderAt", Sort.Direction.ASC).sparse());
        return new AggregateStore<>(mongo, Deadline.class, "deadlines", Deadline::id);
    }

    @Bean
    AggregateStore<Reminder> reminderStore(MongoTemplate mongo) {
        mongo.indexOps("reminders").createIndex(new Index("state", Sort.Direction.ASC).on("sendAt", Sort.Direction.ASC));
        mongo.indexOps("reminders").createIndex(new Index("deadlineId", Sort.Direction.ASC));
        return new AggregateStore<>(mongo, Reminder.class, "reminders", Reminder::id);
    }

    @Bean
    AggregateStore<Delivery> deliveryStore(MongoTemplate mongo) {
        mongo.indexOps("deliveries").createIndex(new Index("reminderId", Sort.Direction.ASC));
        mongo.indexOps("mail_log").createIndex(new Index("recipientEmail", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
        mongo.indexOps("mail_log").createIndex(new Index("planId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
        mongo.indexOps("mail_log").createIndex(new Index("unitCode", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
        return new AggregateStore<>(mongo, Delivery.class, "deliveries", Delivery::id);
    }
}
