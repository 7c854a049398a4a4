package vn.gov.par.support.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.gov.par.support.calendar.VietnameseLunarCalendar.LunarDate;

class VietnameseLunarCalendarTest {

    /**
     * Mùng 1 Tết as Vietnam observed it (2020–2026) or, ahead, as the new moons fall at UTC+7 (computed independently
     * with Meeus' algorithm). 2027 and 2030 are the years where a new moon near midnight makes it matter how that is
     * computed (see VietnameseLunarCalendar).
     */
    @ParameterizedTest
    @CsvSource({
            "2020, 2020-01-25", "2021, 2021-02-12", "2022, 2022-02-01", "2023, 2023-01-22",
            "2024, 2024-02-10", "2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06",
            "2028, 2028-01-26", "2029, 2029-02-13", "2030, 2030-02-02", "2031, 2031-01-23",
            "2032, 2032-02-11", "2033, 2033-01-31", "2034, 2034-02-19", "2035, 2035-02-08"})
    void lunarNewYear(int year, LocalDate mung1) {
        assertThat(VietnameseLunarCalendar.newYear(year)).isEqualTo(mung1);
        assertThat(VietnameseLunarCalendar.fromGregorian(mung1)).isEqualTo(new LunarDate(year, 1, false, 1));
    }

    /** Giỗ Tổ Hùng Vương, 10 tháng 3 âm lịch, as observed. */
    @ParameterizedTest
    @CsvSource({"2020, 2020-04-02", "2021, 2021-04-21", "2022, 2022-04-10", "2023, 2023-04-29",
            "2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26", "2027, 2027-04-16"})
    void gioTo(int year, LocalDate date) {
        assertThat(VietnameseLunarCalendar.toGregorian(new LunarDate(year, 3, false, 10))).isEqualTo(date);
    }

    /** The last day of the lunar year is the 30th of tháng Chạp, or the 29th when that month is short. */
    @ParameterizedTest
    @CsvSource({
            "2022-01-31, 2021, 29", // Tết Nhâm Dần had no 30
            "2024-02-09, 2023, 30",
            "2025-01-28, 2024, 29",
            "2026-02-16, 2025, 29",
            "2027-02-05, 2026, 29"})
    void lastDayOfTheLunarYear(LocalDate date, int lunarYear, int day) {
        assertThat(VietnameseLunarCalendar.fromGregorian(date)).isEqualTo(new LunarDate(lunarYear, 12, false, day));
        assertThat(VietnameseLunarCalendar.fromGregorian(date.plusDays(1))).isEqualTo(new LunarDate(lunarYear + 1, 1, false, 1));
    }

    @Test
    void leapMonths() {
        assertThat(VietnameseLunarCalendar.fromGregorian(LocalDate.of(2020, 5, 23))).isEqualTo(new LunarDate(2020, 4, true, 1));
        assertThat(VietnameseLunarCalendar.fromGregorian(LocalDate.of(2023, 3, 22))).isEqualTo(new LunarDate(2023, 2, true, 1));
        assertThat(VietnameseLunarCalendar.fromGregorian(LocalDate.of(2025, 7, 25))).isEqualTo(new LunarDate(2025, 6, true, 1));
        // a leap month is a month of its own: the 10th of the leap 2nd month of 2023 is not Giỗ Tổ (29/04/2023)
        assertThat(VietnameseLunarCalendar.toGregorian(new LunarDate(2023, 2, true, 10))).isEqualTo(LocalDate.of(2023, 3, 31));
    }

    /**
     * The new moon of 14/12/2020 was at 23:17 in Vietnam, 00:17 on 15/12 in China: the 11th month started a day
     * earlier in Vietnam. A calendar computed at China's time would not say so.
     */
    @Test
    void monthsStartOnTheDayOfTheNewMoonInVietnam() {
        assertThat(VietnameseLunarCalendar.fromGregorian(LocalDate.of(2020, 12, 14))).isEqualTo(new LunarDate(2020, 11, false, 1));
    }

    @Test
    void datesThatDoNotExistAreRefused() {
        // tháng Chạp of the lunar year 2024 (ending 28/01/2025) had 29 days
        assertThatThrownBy(() -> VietnameseLunarCalendar.toGregorian(new LunarDate(2024, 12, false, 30)))
                .isInstanceOf(IllegalArgumentException.class);
        // 2024 had no leap month
        assertThatThrownBy(() -> VietnameseLunarCalendar.toGregorian(new LunarDate(2024, 3, true, 10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VietnameseLunarCalendar.toGregorian(new LunarDate(2024, 13, false, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VietnameseLunarCalendar.toGregorian(new LunarDate(2024, 1, false, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyDayGoesBackAndForth() {
        for (LocalDate day = LocalDate.of(2024, 1, 1); day.isBefore(LocalDate.of(2027, 1, 1)); day = day.plusDays(1)) {
            assertThat(VietnameseLunarCalendar.toGregorian(VietnameseLunarCalendar.fromGregorian(day))).isEqualTo(day);
        }
    }
}
