package vn.gov.par.support.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    /** Weekends and the statutory holidays, with no operator data. */
    private final WorkingCalendar statutory = new WorkingCalendar(List.of(), List.of());

    /** What the government announced for Tết 2025: Monday 27/01 off, made up on Saturday 08/02. */
    private final WorkingCalendar tet2025 = new WorkingCalendar(
            List.of(new Holiday(d("2025-01-27"), "Nghỉ bù Tết Nguyên đán")), List.of(d("2025-02-08")));

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    /** The holiday the calendar lists on that date, as operators see it through the holidays API. */
    private static Optional<Holiday> holidayOn(WorkingCalendar calendar, LocalDate date) {
        return calendar.holidays(date.getYear()).stream().filter(h -> h.date().equals(date)).findFirst();
    }

    @Test
    void weekdaysWorkWeekendsDoNot() {
        assertThat(statutory.isWorkingDay(d("2025-01-03"))).isTrue(); // Friday
        assertThat(statutory.isWorkingDay(d("2025-01-04"))).isFalse(); // Saturday
        assertThat(statutory.isWorkingDay(d("2025-01-05"))).isFalse(); // Sunday
        assertThat(statutory.isWorkingDay(d("2025-01-06"))).isTrue(); // Monday
        assertThat(holidayOn(statutory, d("2025-01-04"))).isEmpty();
    }

    @Test
    void statutoryHolidaysAreNotWorkingDays() {
        for (String date : List.of("2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-04-07",
                "2025-04-30", "2025-05-01", "2025-09-01", "2025-09-02", "2026-02-16", "2026-02-20", "2024-02-09")) {
            assertThat(statutory.isWorkingDay(d(date))).as(date).isFalse();
        }
        assertThat(statutory.isWorkingDay(d("2025-01-27"))).isTrue(); // the Monday before Tết, by statute alone
        assertThat(statutory.isWorkingDay(d("2025-02-03"))).isTrue(); // mùng 6: back to work
        assertThat(statutory.isWorkingDay(d("2026-02-13"))).isTrue(); // the Friday before Tết 2026
    }

    @Test
    void holidaysNameTheirDay() {
        assertThat(holidayOn(statutory, d("2025-01-29"))).contains(new Holiday(d("2025-01-29"), "Tết Nguyên đán"));
        assertThat(holidayOn(statutory, d("2025-04-07"))).contains(new Holiday(d("2025-04-07"), "Giỗ Tổ Hùng Vương"));
        // a holiday on a weekend is still a holiday
        assertThat(holidayOn(statutory, d("2025-02-01"))).contains(new Holiday(d("2025-02-01"), "Tết Nguyên đán"));
        assertThat(holidayOn(statutory, d("2025-02-03"))).isEmpty();
    }

    @Test
    void operatorDaysOffAndMakeUpSaturdays() {
        WorkingCalendar calendar = new WorkingCalendar(List.of(new Holiday(d("2025-01-02"), "Nghỉ bù")),
                List.of(d("2025-02-08")));

        assertThat(calendar.isWorkingDay(d("2025-01-02"))).isFalse(); // a Thursday, given off
        assertThat(holidayOn(calendar, d("2025-01-02"))).contains(new Holiday(d("2025-01-02"), "Nghỉ bù"));
        assertThat(calendar.isWorkingDay(d("2025-02-08"))).isTrue(); // a Saturday, worked
        assertThat(holidayOn(calendar, d("2025-02-08"))).isEmpty();
        assertThat(calendar.isWorkingDay(d("2025-02-15"))).isFalse(); // the next Saturday is not
        assertThat(calendar.holidays(2025)).extracting(Holiday::date)
                .startsWith(d("2025-01-01"), d("2025-01-02"), d("2025-01-28"));
    }

    /** 2026: the government picks 3/9 rather than 1/9; operators say so. */
    @Test
    void quocKhanhOnTheThirdOfSeptember() {
        WorkingCalendar calendar = new WorkingCalendar(List.of(new Holiday(d("2026-09-03"), "Quốc khánh")),
                List.of(d("2026-09-01")));

        assertThat(calendar.isWorkingDay(d("2026-09-01"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2026-09-02"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2026-09-03"))).isFalse();
        assertThat(calendar.holidays(2026)).extracting(Holiday::date)
                .contains(d("2026-09-02"), d("2026-09-03"))
                .doesNotContain(d("2026-09-01"));
    }

    @Test
    void holidaysOfAYear() {
        assertThat(tet2025.holidays(2025)).containsExactly(
                new Holiday(d("2025-01-01"), "Tết Dương lịch"),
                new Holiday(d("2025-01-27"), "Nghỉ bù Tết Nguyên đán"),
                new Holiday(d("2025-01-28"), "Tết Nguyên đán"),
                new Holiday(d("2025-01-29"), "Tết Nguyên đán"),
                new Holiday(d("2025-01-30"), "Tết Nguyên đán"),
                new Holiday(d("2025-01-31"), "Tết Nguyên đán"),
                new Holiday(d("2025-02-01"), "Tết Nguyên đán"),
                new Holiday(d("2025-04-07"), "Giỗ Tổ Hùng Vương"),
                new Holiday(d("2025-04-30"), "Ngày Chiến thắng"),
                new Holiday(d("2025-05-01"), "Ngày Quốc tế Lao động"),
                new Holiday(d("2025-09-01"), "Quốc khánh"),
                new Holiday(d("2025-09-02"), "Quốc khánh"));
        assertThat(tet2025.holidays(2024)).hasSize(12); // the operator's 2025 data is not 2024's (11, and 03/09 made up for 01/09)
    }

    @Test
    void anOperatorEntryOnAStatutoryHolidayNamesIt() {
        WorkingCalendar calendar = new WorkingCalendar(
                List.of(new Holiday(d("2025-09-02"), "Quốc khánh (80 năm)")), List.of());
        assertThat(holidayOn(calendar, d("2025-09-02"))).contains(new Holiday(d("2025-09-02"), "Quốc khánh (80 năm)"));
        assertThat(calendar.holidays(2025)).hasSize(11);
    }

    @Test
    void aDateGivenBothOffAndWorkingIsWorking() {
        WorkingCalendar calendar = new WorkingCalendar(List.of(new Holiday(d("2025-03-05"), "Nghỉ")),
                List.of(d("2025-03-05")));
        assertThat(calendar.isWorkingDay(d("2025-03-05"))).isTrue();
        assertThat(holidayOn(calendar, d("2025-03-05"))).isEmpty();
    }

    @Test
    void twoOperatorDaysOffOnOneDateKeepBothNames() {
        WorkingCalendar calendar = new WorkingCalendar(
                List.of(new Holiday(d("2025-03-05"), "Nghỉ A"), new Holiday(d("2025-03-05"), "Nghỉ B")), List.of());
        assertThat(holidayOn(calendar, d("2025-03-05"))).contains(new Holiday(d("2025-03-05"), "Nghỉ A, Nghỉ B"));
    }

    @Test
    void onOrBeforeAcrossAWeekend() {
        assertThat(statutory.onOrBefore(d("2025-03-09"))).isEqualTo(d("2025-03-07")); // Sunday -> Friday
        assertThat(statutory.onOrBefore(d("2025-03-08"))).isEqualTo(d("2025-03-07")); // Saturday -> Friday
        assertThat(statutory.onOrBefore(d("2025-03-07"))).isEqualTo(d("2025-03-07")); // a working day is itself
        assertThat(statutory.onOrBefore(d("2025-01-01"))).isEqualTo(d("2024-12-31")); // into the year before
    }

    @Test
    void onOrBeforeAcrossTet() {
        // Tết 2025: Tuesday 28/01 to Saturday 01/02, then Sunday
        assertThat(statutory.onOrBefore(d("2025-02-02"))).isEqualTo(d("2025-01-27"));
        assertThat(statutory.onOrBefore(d("2025-01-30"))).isEqualTo(d("2025-01-27"));
        assertThat(statutory.onOrBefore(d("2025-02-03"))).isEqualTo(d("2025-02-03"));
        // with 27/01 given off as well, back to Friday 24/01; the make-up Saturday 08/02 is a working day
        assertThat(tet2025.onOrBefore(d("2025-02-02"))).isEqualTo(d("2025-01-24"));
        assertThat(tet2025.onOrBefore(d("2025-02-09"))).isEqualTo(d("2025-02-08"));
        // Tết 2026: Monday 16/02 to Friday 20/02, between two weekends
        assertThat(statutory.onOrBefore(d("2026-02-22"))).isEqualTo(d("2026-02-13"));
    }

    @Test
    void onOrAfter() {
        assertThat(statutory.onOrAfter(d("2025-01-28"))).isEqualTo(d("2025-02-03"));
        assertThat(statutory.onOrAfter(d("2025-03-08"))).isEqualTo(d("2025-03-10"));
        assertThat(statutory.onOrAfter(d("2025-03-07"))).isEqualTo(d("2025-03-07"));
        assertThat(statutory.onOrAfter(d("2024-12-28"))).isEqualTo(d("2024-12-30"));
    }

    @Test
    void aCalendarWithoutWorkingDaysSaysSo() {
        List<Holiday> everyDay = new ArrayList<>();
        for (LocalDate day = d("2024-01-01"); day.isBefore(d("2026-01-01")); day = day.plusDays(1)) {
            everyDay.add(new Holiday(day, "Nghỉ"));
        }
        WorkingCalendar calendar = new WorkingCalendar(everyDay, List.of());
        assertThatThrownBy(() -> calendar.onOrBefore(d("2025-12-31"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> calendar.onOrAfter(d("2024-01-01"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void operatorDataMustNotHoldNulls() {
        assertThatThrownBy(() -> new WorkingCalendar(null, List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WorkingCalendar(List.of(), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WorkingCalendar(Arrays.asList((Holiday) null), List.of()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WorkingCalendar(List.of(), Arrays.asList((LocalDate) null)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void workDueOnADayOffIsLateOnlyAfterTheNextWorkingDayAndTheStoreCutOffSaysTheSame() {
        WorkingCalendar shipped = GovernmentDecisions.calendarWith(List.of());
        assertThat(shipped.isLate(d("2025-01-31"), d("2025-02-03"))).as("due inside Tết, on time on Monday 03/02").isFalse();
        assertThat(shipped.isLate(d("2025-01-31"), d("2025-02-04"))).isTrue();
        assertThat(shipped.inTime(d("2025-03-31"), d("2025-03-29"))).as("due Saturday, done Monday").isTrue();
        assertThat(shipped.inTime(d("2025-04-01"), d("2025-03-29"))).isFalse();
        assertThat(shipped.lateIfDueBefore(d("2025-02-03"))).isEqualTo(d("2025-01-25"));
        assertThat(shipped.lateIfDueBefore(d("2025-02-04"))).isEqualTo(d("2025-02-04"));
        for (LocalDate today = d("2025-01-01"); today.isBefore(d("2025-06-01")); today = today.plusDays(1)) {
            for (LocalDate due = today.minusDays(20); due.isBefore(today.plusDays(5)); due = due.plusDays(1)) {
                assertThat(due.isBefore(shipped.lateIfDueBefore(today))).as("due %s, on %s", due, today).isEqualTo(shipped.isLate(due, today));
            }
        }
    }
}
