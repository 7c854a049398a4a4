package vn.gov.par.notification.reminder;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reminder policy of each kind of deadline, under {@code par.notifications.policies.<kind>} (the kind
 * written SUB_PLAN, sub-plan or subplan; from the environment PAR_NOTIFICATIONS_POLICIES_SUBPLAN_DAYSBEFORE);
 * a kind not configured gets the defaults (7 and 1 days before, on the day, every 3 working days overdue, escalation
 * after 3 working days, cooperating units informed before the deadline). Every kind goes out at the one {@code send-at} time, so a recipient's reminders of a day
 * make one digest.
 */
@ConfigurationProperties("par.notifications")
public record ReminderPolicies(@DefaultValue("07:30") LocalTime sendAt, @DefaultValue Map<DeadlineKind, Policy> policies) {

    public record Policy(List<Integer> daysBefore, Boolean onDay, Integer overdueEveryDays, Integer escalateAfterDaysOverdue,
            ReminderPolicy.LateDays lateDays, ReminderPolicy.CooperatingUnits cooperatingUnits) {
    }

    public ReminderPolicy of(DeadlineKind kind) {
        ReminderPolicy defaults = ReminderPolicy.defaults();
        Policy p = policies.getOrDefault(kind, new Policy(null, null, null, null, null, null));
        return new ReminderPolicy(p.daysBefore() != null ? p.daysBefore() : defaults.daysBefore(),
                p.onDay() != null ? p.onDay() : defaults.onDay(),
                p.overdueEveryDays() != null ? p.overdueEveryDays() : defaults.overdueEveryDays(),
                p.escalateAfterDaysOverdue() != null ? p.escalateAfterDaysOverdue() : defaults.escalateAfterDaysOverdue(),
                p.lateDays() != null ? p.lateDays() : defaults.lateDays(),
                p.cooperatingUnits() != null ? p.cooperatingUnits() : defaults.cooperatingUnits(), sendAt);
    }
}
