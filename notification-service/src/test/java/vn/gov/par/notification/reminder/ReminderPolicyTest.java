package vn.gov.par.notification.reminder;

import static vn.gov.par.notification.reminder.ReminderPolicy.CooperatingUnits.INFORMED_BEFORE;
import static vn.gov.par.notification.reminder.ReminderPolicy.LateDays.WORKING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReminderPolicyTest {

    private static final LocalTime HALF_PAST_SEVEN = LocalTime.of(7, 30);

    @Test
    void defaults() {
        ReminderPolicy policy = ReminderPolicy.defaults();
        assertThat(policy.daysBefore()).containsExactly(7, 1);
        assertThat(policy.onDay()).isTrue();
        assertThat(policy.overdueEveryDays()).isEqualTo(3);
        assertThat(policy.escalateAfterDaysOverdue()).isEqualTo(3);
        assertThat(policy.sendAt()).isEqualTo(HALF_PAST_SEVEN);
    }

    @Test
    void daysBeforeAreKeptFarthestFirstAndCannotChange() {
        List<Integer> days = new ArrayList<>(List.of(1, 14, 3));
        ReminderPolicy policy = new ReminderPolicy(days, true, 3, 3, WORKING, INFORMED_BEFORE, HALF_PAST_SEVEN);
        days.add(30);
        assertThat(policy.daysBefore()).containsExactly(14, 3, 1);
        assertThatThrownBy(() -> policy.daysBefore().add(2)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(policy).isEqualTo(new ReminderPolicy(List.of(14, 3, 1), true, 3, 3, WORKING, INFORMED_BEFORE, HALF_PAST_SEVEN));
    }

    @Test
    void noDaysBeforeIsAllowed() {
        assertThat(new ReminderPolicy(List.of(), false, 1, 1, WORKING, INFORMED_BEFORE, HALF_PAST_SEVEN).daysBefore()).isEmpty();
    }

    @Test
    void invalidPoliciesAreRefused() {
        assertThatThrownBy(() -> new ReminderPolicy(List.of(7, 0), true, 3, 3, WORKING, INFORMED_BEFORE, HALF_PAST_SEVEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderPolicy(List.of(-1), true, 3, 3, WORKING, INFORMED_BEFORE, HALF_PAST_SEVEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderPolicy(List.of(7, 7), true, 3, 3, WORKING, INFORMED_BEFORE, HALF_PAST_SEVEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderPolicy(List.of(367), true, 3, 3, WORKING, INFORMED_BEFORE, HALF_PAST_SEVEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderPolicy(List.of(7), true, 0, 3, WORKING, INFORMED_BEFORE, HALF_PAST_SEVEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderPolicy(List.of(7), true, -3, 3, WORKING, INFORMED_BEFORE, HALF_PAST_SEVEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderPolicy(List.of(7), true, 3, 0, WORKING, INFORMED_BEFORE, HALF_PAST_SEVEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderPolicy(List.of(7), true, 3, 400, WORKING, INFORMED_BEFORE, HALF_PAST_SEVEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderPolicy(null, true, 3, 3, WORKING, INFORMED_BEFORE, HALF_PAST_SEVEN))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ReminderPolicy(Arrays.asList(7, null), true, 3, 3, WORKING, INFORMED_BEFORE, HALF_PAST_SEVEN))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ReminderPolicy(List.of(7), true, 3, 3, WORKING, INFORMED_BEFORE, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ReminderPolicy(List.of(7), true, 3, 3, null, INFORMED_BEFORE, HALF_PAST_SEVEN))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ReminderPolicy(List.of(7), true, 3, 3, WORKING, null, HALF_PAST_SEVEN))
                .isInstanceOf(NullPointerException.class);
    }
}
