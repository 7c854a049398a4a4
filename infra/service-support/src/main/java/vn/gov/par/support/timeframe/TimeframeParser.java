package vn.gov.par.support.timeframe;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Vietnamese timeframe phrase ("Thời gian thực hiện: ...") into a {@link Schedule} for a plan's year.
 *
 * <p>The text is first normalised (see {@link #normalise(String)}) so that OCR text without diacritics, upper case,
 * extra spaces and trailing punctuation read the same. The normalised text must then match one rule <em>as a
 * whole</em>; the first rule whose shape fits decides. Rules, in order:
 * <ol>
 *   <li>on demand: "đột xuất", "khi có yêu cầu", "theo yêu cầu", "đột xuất, khi có yêu cầu" → ON_DEMAND;</li>
 *   <li>ongoing: "thường xuyên" [", liên tục"] [", trong năm 2024" | ", cả năm"] → ONGOING, no dates of its own
 *       (checked at the plan's report periods, which the parser does not know);</li>
 *   <li>periodic: "định kỳ" alone, or "định kỳ và đột xuất" → PERIODIC, likewise;</li>
 *   <li>report cadence: "định kỳ 6 tháng, năm" → HALF_YEARLY, due 30/06 (6 months) and 31/12 (year);</li>
 *   <li>recurring: "hàng|hằng|mỗi tuần|tháng|quý|năm" [" 01 lần"], "01 lần/tháng", optionally followed by
 *       "/2024" or " năm 2024" → WEEKLY, MONTHLY, QUARTERLY or YEARLY;</li>
 *   <li>half-yearly: "6 tháng một lần", "06 tháng/lần", "định kỳ 6 tháng", "mỗi 6 tháng" → HALF_YEARLY;</li>
 *   <li>date range: "từ ngày 01/3 đến ngày 31/3/2025" → ONCE, due at its end;</li>
 *   <li>date: "trước ngày 15/3/2025", "chậm nhất ngày 15/3", "ngày 15 tháng 3 năm 2025" → ONCE, due that
 *       day;</li>
 *   <li>month range: "từ tháng 4 đến tháng 6/2025", "tháng 3 - tháng 5/2025" → ONCE, due at its end;</li>
 *   <li>month: "chậm nhất trong tháng 02/2025", "tháng 2" → ONCE, due on the month's last day;</li>
 *   <li>quarter range: "từ quý I đến quý III/2025" → ONCE, due at its end;</li>
 *   <li>quarter: "quý II/2025", "quý 2 năm 2025" → ONCE, due on the quarter's last day;</li>
 *   <li>part of a year: "6 tháng đầu năm 2025", "6 tháng cuối năm", "9 tháng đầu năm" → ONCE;</li>
 *   <li>whole year: "trong năm 2025", "năm 2025", "cả năm", "trong năm" → ONCE, due 31/12. ONCE rather than
 *       YEARLY because the phrase sets one deadline for this plan; YEARLY is kept for "hàng năm", which
 *       recurs.</li>
 * </ol>
 * Anything else, and any phrase whose numbers are impossible (tháng 13, quý V, 31/02, a range that ends before it
 * starts), is {@link ScheduleKind#UNRECOGNISED}: it is kept as written and shown to a person, never guessed.
 *
 * <p>A missing year means the plan's year; a year written in the text wins over the plan's year.
 */
public final class TimeframeParser {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] ROMAN = {"", "I", "II", "III", "IV"};

    // Pattern fragments, written against the normalised text: lower case, no diacritics, single spaces,
    // "/" without spaces around it, " - " and ", " with exactly one space.

    /** An optional year after a period: "/2025", " năm 2025", " trong năm 2025". */
    private static final String YEAR_TAIL = "(?:(?:/| nam | trong nam )(?<year>\\d{4}))?";
    /** Words that can lead a deadline without changing it: "hoàn thành", "thực hiện", "chậm nhất (là)". */
    private static final String LEAD = "(?:(?:hoan thanh|thuc hien) )?(?:cham nhat (?:la )?)?";
    /** Words before an explicit date; "trước ngày 15/3" is due on 15/3 by the product owner's convention. */
    private static final String DATE_LEAD =
            "(?:(?:hoan thanh|thuc hien) )?(?:(?:truoc|cham nhat(?: la)?|han chot|vao|trong) )?(?:ngay )?";
    /** The end of a range: "đến", "tới", "-", optionally "đến hết". */
    private static final String RANGE_TO = " (?:den|toi|-) (?:het )?";
    /** "định kỳ" is also spelt "định kì". */
    private static final String PERIODICALLY = "dinh k[yi]";
    /** "quý" is also spelt "quí". */
    private static final String QUARTER_WORD = "qu[yi]";
    /** A quarter number as written; {@link #quarterNumber(String)} accepts only I-IV and 1-4. */
    private static final String QUARTER_NUMBER = "[ivx]+|\\d{1,2}";
    /** "một lần", "01 lần", "1 lần". */
    private static final String ONCE_WORD = "(?:mot|0?1) lan";
    /** The whole year: "trong năm 2025", "năm 2025", "cả năm", "trong năm"; bare "năm" may also mean "five". */
    private static final String WHOLE_YEAR =
            "(?:(?:trong )?(?:ca )?nam[ /](?<year>\\d{4})|(?:trong )?ca nam|trong nam)";

    /** Every six months; "6 tháng" alone may be a duration, so each form carries a word of repetition. */
    private static final String EVERY_SIX_MONTHS = String.join("|",
            PERIODICALLY + " (?:moi )?0?6 thang", // "định kỳ 6 tháng"
            "(?:" + PERIODICALLY + " )?(?:hang|moi) 0?6 thang", // "mỗi 6 tháng"
            "(?:" + PERIODICALLY + " )?0?6 thang " + ONCE_WORD, // "6 tháng một lần"
            "(?:" + PERIODICALLY + " )?0?6 thang/(?:(?:mot|0?1) )?lan"); // "06 tháng/lần"

    private static final List<Rule> RULES = List.of(
            rule("(?:dot xuat|khi co yeu cau|theo yeu cau)(?:(?:,| va| hoac)? (?:khi co yeu cau|theo yeu cau))?",
                    TimeframeParser::onDemand),
            rule("thuong xuyen(?:,? lien tuc)?(?:,? " + WHOLE_YEAR + ")?", TimeframeParser::ongoing),
            rule(PERIODICALLY + "(?:(?:,| va) dot xuat)?", TimeframeParser::periodic),
            rule("(?:" + PERIODICALLY + " )?0?6 thang(?:,| va) nam(?:[ /](?<year>\\d{4}))?",
                    TimeframeParser::halfYearAndYearReports),
            rule("(?:" + PERIODICALLY + " )?(?:hang|moi) (?<unit>tuan|thang|" + QUARTER_WORD + "|nam)"
                    + "(?: " + ONCE_WORD + ")?" + YEAR_TAIL, TimeframeParser::recurring),
            rule("(?:" + PERIODICALLY + " )?" + ONCE_WORD + "/(?<unit>tuan|thang|" + QUARTER_WORD + "|nam)" + YEAR_TAIL,
                    TimeframeParser::recurring),
            rule("(?:" + EVERY_SIX_MONTHS + ")" + YEAR_TAIL, TimeframeParser::halfYearly),
            rule("(?:tu )?(?:ngay )?" + datePattern("1") + RANGE_TO + "(?:ngay )?" + datePattern("2"),
                    TimeframeParser::dateRange),
            rule(DATE_LEAD + datePattern(""), TimeframeParser::oneDate),
            rule("(?:tu |trong )?thang (?<m1>\\d{1,2})(?:/(?<y1>\\d{4}))?" + RANGE_TO + "(?:thang )?(?<m2>\\d{1,2})"
                    + YEAR_TAIL, TimeframeParser::monthRange),
            rule(LEAD + "(?:trong )?thang (?<m>\\d{1,2})" + YEAR_TAIL, TimeframeParser::oneMonth),
            rule("(?:tu |trong )?" + QUARTER_WORD + " (?<q1>" + QUARTER_NUMBER + ")(?:/(?<y1>\\d{4}))?" + RANGE_TO
                    + "(?:" + QUARTER_WORD + " )?(?<q2>" + QUARTER_NUMBER + ")" + YEAR_TAIL,
                    TimeframeParser::quarterRange),
            rule(LEAD + "(?:trong )?" + QUARTER_WORD + " (?<q>" + QUARTER_NUMBER + ")" + YEAR_TAIL,
                    TimeframeParser::oneQuarter),
            rule(LEAD + "(?:trong )?(?<n>\\d{1,2}) thang (?<part>dau|cuoi) nam(?:[ /](?<year>\\d{4}))?",
                    TimeframeParser::partOfYear),
            rule(LEAD + WHOLE_YEAR, TimeframeParser::oneYear));

    private TimeframeParser() {
    }

    /**
     * Parses a timeframe phrase.
     *
     * @param text        the phrase as written; {@code null} or blank is unrecognised
     * @param year        the plan's year, used wherever the text gives no year
     * @return the schedule; never {@code null}
     */
    public static Schedule parse(String text, int year) {
        Request request = new Request(text, year);
        String normalised = normalise(text);
        for (Rule rule : RULES) {
            Matcher match = rule.pattern().matcher(normalised);
            if (match.matches()) {
                // The first rule whose shape fits decides. If its numbers are impossible the phrase is refused,
                // not offered to a looser rule that might read something else into it.
                return rule.handler().apply(match, request).orElseGet(() -> Schedule.unrecognised(text));
            }
        }
        return Schedule.unrecognised(text);
    }

    /**
     * Reduces the spelling variety of real and OCR'd text to one canonical form: diacritics removed (NFD, combining
     * marks dropped, đ → d), lower case, single spaces, no spaces around "/", " - " and ", " around dashes and
     * commas, no leading bullet or trailing full stop, no "Thời gian thực hiện:" label, and the spelled date
     * "ngày 15 tháng 3 năm 2025" written as "ngày 15/3/2025".
     */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[đð]", "d") // OCR sometimes reads Đ as the look-alike Ð
                .replaceAll("[\\u2010-\\u2015\\u2212]", "-")
                .replaceAll("[\\s\\p{Z}]+", " ")
                .replaceAll(" ?/ ?", "/")
                .replaceAll(" ?- ?", " - ")
                .replaceAll(" ?[,;] ?", ", ")
                .replaceAll("^[\\p{Punct}\\p{Z}•]+|[\\p{Punct}\\p{Z}•]+$", "")
                .replaceFirst("^thoi gian(?: thuc hien)? ?: ?", "")
                .replaceAll("\\bngay (\\d{1,2}) thang (\\d{1,2}) nam (\\d{4})\\b", "ngay $1/$2/$3")
                .replaceAll("\\bngay (\\d{1,2}) thang (\\d{1,2})\\b", "ngay $1/$2");
    }

    // ---- rule handlers: each reads its match and returns the schedule, or empty when the numbers are impossible

    private static Optional<Schedule> onDemand(Matcher match, Request request) {
        return request.schedule(ScheduleKind.ON_DEMAND, List.of());
    }

    private static Optional<Schedule> ongoing(Matcher match, Request request) {
        // The report periods it is checked at belong to the plan's year, so "thường xuyên, trong năm 2025" in a
        // 2024 plan cannot be checked with them: a person must look at it.
        if (match.group("year") != null && number(match, "year") != request.year()) {
            return Optional.empty();
        }
        return request.schedule(ScheduleKind.ONGOING, List.of());
    }

    private static Optional<Schedule> periodic(Matcher match, Request request) {
        return request.schedule(ScheduleKind.PERIODIC, List.of());
    }

    private static Optional<Schedule> halfYearAndYearReports(Matcher match, Request request) {
        int year = number(match, "year", request.year());
        return request.schedule(ScheduleKind.HALF_YEARLY, List.of(firstMonths(year, 6), wholeYear(year)));
    }

    private static Optional<Schedule> recurring(Matcher match, Request request) {
        int year = number(match, "year", request.year());
        return switch (match.group("unit")) {
            case "tuan" -> request.schedule(ScheduleKind.WEEKLY, weeks(year));
            case "thang" -> request.schedule(ScheduleKind.MONTHLY, months(year));
            case "nam" -> request.schedule(ScheduleKind.YEARLY, List.of(wholeYear(year)));
            default -> request.schedule(ScheduleKind.QUARTERLY, quarters(year)); // "quy" or "qui"
        };
    }

    private static Optional<Schedule> halfYearly(Matcher match, Request request) {
        int year = number(match, "year", request.year());
        return request.schedule(ScheduleKind.HALF_YEARLY, List.of(firstMonths(year, 6), lastMonths(year, 6)));
    }

    private static Optional<Schedule> dateRange(Matcher match, Request request) {
        // A year written on either end applies to the other end too: "từ 01/3 đến 31/3/2025".
        Integer startYear = optionalNumber(match, "y1");
        Integer endYear = optionalNumber(match, "y2");
        int defaultYear = endYear != null ? endYear : startYear != null ? startYear : request.year();
        Optional<LocalDate> from = validDate(startYear != null ? startYear : defaultYear,
                number(match, "m1"), number(match, "d1"));
        Optional<LocalDate> to = validDate(endYear != null ? endYear : defaultYear,
                number(match, "m2"), number(match, "d2"));
        if (from.isEmpty() || to.isEmpty() || from.get().isAfter(to.get())) {
            return Optional.empty();
        }
        String label = "Từ " + DAY.format(from.get()) + " đến " + DAY.format(to.get());
        return request.once(new Occurrence(label, from.get(), to.get()));
    }

    private static Optional<Schedule> oneDate(Matcher match, Request request) {
        return validDate(number(match, "y", request.year()), number(match, "m"), number(match, "d"))
                .flatMap(day -> request.once(new Occurrence("Ngày " + DAY.format(day), day, day)));
    }

    private static Optional<Schedule> monthRange(Matcher match, Request request) {
        int endYear = number(match, "year", request.year());
        int startYear = number(match, "y1", endYear);
        Optional<YearMonth> from = validMonth(startYear, number(match, "m1"));
        Optional<YearMonth> to = validMonth(endYear, number(match, "m2"));
        if (from.isEmpty() || to.isEmpty() || from.get().isAfter(to.get())) {
            return Optional.empty();
        }
        String label = "Từ tháng " + from.get().getMonthValue() + (startYear == endYear ? "" : "/" + startYear)
                + " đến tháng " + to.get().getMonthValue() + "/" + endYear;
        return request.once(new Occurrence(label, from.get().atDay(1), to.get().atEndOfMonth()));
    }

    private static Optional<Schedule> oneMonth(Matcher match, Request request) {
        return validMonth(number(match, "year", request.year()), number(match, "m"))
                .flatMap(month -> request.once(month(month)));
    }

    private static Optional<Schedule> quarterRange(Matcher match, Request request) {
        int endYear = number(match, "year", request.year());
        int startYear = number(match, "y1", endYear);
        Optional<Integer> from = quarterNumber(match.group("q1"));
        Optional<Integer> to = quarterNumber(match.group("q2"));
        if (from.isEmpty() || to.isEmpty() || startYear * 4 + from.get() > endYear * 4 + to.get()) {
            return Optional.empty();
        }
        String label = "Từ quý " + ROMAN[from.get()] + (startYear == endYear ? "" : "/" + startYear)
                + " đến quý " + ROMAN[to.get()] + "/" + endYear;
        return request.once(new Occurrence(label,
                quarter(startYear, from.get()).periodStart(), quarter(endYear, to.get()).dueDate()));
    }

    private static Optional<Schedule> oneQuarter(Matcher match, Request request) {
        int year = number(match, "year", request.year());
        return quarterNumber(match.group("q")).flatMap(q -> request.once(quarter(year, q)));
    }

    private static Optional<Schedule> partOfYear(Matcher match, Request request) {
        int year = number(match, "year", request.year());
        int months = number(match, "n");
        if (months < 1 || months > 12) {
            return Optional.empty();
        }
        return request.once(match.group("part").equals("dau") ? firstMonths(year, months) : lastMonths(year, months));
    }

    private static Optional<Schedule> oneYear(Matcher match, Request request) {
        return request.once(wholeYear(number(match, "year", request.year())));
    }

    // ---- occurrences: a period is due on its last day

    /**
     * The ISO weeks of the year (52 or 53), each due on its Sunday. Week 1 may start in late December of the year
     * before; the last week's Sunday may fall in January of the next year, so that week is due on 31/12 instead:
     * every due date stays within the plan's year.
     */
    private static List<Occurrence> weeks(int year) {
        LocalDate lastDay = LocalDate.of(year, 12, 31);
        List<Occurrence> weeks = new ArrayList<>();
        // Week 1 is the week that contains 4 January.
        LocalDate monday = LocalDate.of(year, 1, 4).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (monday.get(IsoFields.WEEK_BASED_YEAR) == year) {
            LocalDate sunday = monday.plusDays(6);
            String label = "Tuần " + monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + "/" + year;
            weeks.add(new Occurrence(label, monday, sunday.isAfter(lastDay) ? lastDay : sunday));
            monday = monday.plusWeeks(1);
        }
        return weeks;
    }

    private static List<Occurrence> months(int year) {
        List<Occurrence> months = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            months.add(month(YearMonth.of(year, month)));
        }
        return months;
    }

    private static List<Occurrence> quarters(int year) {
        List<Occurrence> quarters = new ArrayList<>();
        for (int quarter = 1; quarter <= 4; quarter++) {
            quarters.add(quarter(year, quarter));
        }
        return quarters;
    }

    private static Occurrence month(YearMonth month) {
        return new Occurrence("Tháng " + month.getMonthValue() + "/" + month.getYear(),
                month.atDay(1), month.atEndOfMonth());
    }

    private static Occurrence quarter(int year, int quarter) {
        YearMonth firstMonth = YearMonth.of(year, 3 * quarter - 2);
        return new Occurrence("Quý " + ROMAN[quarter] + "/" + year,
                firstMonth.atDay(1), firstMonth.plusMonths(2).atEndOfMonth());
    }

    private static Occurrence firstMonths(int year, int months) {
        return new Occurrence(months + " tháng đầu năm " + year,
                LocalDate.of(year, 1, 1), YearMonth.of(year, months).atEndOfMonth());
    }

    private static Occurrence lastMonths(int year, int months) {
        return new Occurrence(months + " tháng cuối năm " + year,
                YearMonth.of(year, 13 - months).atDay(1), LocalDate.of(year, 12, 31));
    }

    private static Occurrence wholeYear(int year) {
        return new Occurrence("Năm " + year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    // ---- validation of the numbers as written

    private static Optional<YearMonth> validMonth(int year, int month) {
        return month >= 1 && month <= 12 ? Optional.of(YearMonth.of(year, month)) : Optional.empty();
    }

    /** Refuses dates that do not exist, such as 31/02 or 29/02 outside a leap year. */
    private static Optional<LocalDate> validDate(int year, int month, int day) {
        return validMonth(year, month).filter(m -> m.isValidDay(day)).map(m -> m.atDay(day));
    }

    /** Quarters are written I-IV or 1-4 (also "01"); anything else ("V", "5", "0") is refused. */
    private static Optional<Integer> quarterNumber(String written) {
        int quarter = switch (written) {
            case "i" -> 1;
            case "ii" -> 2;
            case "iii" -> 3;
            case "iv" -> 4;
            default -> written.chars().allMatch(Character::isDigit) ? Integer.parseInt(written) : 0;
        };
        return quarter >= 1 && quarter <= 4 ? Optional.of(quarter) : Optional.empty();
    }

    // ---- small helpers

    private static String datePattern(String suffix) {
        return "(?<d" + suffix + ">\\d{1,2})/(?<m" + suffix + ">\\d{1,2})(?:/(?<y" + suffix + ">\\d{4}))?";
    }

    private static int number(Matcher match, String group) {
        return Integer.parseInt(match.group(group));
    }

    private static int number(Matcher match, String group, int whenAbsent) {
        return match.group(group) == null ? whenAbsent : number(match, group);
    }

    private static Integer optionalNumber(Matcher match, String group) {
        return match.group(group) == null ? null : number(match, group);
    }

    private static Rule rule(String regex, Handler handler) {
        return new Rule(Pattern.compile(regex), handler);
    }

    @FunctionalInterface
    private interface Handler {
        Optional<Schedule> apply(Matcher match, Request request);
    }

    private record Rule(Pattern pattern, Handler handler) {
    }

    /** What one call to {@link #parse} was given. */
    private record Request(String text, int year) {

        Optional<Schedule> schedule(ScheduleKind kind, List<Occurrence> occurrences) {
            return Optional.of(Schedule.recognised(text, kind, occurrences));
        }

        Optional<Schedule> once(Occurrence occurrence) {
            return schedule(ScheduleKind.ONCE, List.of(occurrence));
        }
    }
}
