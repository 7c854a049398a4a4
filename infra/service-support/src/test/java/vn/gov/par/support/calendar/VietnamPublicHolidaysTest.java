package vn.gov.par.support.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gov.par.support.calendar.VietnamPublicHolidays.GIO_TO_HUNG_VUONG;
import static vn.gov.par.support.calendar.VietnamPublicHolidays.NGAY_CHIEN_THANG;
import static vn.gov.par.support.calendar.VietnamPublicHolidays.NGHI_BU;
import static vn.gov.par.support.calendar.VietnamPublicHolidays.QUOC_KHANH;
import static vn.gov.par.support.calendar.VietnamPublicHolidays.QUOC_TE_LAO_DONG;
import static vn.gov.par.support.calendar.VietnamPublicHolidays.TET_DUONG_LICH;
import static vn.gov.par.support.calendar.VietnamPublicHolidays.TET_NGUYEN_DAN;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.gov.par.support.calendar.VietnameseLunarCalendar.LunarDate;

class VietnamPublicHolidaysTest {

    private static Holiday h(String date, String name) {
        return new Holiday(LocalDate.parse(date), name);
    }

    @Test
    void holidays2024() {
        assertThat(VietnamPublicHolidays.of(2024)).containsExactly(
                h("2024-01-01", TET_DUONG_LICH),
                h("2024-02-09", TET_NGUYEN_DAN), // 30 tháng Chạp
                h("2024-02-10", TET_NGUYEN_DAN), // mùng 1
                h("2024-02-11", TET_NGUYEN_DAN),
                h("2024-02-12", TET_NGUYEN_DAN),
                h("2024-02-13", TET_NGUYEN_DAN), // mùng 4
                h("2024-04-18", GIO_TO_HUNG_VUONG),
                h("2024-04-30", NGAY_CHIEN_THANG),
                h("2024-05-01", QUOC_TE_LAO_DONG),
                h("2024-09-01", QUOC_KHANH), // a Sunday: listed all the same, and made up on the next working day
                h("2024-09-02", QUOC_KHANH),
                h("2024-09-03", NGHI_BU + " " + QUOC_KHANH)); // Monday 02/09 being a holiday itself
    }

    @Test
    void holidays2025() {
        assertThat(VietnamPublicHolidays.of(2025)).containsExactly(
                h("2025-01-01", TET_DUONG_LICH),
                h("2025-01-28", TET_NGUYEN_DAN), // 29 tháng Chạp, the last day of a short month
                h("2025-01-29", TET_NGUYEN_DAN),
                h("2025-01-30", TET_NGUYEN_DAN),
                h("2025-01-31", TET_NGUYEN_DAN),
                h("2025-02-01", TET_NGUYEN_DAN),
                h("2025-04-07", GIO_TO_HUNG_VUONG),
                h("2025-04-30", NGAY_CHIEN_THANG),
                h("2025-05-01", QUOC_TE_LAO_DONG),
                h("2025-09-01", QUOC_KHANH),
                h("2025-09-02", QUOC_KHANH));
    }

    @Test
    void holidays2026() {
        assertThat(VietnamPublicHolidays.of(2026)).containsExactly(
                h("2026-01-01", TET_DUONG_LICH),
                h("2026-02-16", TET_NGUYEN_DAN), // 29 tháng Chạp
                h("2026-02-17", TET_NGUYEN_DAN),
                h("2026-02-18", TET_NGUYEN_DAN),
                h("2026-02-19", TET_NGUYEN_DAN),
                h("2026-02-20", TET_NGUYEN_DAN),
                h("2026-04-26", GIO_TO_HUNG_VUONG), // a Sunday
                h("2026-04-27", NGHI_BU + " " + GIO_TO_HUNG_VUONG),
                h("2026-04-30", NGAY_CHIEN_THANG),
                h("2026-05-01", QUOC_TE_LAO_DONG),
                h("2026-09-01", QUOC_KHANH),
                h("2026-09-02", QUOC_KHANH));
    }

    /** ICU's own Chinese calendar puts Tết 2027 on 07/02; in Vietnam it is 06/02, the eve 29 tháng Chạp 05/02. */
    @Test
    void tet2027() {
        assertThat(VietnamPublicHolidays.of(2027)).filteredOn(holiday -> holiday.name().equals(TET_NGUYEN_DAN))
                .extracting(Holiday::date)
                .containsExactly(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 7),
                        LocalDate.of(2027, 2, 8), LocalDate.of(2027, 2, 9));
    }

    /**
     * For every supported year: every date is in the year, sorted; Tết is the lunar year's last day and mùng 1–4,
     * five consecutive days; Giỗ Tổ is 10 tháng 3; and the fixed days are there.
     */
    @Test
    void everySupportedYearFollowsTheRules() {
        for (int year = VietnamPublicHolidays.FIRST_YEAR; year <= VietnamPublicHolidays.LAST_YEAR; year++) {
            List<Holiday> holidays = VietnamPublicHolidays.of(year);
            int y = year;
            assertThat(holidays).allSatisfy(holiday -> assertThat(holiday.date().getYear()).isEqualTo(y));
            assertThat(holidays).extracting(Holiday::date).isSorted();
            List<Holiday> compensatory = holidays.stream().filter(hol -> hol.name().startsWith(NGHI_BU)).toList();
            assertThat(holidays).hasSize(11 + compensatory.size());
            // one compensatory weekday for each holiday on a weekend but Tết's, on no other holiday (unless it spills into January)
            long onWeekends = holidays.stream().filter(hol -> !hol.name().startsWith(NGHI_BU) && !hol.name().equals(TET_NGUYEN_DAN))
                    .filter(hol -> hol.date().getDayOfWeek().getValue() >= 6).count();
            assertThat(compensatory).hasSize((int) onWeekends).allSatisfy(day -> {
                assertThat(day.date().getDayOfWeek().getValue()).isLessThan(6);
                assertThat(holidays).filteredOn(other -> other.date().equals(day.date())).hasSize(1);
            });

            List<LocalDate> tet = holidays.stream().filter(hol -> hol.name().equals(TET_NGUYEN_DAN)).map(Holiday::date).toList();
            assertThat(tet).hasSize(5);
            for (int i = 1; i < tet.size(); i++) {
                assertThat(tet.get(i)).isEqualTo(tet.get(i - 1).plusDays(1));
            }
            LunarDate eve = VietnameseLunarCalendar.fromGregorian(tet.get(0));
            assertThat(eve.month()).as("eve of %s", y).isEqualTo(12);
            assertThat(eve.day()).as("eve of %s", y).isIn(29, 30);
            assertThat(VietnameseLunarCalendar.fromGregorian(tet.get(1))).isEqualTo(new LunarDate(year, 1, false, 1));
            assertThat(VietnameseLunarCalendar.fromGregorian(tet.get(4))).isEqualTo(new LunarDate(year, 1, false, 4));

            assertThat(holidays).filteredOn(hol -> hol.name().equals(GIO_TO_HUNG_VUONG)).singleElement()
                    .satisfies(gioTo -> assertThat(VietnameseLunarCalendar.fromGregorian(gioTo.date()))
                            .isEqualTo(new LunarDate(y, 3, false, 10)));
            assertThat(holidays).contains(h(year + "-01-01", TET_DUONG_LICH), h(year + "-04-30", NGAY_CHIEN_THANG),
                    h(year + "-05-01", QUOC_TE_LAO_DONG), h(year + "-09-01", QUOC_KHANH), h(year + "-09-02", QUOC_KHANH));
        }
    }

    @Test
    void yearsOutsideTheSupportedRangeAreRefused() {
        assertThatThrownBy(() -> VietnamPublicHolidays.of(VietnamPublicHolidays.FIRST_YEAR - 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VietnamPublicHolidays.of(VietnamPublicHolidays.LAST_YEAR + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theListCannotBeChanged() {
        List<Holiday> holidays = VietnamPublicHolidays.of(2025);
        assertThatThrownBy(() -> holidays.add(h("2025-12-25", "Giáng sinh"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aHolidayNeedsADateAndAName() {
        assertThatThrownBy(() -> new Holiday(null, "Tết")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Holiday(LocalDate.of(2025, 1, 1), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Holiday(LocalDate.of(2025, 1, 1), " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
