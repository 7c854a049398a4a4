package vn.gov.par.report.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.contracts.unit.UnitRetired;
import vn.gov.par.report.ledger.TaskLedger;
import vn.gov.par.report.plan.ReportPlans;
import vn.gov.par.report.report.Obligations;
import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.messaging.EventSubscription;

/** What report-service reacts to; the bindings (topics, group, retries, dead letters) are in application.yml. */
@Configuration(proxyBeanMethods = false)
class ReportEventSubscriptions {

    /**
     * The units directory; the open reports of a unit that moved, which follow it; and what a retired unit owes, which stops
     * at its retirement, its successor owing what falls due after.
     */
    @Bean
    Consumer<Message<byte[]>> unitEvents(UnitDirectoryView directory, Obligations obligations, EventCodec codec, MeterRegistry meters) {
        return EventSubscription.named("unitEvents", codec, meters)
                .on(EventCatalog.UNIT_REGISTERED, (UnitRecorded unit) -> {
                    directory.record(unit);
                    obligations.onUnitRegistered(unit);
                })
                .on(EventCatalog.UNIT_UPDATED, (UnitRecorded unit) -> {
                    directory.record(unit);
                    obligations.onUnitUpdated(unit);
                })
                .on(EventCatalog.UNIT_DELETED, directory::forget)
                .on(EventCatalog.UNIT_RETIRED, (UnitRetired unit) -> {
                    directory.retire(unit);
                    obligations.onUnitRetired(unit);
                })
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> planEvents(ReportPlans plans, Obligations obligations, EventCodec codec, MeterRegistry meters) {
        return EventSubscription.named("planEvents", codec, meters)
                .on(EventCatalog.PLAN_ISSUED, plans::onPlanIssued)
                .on(EventCatalog.SUB_PLAN_OBLIGATION_CREATED, obligations::onSubPlanObligationCreated)
                .on(EventCatalog.PLAN_CANCELLED, obligations::onPlanCancelled)
                .on(EventCatalog.PLAN_CLOSED, obligations::onPlanClosed)
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> taskEvents(TaskLedger ledger, EventCodec codec, MeterRegistry meters) {
        return EventSubscription.named("taskEvents", codec, meters)
                .on(EventCatalog.TASK_ASSIGNED, ledger::onTaskAssigned)
                .on(EventCatalog.TASKS_ASSIGNED, ledger::onTasksAssigned)
                .on(EventCatalog.TASK_COMPLETED, ledger::onTaskCompleted)
                .on(EventCatalog.TASK_REOPENED, ledger::onTaskReopened)
                .build();
    }

    /** The days administrators decided off or working, which every deadline here is judged by. */
    @Bean
    Consumer<Message<byte[]>> calendarEvents(WorkingCalendarView calendar, EventCodec codec, MeterRegistry meters) {
        return calendar.subscription(codec, meters);
    }
}
