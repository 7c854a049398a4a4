package vn.gov.par.support.reporting;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reporting clause literally says: the periods it names, the due day it states, whether it
 * asks for ad hoc reports, whom reports go to and through which office — or why it cannot be read.
 *
 * <p>The clause is read by {@link #RULES}, applied in order to the folded text. Each rule blanks out
 * what it matched, so a later rule never reads the same words again: the office names are taken out
 * first (a recipient like "UBND tỉnh Quảng Nam" must not count as "năm"), then cited dates, then the
 * due day (so that "ngày 20 của tháng cuối quý" is not read as a quarter), then the periods. The last
 * rules are guards: a "tháng", "quý" or "ngày N" that no rule has read means the clause says something
 * about timing this parser does not understand, and the clause is refused rather than half-read.
 */
final class ClauseReading {

    /** First words of an office or authority name, folded: "UBND huyện", "Sở Nội vụ", "Phòng Văn hóa và Thông tin". */
    private static final String OFFICE = "(?:ubnd|uy\\s+ban|hdnd|hoi\\s+dong|so|phong|van\\s+phong|ban|bo|cuc|chi\\s+cuc"
            + "|trung\\s+tam|dai|huyen\\s+uy|thi\\s+uy|tinh\\s+uy|thanh\\s+uy|dang\\s+uy|thuong\\s+truc)\\b";
    /**
     * Where an office name written in running text ends. Not at "và": names contain it
     * ("Phòng Văn hóa và Thông tin").
     */
    private static final String NAME_END = "(?=\\s*[().,;:]|\\s+(?:qua|de|truoc|cham\\s+nhat|trong|theo|vao|ngay"
            + "|dinh\\s+ky|hang)\\b|\\s*$)";
    private static final String ROMAN_QUARTER = "(?:iv|i{1,3})\\b";
    /** Group 2: up to two words after a guarded word, looked at (to quote them) but not consumed. */
    private static final String NEXT_WORDS = "(?=((?:\\s+[^\\s,.;()]+){0,2}))";

    private record Rule(Pattern pattern, BiConsumer<ClauseReading, MatchResult> action) {
        Rule(String regex, BiConsumer<ClauseReading, MatchResult> action) {
            this(Pattern.compile(regex), action);
        }
    }

    private static final List<Rule> RULES = List.of(
            // "(*qua Phòng Văn hóa và Thông tin*)", "(qua Phòng Nội vụ)"
            new Rule("\\(\\s*qua\\s+(" + OFFICE + "[^()]*?)\\s*\\)", ClauseReading::via),
            // "... qua Phòng Nội vụ." — an office name must follow ("thông qua đăng tải tin bài" is no office),
            // and "kết quả Sở ..." folds to "qua" without meaning "through"
            new Rule("(?<!ket\\s)\\bqua\\s+(" + OFFICE + ".*?)" + NAME_END, ClauseReading::via),
            // "về UBND huyện", "gửi về UBND thị xã", "gửi Sở Nội vụ" — "về" also means "about" ("tuyên
            // truyền về cải cách hành chính"), hence the office name
            new Rule("\\b(?:gui(?:\\s+ve)?|ve)\\s+(" + OFFICE + ".*?)" + NAME_END, ClauseReading::recipient),
            // "Kế hoạch số 96/KH-UBND ngày 19/3/2024" cites a document; "trước ngày 15/12/2025" is a deadline
            new Rule("(?:\\b(truoc|cham\\s+nhat|han|vao|den)\\s+)?\\bngay\\s+\\d{1,2}"
                    + "\\s*(?:/\\s*\\d{1,2}\\s*/|\\s+thang\\s+\\d{1,2}\\s+nam)\\s*\\d{4}\\b", ClauseReading::datedMention),
            // "năm 2024", "6 tháng đầu năm 2025": the plan's year, not a period
            new Rule("\\bnam\\s+\\d{4}\\b", (reading, match) -> { }),
            new Rule("\\b(?:hang|moi)\\s+(?:thang|tuan|ngay)\\b", ClauseReading::unsupportedFrequency),
            // "ngày 20", "trước ngày 15 của tháng cuối quý", "ngày 20 tháng cuối kỳ báo cáo"; not "ngày 15/6"
            new Rule("\\bngay\\s+(\\d{1,3})\\b(?!\\s*[/.\\-]\\s*\\d)(?:(?:\\s+cua)?\\s+thang\\s+cuoi\\s+(?:cua\\s+)?"
                    + "(?:moi\\s+)?(?:quy|ky)(?:\\s+bao\\s+cao)?\\b)?", ClauseReading::dueDay),
            // words that fold to "quy" without being "quý" (quy định, quy trình), for text without diacritics
            new Rule("\\bquy\\s+(?:dinh|che|trinh|mo|hoach|chuan)\\b", (reading, match) -> { }),
            new Rule("\\b(?:hang|moi|tung)\\s+quy\\b", (reading, match) -> reading.ask(PeriodType.Q1, PeriodType.Q2,
                    PeriodType.Q3, PeriodType.Q4)),
            // "quý I", "quý III/2025", "quý I, II và III", "quý 4"
            new Rule("\\bquy\\s+((?:" + ROMAN_QUARTER + "|[1-4]\\b)(?:\\s*(?:,|va)\\s*" + ROMAN_QUARTER + ")*)"
                    + "(?:\\s*/\\s*\\d{4})?", ClauseReading::namedQuarters),
            // "06 tháng", "6 tháng đầu năm", "09 tháng"; not "6 tháng cuối năm" (the second half-year
            // is no period of the platform: left for the guard below to refuse)
            new Rule("(?<![\\d/.])0?([69])\\s+thang\\b(?!\\s+cuoi)(?:\\s+dau(?:\\s+nam)?\\b)?", ClauseReading::monthsOfYear),
            new Rule("\\b(?:hang|moi|ca)\\s+nam\\b", (reading, match) -> reading.ask(PeriodType.YEAR)),
            // "năm" alone ("6 tháng, năm", "báo cáo năm"), but not "Nam" (Quảng Nam) or "nằm"
            new Rule("\\bnam\\b", (reading, match) -> {
                if (reading.text.writtenAs(match.start(), match.end(), "năm")) {
                    reading.ask(PeriodType.YEAR);
                }
            }),
            // "đột xuất", "khi có yêu cầu", "theo yêu cầu của cấp trên": reports on request, no schedule.
            // "theo yêu cầu" alone is not enough: it also means "as required" (in the required form).
            new Rule("\\bdot\\s+xuat\\b|\\bkhi\\s+co\\s+yeu\\s+cau\\b"
                    + "|\\btheo\\s+yeu\\s+cau\\s+cua\\s+cap\\s+(?:tren|co\\s+tham\\s+quyen)\\b",
                    (reading, match) -> reading.adHoc = true),
            // guards: timing words no rule above has read ("03 tháng", "6 tháng cuối năm", "quý V")
            new Rule("(?:\\b\\d+\\s+)?\\b(thang)\\b" + NEXT_WORDS, (reading, match) -> reading.unreadIfWritten(match, "tháng")),
            new Rule("\\b(quy)\\b" + NEXT_WORDS, (reading, match) -> reading.unreadIfWritten(match, "quý")),
            new Rule("\\bngay\\s+\\d[^\\s,;()]*", (reading, match) -> reading.refuse(
                    "Nêu ngày \"" + reading.original(match) + "\" chứ không phải một ngày của tháng cuối mỗi kỳ.")));

    private final FoldedText text;
    /** The folded text with everything a rule has read replaced by spaces. */
    private final char[] unread;
    private final EnumSet<PeriodType> asked = EnumSet.noneOf(PeriodType.class);
    private final Set<Integer> dueDays = new LinkedHashSet<>();
    private boolean adHoc;
    private String recipient;
    private String via;
    private String problem;

    private ClauseReading(FoldedText text) {
        this.text = text;
        this.unread = text.folded().toCharArray();
    }

    static ClauseReading read(String clause) {
        ClauseReading reading = new ClauseReading(FoldedText.of(clause));
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(new String(reading.unread));
            while (matcher.find()) {
                rule.action().accept(reading, matcher.toMatchResult());
                Arrays.fill(reading.unread, matcher.start(), matcher.end(), ' ');
            }
        }
        return reading;
    }

    /** Period types named in the clause, before choosing one report per period end. */
    Set<PeriodType> asked() {
        return EnumSet.copyOf(asked);
    }

    /** Every due day the clause states; more than one is a conflict for the caller to refuse. */
    Set<Integer> dueDays() {
        return Collections.unmodifiableSet(dueDays);
    }

    boolean adHoc() {
        return adHoc;
    }

    String recipient() {
        return recipient;
    }

    String via() {
        return via;
    }

    /** Why the clause cannot be read, or null. */
    String problem() {
        return problem;
    }

    private void via(MatchResult match) {
        if (via == null) {
            via = text.originalOf(match.start(1), match.end(1));
        }
    }

    private void recipient(MatchResult match) {
        if (recipient == null) {
            recipient = text.originalOf(match.start(1), match.end(1));
        }
    }

    private void datedMention(MatchResult match) {
        if (match.group(1) != null) {
            refuse("Nêu thời hạn \"" + original(match) + "\" chứ không phải một ngày của tháng cuối mỗi kỳ.");
        }
    }

    private void unsupportedFrequency(MatchResult match) {
        refuse("Yêu cầu báo cáo \"" + original(match) + "\"; các kỳ báo cáo được hỗ trợ là quý, 6 tháng, 9 tháng và năm.");
    }

    private void dueDay(MatchResult match) {
        dueDays.add(Integer.parseInt(match.group(1)));
    }

    private void namedQuarters(MatchResult match) {
        for (String numeral : match.group(1).split("\\s*(?:,|\\bva\\b)\\s*")) {
            ask(switch (numeral) {
                case "i", "1" -> PeriodType.Q1;
                case "ii", "2" -> PeriodType.Q2;
                case "iii", "3" -> PeriodType.Q3;
                case "iv", "4" -> PeriodType.Q4;
                default -> throw new IllegalStateException("the pattern admits quarters I to IV only: " + numeral);
            });
        }
    }

    private void monthsOfYear(MatchResult match) {
        ask(match.group(1).equals("6") ? PeriodType.HALF_YEAR : PeriodType.NINE_MONTHS);
    }

    private void unreadIfWritten(MatchResult match, String word) {
        if (text.writtenAs(match.start(1), match.end(1), word)) {
            refuse("Không đọc được \"" + text.originalOf(match.start(), match.end(2)) + "\".");
        }
    }

    private void ask(PeriodType... types) {
        asked.addAll(List.of(types));
    }

    /** Keeps the first problem: it is the one nearest the cause. */
    private void refuse(String why) {
        if (problem == null) {
            problem = why;
        }
    }

    private String original(MatchResult match) {
        return text.originalOf(match.start(), match.end());
    }
}
