package vn.gov.par.support.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import vn.gov.par.support.calendar.VietnameseLunarCalendar.LunarDate;

/**
 * Vietnam's statutory days off (nghỉ lễ, Tết), as Bộ luật Lao động 2019, Article 112(1), sets them:
 * <ul>
 * <li>Tết Dương lịch: 1 day, 1/1;</li>
 * <li>Tết Nguyên đán (Tết âm lịch): 5 days, the last day of the lunar year (30 tháng Chạp, or 29 when that month has
 *     29 days) and mùng 1 to mùng 4 of the new year. The government may lay these 5 days out differently (e.g. 2
 *     before and 3 after Tết) and adds compensatory days around them each year: operators record those;</li>
 * <li>Ngày Chiến thắng: 1 day, 30/4;</li>
 * <li>Ngày Quốc tế Lao động: 1 day, 1/5;</li>
 * <li>Quốc khánh: 2 days, 2/9 and one day before or after it. The Prime Minister picks 1/9 or 3/9 each year; this
 *     list uses 1/9, and operators record the other choice (3/9 a day off, 1/9 a working day);</li>
 * <li>Giỗ Tổ Hùng Vương: 1 day, 10 tháng 3 âm lịch.</li>
 * </ul>
 * Lunar days come from {@link VietnameseLunarCalendar} (ICU4J at UTC+7; see there for where that differs from
 * ICU's Chinese calendar). A holiday that falls on a weekend is listed all the same, followed by the compensatory day
 * off the law grants for it (except Tết's, which the government's yearly decision lays out).
 *
 * <p>The 2019 rules are applied to every supported year, including those before they came into force (2021).
 */
public final class VietnamPublicHolidays {

    public static final String TET_DUONG_LICH = "Tết Dương lịch";
    public static final String TET_NGUYEN_DAN = "Tết Nguyên đán";
    public static final String GIO_TO_HUNG_VUONG = "Giỗ Tổ Hùng Vương";
    public static final String NGAY_CHIEN_THANG = "Ngày Chiến thắng";
    public static final String QUOC_TE_LAO_DONG = "Ngày Quốc tế Lao động";
    public static final String QUOC_KHANH = "Quốc khánh";
    /** Prefixes the name of the holiday a compensatory day off makes up for: "Nghỉ bù Giỗ Tổ Hùng Vương". */
    public static final String NGHI_BU = "Nghỉ bù";

    /** Vietnam has kept its lunar calendar at UTC+7 since 1968; ICU's astronomy is not meant for centuries ahead. */
    public static final int FIRST_YEAR = 1968;
    public static final int LAST_YEAR = 2199;

    private static final Map<Integer, List<Holiday>> CACHE = new ConcurrentHashMap<>();

    private VietnamPublicHolidays() {
    }

    /**
     * The statutory days off that fall in a Gregorian year, sorted by date (two holidays on one day, which the law
     * allows for, are both listed).
     *
     * @throws IllegalArgumentException for a year outside {@link #FIRST_YEAR}..{@link #LAST_YEAR}
     */
    public static List<Holiday> of(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("Holidays are known for " + FIRST_YEAR + "–" + LAST_YEAR + ", not " + year);
        }
        return CACHE.computeIfAbsent(year, VietnamPublicHolidays::compute);
    }

    private static List<Holiday> compute(int year) {
        List<Holiday> holidays = new ArrayList<>();
        holidays.add(new Holiday(LocalDate.of(year, Month.JANUARY, 1), TET_DUONG_LICH));
        // The lunar years that begin in the year before, this one and the next: a Tết window or a Giỗ Tổ of any of
        // them may fall in this year (in practice only this year's do, but nothing here relies on it).
        for (int lunarYear = year - 1; lunarYear <= year + 1; lunarYear++) {
            LocalDate mung1 = VietnameseLunarCalendar.newYear(lunarYear);
            LocalDate lastDayOfPreviousYear = mung1.minusDays(1); // 30 or 29 tháng Chạp (or of a leap 12th month)
            for (LocalDate day = lastDayOfPreviousYear; !day.isAfter(mung1.plusDays(3)); day = day.plusDays(1)) {
                if (day.getYear() == year) {
                    holidays.add(new Holiday(day, TET_NGUYEN_DAN));
                }
            }
            LocalDate gioTo = VietnameseLunarCalendar.toGregorian(new LunarDate(lunarYear, 3, false, 10));
            if (gioTo.getYear() == year) {
                holidays.add(new Holiday(gioTo, GIO_TO_HUNG_VUONG));
            }
        }
        holidays.add(new Holiday(LocalDate.of(year, Month.APRIL, 30), NGAY_CHIEN_THANG));
        holidays.add(new Holiday(LocalDate.of(year, Month.MAY, 1), QUOC_TE_LAO_DONG));
        holidays.add(new Holiday(LocalDate.of(year, Month.SEPTEMBER, 1), QUOC_KHANH));
        holidays.add(new Holiday(LocalDate.of(year, Month.SEPTEMBER, 2), QUOC_KHANH));
        holidays.sort(Comparator.comparing(Holiday::date)); // stable
        holidays.addAll(compensatoryDaysOff(holidays, year));
        holidays.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(holidays);
    }

    /**
     * Bộ luật Lao động 2019, Article 111(3): a holiday that falls on the weekly rest day is made up on the next working
     * day, one day for each (30/4 on Saturday and 1/5 on Sunday give Monday and Tuesday). Tết's five days are left out:
     * the Prime Minister lays them out each year (Article 112(3)) around the weekends, and operators record that
     * decision ({@link GovernmentDecisions}).
     */
    private static List<Holiday> compensatoryDaysOff(List<Holiday> holidays, int year) {
        Set<LocalDate> off = new HashSet<>();
        holidays.forEach(h -> off.add(h.date()));
        List<Holiday> compensatory = new ArrayList<>();
        for (Holiday holiday : holidays) {
            if (holiday.name().equals(TET_NGUYEN_DAN) || !isWeekend(holiday.date())) {
                continue;
            }
            LocalDate day = holiday.date().plusDays(1);
            while (isWeekend(day) || off.contains(day)) {
                day = day.plusDays(1);
            }
            off.add(day);
            if (day.getYear() == year) {
                compensatory.add(new Holiday(day, NGHI_BU + " " + holiday.name()));
            }
        }
        return compensatory;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
