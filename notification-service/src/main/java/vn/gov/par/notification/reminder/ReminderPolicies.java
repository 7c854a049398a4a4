package vn.gov.par.notification.reminder;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reminder policy of each kind of deadline, under {@code par.notifications.policies.<KIND>}; a kind
 * not configured gets the defaults (7 and 1 days before, on the day, every 3 days overdue, escalation
 * after 3 days, at 07:30).
 */
@ConfigurationProperties("par.notifications")
public record ReminderPolicies(@DefaultValue Map<DeadlineKind, Policy> policies) {

    public record Policy(List<Integer> daysBefore, Boolean onDay, Integer overdueEveryDays, Integer escalateAfterDaysOverdue,
            LocalTime sendAt) {
    }

    public ReminderPolicy of(DeadlineKind kind) {
        ReminderPolicy defaults = ReminderPolicy.defaults();
        Policy p = policies.getOrDefault(kind, new Policy(null, null, null, null, null));
        return new ReminderPolicy(p.daysBefore() != null ? p.daysBefore() : defaults.daysBefore(),
                p.onDay() != null ? p.onDay() : defaults.onDay(),
                p.overdueEveryDays() != null ? p.overdueEveryDays() : defaults.overdueEveryDays(),
                p.escalateAfterDaysOverdue() != null ? p.escalateAfterDaysOverdue() : defaults.escalateAfterDaysOverdue(),
                p.sendAt() != null ? p.sendAt() : defaults.sendAt());
    }
}
