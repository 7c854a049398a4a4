package vn.gov.par.notification.reminder;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the dispatcher on a schedule; every instance may run it (see {@link ReminderDispatcher}). */
@Component
class DispatchSchedule {

    private final ReminderDispatcher dispatcher;

    DispatchSchedule(ReminderDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${par.notifications.dispatch-interval:60s}", initialDelayString = "${par.notifications.dispatch-initial-delay:15s}")
    void dispatch() {
        dispatcher.dispatch();
    }
}
