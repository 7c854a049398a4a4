package vn.gov.par.plan.cascade.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.plan.cascade.CascadeFanOut;
import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.directory.PlanSupervision;
import vn.gov.par.support.messaging.EventSubscription;

/** What plan-service reacts to; the bindings (topic, group, retries, dead letters) are in application.yml. */
@Configuration(proxyBeanMethods = false)
class PlanEventSubscriptions {

    @Bean
    Consumer<Message<byte[]>> planEvents(CascadeFanOut cascade, EventCodec codec, MeterRegistry meters) {
        return EventSubscription.named("planEvents", codec, meters)
                .on(EventCatalog.PLAN_ISSUED, cascade::onPlanIssued)
                .on(EventCatalog.PLAN_CANCELLED, cascade::onPlanCancelled)
                .build();
    }

    /** A retired unit's open sub-plans are owed by its successor, if it has one, or by nobody. */
    @Bean
    Consumer<Message<byte[]>> unitEvents(CascadeFanOut cascade, EventCodec codec, MeterRegistry meters) {
        return EventSubscription.named("unitEvents", codec, meters)
                .on(EventCatalog.UNIT_RETIRED, cascade::onUnitRetired)
                .build();
    }

    /** The office a plan's reports go through reads its sub-plans (Access#reads). */
    @Bean
    Consumer<Message<byte[]>> reportEvents(PlanSupervision supervision, EventCodec codec, MeterRegistry meters) {
        return EventSubscription.named("reportEvents", codec, meters)
                .on(EventCatalog.REPORT_PERIODS_SCHEDULED, scheduled -> supervision.reportsVia(scheduled.planId(), scheduled.issuerCode(),
                        scheduled.via()))
                .build();
    }

    /** The days administrators decided off or working, which every deadline here is judged by. */
    @Bean
    Consumer<Message<byte[]>> calendarEvents(WorkingCalendarView calendar, EventCodec codec, MeterRegistry meters) {
        return calendar.subscription(codec, meters);
    }
}
