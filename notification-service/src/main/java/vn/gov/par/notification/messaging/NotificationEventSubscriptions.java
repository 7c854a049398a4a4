package vn.gov.par.notification.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.notification.contact.ContactDirectory;
import vn.gov.par.notification.reminder.Deadlines;
import vn.gov.par.notification.reminder.Supervisors;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.messaging.EventSubscription;

/**
 * What notification-service reacts to: the deadlines the other services announce, the events that fulfil them, and
 * the units that are registered, changed and retired. The bindings (topics, group, retries, dead letters) are in
 * application.yml.
 */
@Configuration(proxyBeanMethods = false)
class NotificationEventSubscriptions {

    /**
     * The service's copy of the units directory; a retired unit, once marked there, owes nothing more and is escalated to
     * no more ({@link Supervisors}), and a merged unit's contacts go to its successor.
     */
    @Bean
    Consumer<Message<byte[]>> unitEvents(UnitDirectoryView directory, Deadlines deadlines, ContactDirectory contacts, EventCodec codec,
            MeterRegistry meters) {
        return EventSubscription.named("unitEvents", codec, meters)
                .on(EventCatalog.UNIT_REGISTERED, directory::record)
                .on(EventCatalog.UNIT_UPDATED, directory::record)
                .on(EventCatalog.UNIT_DELETED, directory::forget)
                .on(EventCatalog.UNIT_RETIRED, e -> {
                    directory.retire(e);
                    deadlines.onUnitRetired(e);
                    contacts.handOver(e);
                })
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> planEvents(Deadlines deadlines, Supervisors supervisors, EventCodec codec, MeterRegistry meters) {
        return EventSubscription.named("planEvents", codec, meters)
                .on(EventCatalog.PLAN_ISSUED, e -> supervisors.issuedBy(e.planId(), e.issuerCode()))
                .on(EventCatalog.SUB_PLAN_OBLIGATION_CREATED, deadlines::onSubPlanObligationCreated)
                .on(EventCatalog.SUB_PLAN_OBLIGATION_FULFILLED, deadlines::onSubPlanObligationFulfilled)
                .on(EventCatalog.PLAN_CANCELLED, deadlines::onPlanCancelled)
                .on(EventCatalog.PLAN_CLOSED, deadlines::onPlanClosed)
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> taskEvents(Deadlines deadlines, EventCodec codec, MeterRegistry meters) {
        return EventSubscription.named("taskEvents", codec, meters)
                .on(EventCatalog.TASK_ASSIGNED, deadlines::onTaskAssigned)
                .on(EventCatalog.TASKS_ASSIGNED, deadlines::onTasksAssigned)
                .on(EventCatalog.TASK_DUE_SOON, deadlines::onTaskDueSoon)
                .on(EventCatalog.TASK_OVERDUE, deadlines::onTaskOverdue)
                .on(EventCatalog.TASK_COMPLETED, deadlines::onTaskCompleted)
                .on(EventCatalog.TASK_REOPENED, deadlines::onTaskReopened)
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> reportEvents(Deadlines deadlines, EventCodec codec, MeterRegistry meters) {
        return EventSubscription.named("reportEvents", codec, meters)
                .on(EventCatalog.REPORT_DUE, deadlines::onReportDue)
                .on(EventCatalog.REPORTS_DUE, deadlines::onReportsDue)
                .on(EventCatalog.REPORT_SUBMITTED, deadlines::onReportSubmitted)
                .on(EventCatalog.REPORT_RETURNED, deadlines::onReportReturned)
                .build();
    }
}
