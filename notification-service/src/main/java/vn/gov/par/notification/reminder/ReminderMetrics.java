package vn.gov.par.notification.reminder;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What operators follow of reminding, each counted once, where the fact is recorded. */
@Component
public class ReminderMetrics {

    private final MeterRegistry meters;

    public ReminderMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** A reminder delivery settled, or set aside: SENT, RESENT (after a crash), FAILED, DEFERRED (tried again later), UNREACHABLE. */
    void mailed(Stage stage, String outcome) {
        Counter.builder("par.reminders.mailed").description("Reminder mails by stage and outcome")
                .tag("stage", stage.name()).tag("outcome", outcome).register(meters).increment();
    }

    void addressUndeliverable() {
        Counter.builder("par.contacts.undeliverable").description("Contact addresses found undeliverable").register(meters).increment();
    }

    void escalationSent(DeadlineKind kind) {
        Counter.builder("par.escalations.sent").description("Escalations mailed to the supervising unit")
                .tag("kind", kindTag(kind)).register(meters).increment();
    }

    /**
     * The work of an open deadline got done. Of those reminded, the share done before the deadline is how often a reminder is
     * followed by the work.
     */
    void deadlineFulfilled(DeadlineKind kind, boolean reminded, boolean beforeDeadline) {
        Counter.builder("par.deadlines.fulfilled").description("Deadlines whose work got done, by whether a reminder went out first")
                .tag("kind", kindTag(kind)).tag("reminded", String.valueOf(reminded)).tag("before_deadline", String.valueOf(beforeDeadline))
                .register(meters).increment();
    }

    /** SUBPLAN, TASK, REPORT: as the deadline kinds are written in configuration (PAR_NOTIFICATIONS_POLICIES_SUBPLAN_...). */
    private static String kindTag(DeadlineKind kind) {
        return kind.name().replace("_", "");
    }
}
