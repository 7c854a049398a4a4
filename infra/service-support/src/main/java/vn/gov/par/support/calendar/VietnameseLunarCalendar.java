package vn.gov.par.support.calendar;

import java.time.LocalDate;
import java.time.temporal.JulianFields;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.SimpleTimeZone;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * Vietnam's lunisolar calendar (âm lịch), computed by ICU4J's {@link ChineseCalendar}.
 *
 * <p>The Vietnamese and Chinese calendars follow the same rules (a month starts on the day of the new moon; month
 * 11 holds the winter solstice; a month without a major solar term is a leap month), but the day of an astronomical
 * event is taken in Vietnam's time (UTC+7, since 1968) rather than China's (UTC+8). When a new moon falls between
 * 23:00 and 24:00 Beijing time the two calendars start that month on different days, which can move Tết or Giỗ Tổ
 * by a day (1985 and 2007 are the well-known cases).
 *
 * <p>ICU's public {@code ChineseCalendar} always computes at UTC+8. It also has the constructor its Korean
 * {@code DangiCalendar} uses to compute the same rules at another offset; it is {@code protected} and marked
 * ICU-internal, so it is used here through a private subclass, at UTC+7. Between 2020 and 2035 this gives
 * different dates from ICU's Chinese calendar for the first days of five months, two of them affecting holidays:
 * <ul>
 * <li>Tết 2027: the new moon is at 22:56 in Vietnam on 06/02/2027, so mùng 1 Tết is 06/02 (and the last day of
 *     the year, 29 tháng Chạp, is 05/02). It is 23:56 in Beijing, also 06/02 in China, but ICU's approximate
 *     lunar theory puts it a few minutes after midnight: ICU's Chinese calendar says 07/02/2027, wrongly for both
 *     countries.</li>
 * <li>Tết 2030: the new moon is at 23:07 in Vietnam on 02/02/2030 (mùng 1 Tết in Vietnam), 00:07 on 03/02 in
 *     Beijing (Chinese New Year). ICU's Chinese calendar says 02/02, agreeing with Vietnam by an error.</li>
 * <li>Not affecting holidays: the months starting 14/12/2020 (11th month), 21/04/2031 (leap 3rd month),
 *     11/03/2032 (2nd month) and 12/09/2034 (8th month) start a day later in China.</li>
 * </ul>
 * These were checked against new moons computed independently (Meeus, <i>Astronomical Algorithms</i>, ch. 49):
 * every first day of a month from 10/2019 to 05/2036 computed here matches them at UTC+7. ICU's astronomy is
 * approximate (minutes), so a new moon within minutes of midnight in Vietnam can still come out on the wrong day;
 * the closest in 2020–2035 is 23:57 on 21/04/2031, not a holiday month. Whatever the computation says, the
 * government's announcement decides: operators correct a day through {@link WorkingCalendar}'s data.
 *
 * <p>Thread-safe: every call uses a calendar of its own.
 */
final class VietnameseLunarCalendar {

    /** ICU's Chinese epoch: extended year 1 is 2637 BCE, so the lunar year starting in Gregorian year Y is Y + 2637. */
    private static final int CHINESE_EPOCH_YEAR = -2636;
    private static final int EXTENDED_YEAR_OFFSET = 2637;
    private static final TimeZone VIETNAM_ASTRONOMY_ZONE =
            new SimpleTimeZone(7 * 60 * 60 * 1000, "UTC+07:00").freeze();

    /** A day of the lunar calendar; {@code year} is the Gregorian year in which that lunar year begins. */
    record LunarDate(int year, int month, boolean leapMonth, int day) {
    }

    private VietnameseLunarCalendar() {
    }

    /** Mùng 1 Tết: the first day of the lunar year that begins in the Gregorian {@code year}. */
    static LocalDate newYear(int year) {
        return toGregorian(new LunarDate(year, 1, false, 1));
    }

    /**
     * The Gregorian day of a lunar date.
     *
     * @throws IllegalArgumentException if that lunar date does not exist (a 30th in a 29-day month, a leap month the
     *                                  year does not have)
     */
    static LocalDate toGregorian(LunarDate lunar) {
        if (lunar.month() < 1 || lunar.month() > 12 || lunar.day() < 1 || lunar.day() > 30) {
            throw new IllegalArgumentException("No such lunar date: " + lunar);
        }
        ChineseCalendar calendar = newCalendar();
        calendar.clear();
        calendar.set(Calendar.EXTENDED_YEAR, lunar.year() + EXTENDED_YEAR_OFFSET);
        calendar.set(Calendar.MONTH, lunar.month() - 1);
        calendar.set(Calendar.IS_LEAP_MONTH, lunar.leapMonth() ? 1 : 0);
        calendar.set(Calendar.DAY_OF_MONTH, lunar.day());
        LocalDate date = LocalDate.MIN.with(JulianFields.JULIAN_DAY, calendar.get(Calendar.JULIAN_DAY));
        // ICU quietly rolls over what does not exist (the 30th of a short month, a missing leap month): check back.
        if (!fromGregorian(date).equals(lunar)) {
            throw new IllegalArgumentException("No such lunar date: " + lunar);
        }
        return date;
    }

    /** The lunar date of a Gregorian day. */
    static LunarDate fromGregorian(LocalDate date) {
        ChineseCalendar calendar = newCalendar();
        calendar.clear();
        calendar.set(Calendar.JULIAN_DAY, Math.toIntExact(date.getLong(JulianFields.JULIAN_DAY)));
        return new LunarDate(calendar.get(Calendar.EXTENDED_YEAR) - EXTENDED_YEAR_OFFSET, calendar.get(Calendar.MONTH) + 1,
                calendar.get(Calendar.IS_LEAP_MONTH) == 1, calendar.get(Calendar.DAY_OF_MONTH));
    }

    private static ChineseCalendar newCalendar() {
        return new AtVietnamTime();
    }

    /** ICU's Chinese calendar with astronomical days taken at UTC+7, as ICU's DangiCalendar takes them at Korea's. */
    private static final class AtVietnamTime extends ChineseCalendar {

        private static final long serialVersionUID = 1L;

        @SuppressWarnings("deprecation") // ICU-internal constructor, the one DangiCalendar uses; pinned by the tests
        AtVietnamTime() {
            // The calendar's own zone is irrelevant here: days go in and out as Julian day numbers.
            super(TimeZone.GMT_ZONE, ULocale.ROOT, CHINESE_EPOCH_YEAR, VIETNAM_ASTRONOMY_ZONE);
        }
    }
}
