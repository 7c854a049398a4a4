package vn.gov.par.task.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.EventCodec;
import vn.gov.par.support.messaging.EventSubscription;
import vn.gov.par.task.assignment.PlanAssignments;
import vn.gov.par.support.directory.UnitDirectoryView;

/** What task-service reacts to; the bindings (topics, group, retries, dead letters) are in application.yml. */
@Configuration(proxyBeanMethods = false)
class TaskEventSubscriptions {

    @Bean
    Consumer<Message<byte[]>> unitEvents(UnitDirectoryView directory, EventCodec codec, MeterRegistry meters) {
        return directory.subscription(codec, meters);
    }

    @Bean
    Consumer<Message<byte[]>> planEvents(PlanAssignments assignments, EventCodec codec, MeterRegistry meters) {
        return EventSubscription.named("planEvents", codec, meters)
                .on(EventCatalog.PLAN_ISSUED, assignments::onPlanIssued)
                .build();
    }
}
