package vn.gov.par.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.gov.par.support.calendar.GovernmentDecisions;
import vn.gov.par.support.calendar.WorkingCalendar;

class DeadlineSweepWorkloadTest {

    private final WorkingCalendar calendar = GovernmentDecisions.calendarWith(List.of());

    @Test
    void onASundayTheOccurrencesFallDueOnFridaySinceSaturdaysWorkIsNotLateYet() {
        assertThat(DeadlineSweepWorkload.latestDueDateLateOn(LocalDate.of(2026, 11, 29))).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void everyDayOfThreeYearsTheDueDateIsLateAndTheDayAfterItIsNot() {
        for (LocalDate today = LocalDate.of(2025, 1, 1); today.isBefore(LocalDate.of(2028, 1, 1)); today = today.plusDays(1)) {
            LocalDate due = DeadlineSweepWorkload.latestDueDateLateOn(today);
            assertThat(calendar.isLate(due, today)).as("due %s late on %s", due, today).isTrue();
            assertThat(calendar.isLate(due.plusDays(1), today)).as("due %s late on %s", due.plusDays(1), today).isFalse();
        }
    }
}
