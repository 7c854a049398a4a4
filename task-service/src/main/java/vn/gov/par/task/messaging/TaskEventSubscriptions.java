package vn.gov.par.task.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.directory.PlanSupervision;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.messaging.EventSubscription;
import vn.gov.par.task.task.CancelledPlans;
import vn.gov.par.task.assignment.PlanAssignments;
import vn.gov.par.task.assignment.UnitRetirements;
import vn.gov.par.task.reporting.ReportPeriodCheckpoints;

/** What task-service reacts to; the bindings (topics, group, retries, dead letters) are in application.yml. */
@Configuration(proxyBeanMethods = false)
class TaskEventSubscriptions {

    @Bean
    Consumer<Message<byte[]>> unitEvents(UnitDirectoryView directory, PlanAssignments assignments, UnitRetirements retirements,
            EventCodec codec, MeterRegistry meters) {
        return EventSubscription.named("unitEvents", codec, meters)
                .on(EventCatalog.UNIT_REGISTERED, registered -> {
                    // In the directory first: the plans already issued above it are looked up after (see PlanAssignments).
                    directory.record(registered);
                    assignments.onUnitRegistered(registered);
                })
                .on(EventCatalog.UNIT_UPDATED, directory::record)
                .on(EventCatalog.UNIT_DELETED, directory::forget)
                .on(EventCatalog.UNIT_RETIRED, retired -> {
                    // In the directory first: from then on no plan names it, and progress on its work is refused.
                    directory.retire(retired);
                    retirements.onUnitRetired(retired);
                })
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> planEvents(PlanAssignments assignments, CancelledPlans cancelledPlans, EventCodec codec, MeterRegistry meters) {
        return EventSubscription.named("planEvents", codec, meters)
                .on(EventCatalog.PLAN_ISSUED, assignments::onPlanIssued)
                .on(EventCatalog.PLAN_CANCELLED, cancelledPlans::onPlanCancelled)
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> reportEvents(ReportPeriodCheckpoints checkpoints, PlanSupervision supervision, EventCodec codec,
            MeterRegistry meters) {
        return EventSubscription.named("reportEvents", codec, meters)
                .on(EventCatalog.REPORT_PERIODS_SCHEDULED, scheduled -> {
                    // The office the reports go through reads the plan's tasks (Access#reads).
                    supervision.reportsVia(scheduled.planId(), scheduled.issuerCode(), scheduled.via());
                    checkpoints.onReportPeriodsScheduled(scheduled);
                })
                .build();
    }

    /** The days administrators decided off or working, which every deadline here is judged by. */
    @Bean
    Consumer<Message<byte[]>> calendarEvents(WorkingCalendarView calendar, EventCodec codec, MeterRegistry meters) {
        return calendar.subscription(codec, meters);
    }
}
