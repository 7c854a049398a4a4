package vn.gov.par.notification.reminder;

import static vn.gov.par.notification.reminder.ReminderPolicy.CooperatingUnits.INFORMED_BEFORE;
import static vn.gov.par.notification.reminder.ReminderPolicy.LateDays.WORKING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The policies bind from the environment variables operators set, and from YAML as the comments in application.yml write them. */
class ReminderPoliciesBindingTest {

    @Test
    void perKindPoliciesAndTheSendTimeBindFromEnvironmentVariables() {
        ReminderPolicies policies = bind(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "PAR_NOTIFICATIONS_SENDAT", "08:00",
                "PAR_NOTIFICATIONS_POLICIES_SUBPLAN_DAYSBEFORE", "14,3",
                "PAR_NOTIFICATIONS_POLICIES_SUBPLAN_ONDAY", "false",
                "PAR_NOTIFICATIONS_POLICIES_REPORT_OVERDUEEVERYDAYS", "5",
                "PAR_NOTIFICATIONS_POLICIES_TASK_ESCALATEAFTERDAYSOVERDUE", "10",
                "PAR_NOTIFICATIONS_POLICIES_TASK_LATEDAYS", "CALENDAR")));

        assertThat(policies.of(DeadlineKind.SUB_PLAN)).isEqualTo(new ReminderPolicy(List.of(14, 3), false, 3, 3, WORKING, INFORMED_BEFORE, LocalTime.of(8, 0)));
        assertThat(policies.of(DeadlineKind.REPORT).overdueEveryDays()).isEqualTo(5);
        assertThat(policies.of(DeadlineKind.TASK).escalateAfterDaysOverdue()).isEqualTo(10);
        assertThat(policies.of(DeadlineKind.TASK).lateDays()).isEqualTo(ReminderPolicy.LateDays.CALENDAR);
        assertThat(policies.of(DeadlineKind.TASK).sendAt()).as("one send time for every kind").isEqualTo(LocalTime.of(8, 0));
    }

    @Test
    void perKindPoliciesBindFromPropertiesWithTheKindInKebabCase() {
        ReminderPolicies policies = bind(new MapPropertySource("yaml", Map.of(
                "par.notifications.policies.sub-plan.days-before", "30,7",
                "par.notifications.policies.task.on-day", "false",
                "par.notifications.policies.task.cooperating-units", "NOT_REMINDED")));

        assertThat(policies.of(DeadlineKind.SUB_PLAN).daysBefore()).containsExactly(30, 7);
        assertThat(policies.of(DeadlineKind.TASK).onDay()).isFalse();
        assertThat(policies.of(DeadlineKind.TASK).cooperatingUnits()).isEqualTo(ReminderPolicy.CooperatingUnits.NOT_REMINDED);
        assertThat(policies.of(DeadlineKind.REPORT)).isEqualTo(ReminderPolicy.defaults());
    }

    private static ReminderPolicies bind(PropertySource<?> source) {
        return new Binder(ConfigurationPropertySources.from(source)).bindOrCreate("par.notifications", ReminderPolicies.class);
    }
}
