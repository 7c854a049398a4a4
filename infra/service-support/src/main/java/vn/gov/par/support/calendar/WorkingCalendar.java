package vn.gov.par.support.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which days Vietnam's public administration works: Monday to Friday, except the statutory holidays
 * ({@link VietnamPublicHolidays}) and the days off operators add, plus the days operators make working.
 *
 * <p>Operator data is what the government announces each year, and corrections:
 * <ul>
 * <li>{@code extraDaysOff}: compensatory days off (nghỉ bù, e.g. for a holiday on a weekend, or a weekday bridged
 *     into Tết), the 3/9 when it is chosen over 1/9, and any lunar holiday the computation got wrong. On a date that
 *     is also a statutory holiday, the operator's entry (its name) is the one kept;</li>
 * <li>{@code extraWorkingDays}: make-up working days (làm bù, usually Saturdays), and statutory days that are not
 *     off after all (1/9 when 3/9 is chosen, a wrongly computed lunar day). A date given as both a day off and a
 *     working day is a working day: making a day working is always an explicit statement.</li>
 * </ul>
 * Immutable and thread-safe; the holidays of a year are computed on first use and kept.
 */
public final class WorkingCalendar {

    /** How far {@link #onOrBefore} and {@link #onOrAfter} look before concluding the calendar has no working day. */
    private static final int MAX_SEARCH_DAYS = 366;

    private final Map<LocalDate, Holiday> extraDaysOff;
    private final Set<LocalDate> extraWorkingDays;
    private final Map<Integer, SortedMap<LocalDate, Holiday>> holidaysByYear = new ConcurrentHashMap<>();

    public WorkingCalendar(Collection<Holiday> extraDaysOff, Collection<LocalDate> extraWorkingDays) {
        Map<LocalDate, Holiday> daysOff = new HashMap<>();
        for (Holiday holiday : Objects.requireNonNull(extraDaysOff, "extraDaysOff")) {
            Objects.requireNonNull(holiday, "extraDaysOff holds a null");
            daysOff.merge(holiday.date(), holiday, WorkingCalendar::combine);
        }
        this.extraDaysOff = Map.copyOf(daysOff);
        this.extraWorkingDays = Set.copyOf(Objects.requireNonNull(extraWorkingDays, "extraWorkingDays")); // rejects nulls
    }

    /** Whether public offices work that day. */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (extraWorkingDays.contains(date)) {
            return true;
        }
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        return !holidaysOf(date.getYear()).containsKey(date);
    }

    /** The latest working day on or before {@code date}. */
    public LocalDate onOrBefore(LocalDate date) {
        Objects.requireNonNull(date, "date");
        LocalDate day = date;
        for (int i = 0; i <= MAX_SEARCH_DAYS; i++, day = day.minusDays(1)) {
            if (isWorkingDay(day)) {
                return day;
            }
        }
        throw new IllegalStateException("No working day in the year up to " + date + ": check the calendar's days off");
    }

    /** The earliest working day on or after {@code date}. */
    public LocalDate onOrAfter(LocalDate date) {
        Objects.requireNonNull(date, "date");
        LocalDate day = date;
        for (int i = 0; i <= MAX_SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                return day;
            }
        }
        throw new IllegalStateException("No working day in the year from " + date + ": check the calendar's days off");
    }

    /** The {@code n}th working day after {@code date} (n ≥ 1): the 3rd after Thursday 20/03/2025 is Tuesday 25/03. */
    public LocalDate workingDaysAfter(LocalDate date, int n) {
        Objects.requireNonNull(date, "date");
        if (n < 1) {
            throw new IllegalArgumentException("Counts working days from 1, not " + n);
        }
        LocalDate day = date;
        for (int i = 0; i < n; i++) {
            day = onOrAfter(day.plusDays(1));
        }
        return day;
    }

    /**
     * The day a deadline written as {@code dueDate} really ends: that day if offices work, else the next working day
     * (Bộ luật Dân sự 2015, Article 148(5): a time limit whose last day is a day off ends at the end of the next working
     * day). Work due on Saturday 29/03/2025 is on time until the end of Monday 31/03/2025.
     */
    public LocalDate effectiveDeadline(LocalDate dueDate) {
        return onOrAfter(dueDate);
    }

    /** Whether work due on {@code dueDate} is late on {@code today}: its effective deadline has passed. */
    public boolean isLate(LocalDate dueDate, LocalDate today) {
        return effectiveDeadline(dueDate).isBefore(today);
    }

    /** Whether what was done (submitted, issued) on {@code doneOn} was in time for work due on {@code dueDate}. */
    public boolean inTime(LocalDate doneOn, LocalDate dueDate) {
        return !doneOn.isAfter(effectiveDeadline(dueDate));
    }

    /**
     * Work is late on {@code today} exactly when its written due date is before this day, so a store finds late work
     * through an index on the date as written. On Monday 03/02/2025, the first working day after Tết, it is Saturday
     * 25/01: work due from then until Sunday 02/02 runs to the end of 03/02.
     */
    public LocalDate lateIfDueBefore(LocalDate today) {
        return onOrBefore(today.minusDays(1)).plusDays(1);
    }

    /**
     * The year's holidays, statutory and operators', less those made working days; one per date (two statutory
     * holidays on one date come as one, their names joined), sorted.
     */
    public List<Holiday> holidays(int year) {
        return List.copyOf(holidaysOf(year).values());
    }

    private SortedMap<LocalDate, Holiday> holidaysOf(int year) {
        return holidaysByYear.computeIfAbsent(year, this::computeHolidays);
    }

    private SortedMap<LocalDate, Holiday> computeHolidays(int year) {
        TreeMap<LocalDate, Holiday> holidays = new TreeMap<>();
        for (Holiday holiday : VietnamPublicHolidays.of(year)) {
            holidays.merge(holiday.date(), holiday, WorkingCalendar::combine);
        }
        extraDaysOff.values().stream().filter(h -> h.date().getYear() == year).forEach(h -> holidays.put(h.date(), h));
        holidays.keySet().removeAll(extraWorkingDays);
        return Collections.unmodifiableSortedMap(holidays);
    }

    /** Two holidays on one date: one holiday, both names. */
    private static Holiday combine(Holiday first, Holiday second) {
        return first.name().equals(second.name()) ? first : new Holiday(first.date(), first.name() + ", " + second.name());
    }
}
