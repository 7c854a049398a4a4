package vn.gov.par.support.timeframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected values are derived from the product owner's conventions (a period is due on its last day, an explicit
 * date on that day, ISO weeks due on Sunday within the year), not from running the parser.
 */
class TimeframeParserTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @ParameterizedTest(name = "[{index}] \"{0}\" in plan {1} -> {2}, {4} occurrence(s) {5}..{6}")
    @CsvSource(delimiter = '|', textBlock = """
            # text                                | plan | kind         | recog | n  | first due  | last due
            # --- every "Thời gian thực hiện" in plans/000 (huyện Hớn Quản 2024), as written
            thường xuyên.                         | 2024 | ONGOING      | true  | 0  |            |
            trong năm 2024.                       | 2024 | ONCE         | true  | 1  | 31/12/2024 | 31/12/2024
            hàng quý/2024.                        | 2024 | QUARTERLY    | true  | 4  | 31/03/2024 | 31/12/2024
            năm 2024.                             | 2024 | ONCE         | true  | 1  | 31/12/2024 | 31/12/2024
            định kỳ.                              | 2024 | PERIODIC     | true  | 0  |            |
            - Thời gian thực hiện: thường xuyên.  | 2024 | ONGOING      | true  | 0  |            |
            - Thời gian thực hiện: hàng quý/2024. | 2024 | QUARTERLY    | true  | 4  | 31/03/2024 | 31/12/2024
            # --- other timeframes in the plans: 000 report cadence (ambiguous, refused), 001, 003
            Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm | 2024 | UNRECOGNISED | false | 0  |            |
            thường xuyên, liên tục                | 2024 | ONGOING      | true  | 0  |            |
            Định kỳ 6 tháng, năm                  | 2022 | HALF_YEARLY  | true  | 2  | 30/06/2022 | 31/12/2022
            06 tháng, năm                         | 2022 | HALF_YEARLY  | true  | 2  | 30/06/2022 | 31/12/2022
            Định kỳ                               | 2022 | PERIODIC     | true  | 0  |            |
            # --- phrases from the design guide and the product owner's conventions
            chậm nhất trong tháng 02/2025         | 2025 | ONCE         | true  | 1  | 28/02/2025 | 28/02/2025
            Thường xuyên, trong năm 2024          | 2024 | ONGOING      | true  | 0  |            |
            Quý I/2025                            | 2025 | ONCE         | true  | 1  | 31/03/2025 | 31/03/2025
            trước ngày 15/3/2025                  | 2025 | ONCE         | true  | 1  | 15/03/2025 | 15/03/2025
            chậm nhất ngày 15/3/2025              | 2025 | ONCE         | true  | 1  | 15/03/2025 | 15/03/2025
            ngày 15/03/2025                       | 2025 | ONCE         | true  | 1  | 15/03/2025 | 15/03/2025
            trước 15/3                            | 2025 | ONCE         | true  | 1  | 15/03/2025 | 15/03/2025
            trước ngày 15 tháng 3 năm 2025        | 2025 | ONCE         | true  | 1  | 15/03/2025 | 15/03/2025
            Hạn chót 30/4                         | 2025 | ONCE         | true  | 1  | 30/04/2025 | 30/04/2025
            ngày 29/02/2024                       | 2025 | ONCE         | true  | 1  | 29/02/2024 | 29/02/2024
            trong tháng 02/2025                   | 2025 | ONCE         | true  | 1  | 28/02/2025 | 28/02/2025
            tháng 02/2025                         | 2025 | ONCE         | true  | 1  | 28/02/2025 | 28/02/2025
            tháng 2                               | 2025 | ONCE         | true  | 1  | 28/02/2025 | 28/02/2025
            tháng 2                               | 2024 | ONCE         | true  | 1  | 29/02/2024 | 29/02/2024
            tháng 3 năm 2025                      | 2024 | ONCE         | true  | 1  | 31/03/2025 | 31/03/2025
            hàng tháng                            | 2025 | MONTHLY      | true  | 12 | 31/01/2025 | 31/12/2025
            hằng tháng                            | 2024 | MONTHLY      | true  | 12 | 31/01/2024 | 31/12/2024
            mỗi tháng                             | 2025 | MONTHLY      | true  | 12 | 31/01/2025 | 31/12/2025
            1 lần/tháng                           | 2025 | MONTHLY      | true  | 12 | 31/01/2025 | 31/12/2025
            hàng tháng năm 2024                   | 2025 | MONTHLY      | true  | 12 | 31/01/2024 | 31/12/2024
            hàng quý                              | 2025 | QUARTERLY    | true  | 4  | 31/03/2025 | 31/12/2025
            hằng quý                              | 2025 | QUARTERLY    | true  | 4  | 31/03/2025 | 31/12/2025
            mỗi quý 01 lần                        | 2025 | QUARTERLY    | true  | 4  | 31/03/2025 | 31/12/2025
            Hàng quí                              | 2025 | QUARTERLY    | true  | 4  | 31/03/2025 | 31/12/2025
            định kỳ hàng quý                      | 2025 | QUARTERLY    | true  | 4  | 31/03/2025 | 31/12/2025
            hàng quý/2024                         | 2025 | QUARTERLY    | true  | 4  | 31/03/2024 | 31/12/2024
            hàng tuần                             | 2025 | WEEKLY       | true  | 52 | 05/01/2025 | 28/12/2025
            mỗi tuần                              | 2026 | WEEKLY       | true  | 53 | 04/01/2026 | 31/12/2026
            mỗi tuần 01 lần                       | 2024 | WEEKLY       | true  | 52 | 07/01/2024 | 29/12/2024
            hàng tuần                             | 2020 | WEEKLY       | true  | 53 | 05/01/2020 | 31/12/2020
            6 tháng một lần                       | 2025 | HALF_YEARLY  | true  | 2  | 30/06/2025 | 31/12/2025
            06 tháng/lần                          | 2025 | HALF_YEARLY  | true  | 2  | 30/06/2025 | 31/12/2025
            định kỳ 06 tháng                      | 2025 | HALF_YEARLY  | true  | 2  | 30/06/2025 | 31/12/2025
            mỗi 6 tháng                           | 2025 | HALF_YEARLY  | true  | 2  | 30/06/2025 | 31/12/2025
            Định kỳ 6 tháng một lần               | 2024 | HALF_YEARLY  | true  | 2  | 30/06/2024 | 31/12/2024
            hàng năm                              | 2025 | YEARLY       | true  | 1  | 31/12/2025 | 31/12/2025
            Định kì hằng năm                      | 2025 | YEARLY       | true  | 1  | 31/12/2025 | 31/12/2025
            trong năm 2025                        | 2025 | ONCE         | true  | 1  | 31/12/2025 | 31/12/2025
            năm 2025                              | 2024 | ONCE         | true  | 1  | 31/12/2025 | 31/12/2025
            cả năm                                | 2025 | ONCE         | true  | 1  | 31/12/2025 | 31/12/2025
            trong năm                             | 2025 | ONCE         | true  | 1  | 31/12/2025 | 31/12/2025
            từ tháng 4 đến tháng 6/2025           | 2025 | ONCE         | true  | 1  | 30/06/2025 | 30/06/2025
            tháng 3 - tháng 5/2025                | 2025 | ONCE         | true  | 1  | 31/05/2025 | 31/05/2025
            tháng 3–5/2025                        | 2025 | ONCE         | true  | 1  | 31/05/2025 | 31/05/2025
            từ tháng 11/2024 đến tháng 2/2025     | 2025 | ONCE         | true  | 1  | 28/02/2025 | 28/02/2025
            quý II/2025                           | 2025 | ONCE         | true  | 1  | 30/06/2025 | 30/06/2025
            quý 2 năm 2025                        | 2025 | ONCE         | true  | 1  | 30/06/2025 | 30/06/2025
            trong quý 3                           | 2025 | ONCE         | true  | 1  | 30/09/2025 | 30/09/2025
            từ quý I đến quý III/2025             | 2025 | ONCE         | true  | 1  | 30/09/2025 | 30/09/2025
            quý I - II/2025                       | 2025 | ONCE         | true  | 1  | 30/06/2025 | 30/06/2025
            6 tháng đầu năm 2025                  | 2025 | ONCE         | true  | 1  | 30/06/2025 | 30/06/2025
            6 tháng cuối năm 2025                 | 2025 | ONCE         | true  | 1  | 31/12/2025 | 31/12/2025
            9 tháng đầu năm                       | 2025 | ONCE         | true  | 1  | 30/09/2025 | 30/09/2025
            3 tháng đầu năm 2025                  | 2025 | ONCE         | true  | 1  | 31/03/2025 | 31/03/2025
            06 tháng cuối năm 2024                | 2025 | ONCE         | true  | 1  | 31/12/2024 | 31/12/2024
            từ ngày 01/3 đến ngày 31/3/2025       | 2025 | ONCE         | true  | 1  | 31/03/2025 | 31/03/2025
            Thường xuyên                          | 2025 | ONGOING      | true  | 0  |            |
            Định kỳ và đột xuất                   | 2025 | PERIODIC     | true  | 0  |            |
            Đột xuất                              | 2025 | ON_DEMAND    | true  | 0  |            |
            khi có yêu cầu                        | 2025 | ON_DEMAND    | true  | 0  |            |
            theo yêu cầu                          | 2025 | ON_DEMAND    | true  | 0  |            |
            Đột xuất, khi có yêu cầu              | 2025 | ON_DEMAND    | true  | 0  |            |
            # --- OCR text without diacritics
            hang thang                            | 2025 | MONTHLY      | true  | 12 | 31/01/2025 | 31/12/2025
            trong nam 2024                        | 2024 | ONCE         | true  | 1  | 31/12/2024 | 31/12/2024
            thuong xuyen                          | 2024 | ONGOING      | true  | 0  |            |
            thuong xuyen, trong nam 2024          | 2024 | ONGOING      | true  | 0  |            |
            dot xuat                              | 2024 | ON_DEMAND    | true  | 0  |            |
            khi co yeu cau                        | 2024 | ON_DEMAND    | true  | 0  |            |
            quy II/2025                           | 2025 | ONCE         | true  | 1  | 30/06/2025 | 30/06/2025
            chậm nhất trong thang 02/2025         | 2025 | ONCE         | true  | 1  | 28/02/2025 | 28/02/2025
            hang quy/2024                         | 2024 | QUARTERLY    | true  | 4  | 31/03/2024 | 31/12/2024
            dinh ky                               | 2024 | PERIODIC     | true  | 0  |            |
            6 thang dau nam 2025                  | 2025 | ONCE         | true  | 1  | 30/06/2025 | 30/06/2025
            tu thang 4 den thang 6/2025           | 2025 | ONCE         | true  | 1  | 30/06/2025 | 30/06/2025
            truoc ngay 15/3/2025                  | 2025 | ONCE         | true  | 1  | 15/03/2025 | 15/03/2025
            # --- upper case, odd spacing and punctuation
            THƯỜNG XUYÊN                          | 2024 | ONGOING      | true  | 0  |            |
            TRONG NĂM 2024                        | 2024 | ONCE         | true  | 1  | 31/12/2024 | 31/12/2024
            '  Hàng   Quý / 2024 ; '              | 2025 | QUARTERLY    | true  | 4  | 31/03/2024 | 31/12/2024
            QUÝ IV/2025                           | 2025 | ONCE         | true  | 1  | 31/12/2025 | 31/12/2025
            CHẬM NHẤT TRONG THÁNG 02/2025.        | 2025 | ONCE         | true  | 1  | 28/02/2025 | 28/02/2025
            ĐỘT XUẤT                              | 2025 | ON_DEMAND    | true  | 0  |            |
            # OCR reads Đ as the look-alike Ð (U+00D0)
            Ðột xuất                              | 2025 | ON_DEMAND    | true  | 0  |            |
            HANG TUAN                             | 2025 | WEEKLY       | true  | 52 | 05/01/2025 | 28/12/2025
            # --- refused: kept as written, never guessed
                                                  | 2025 | UNRECOGNISED | false | 0  |            |
            ''                                    | 2025 | UNRECOGNISED | false | 0  |            |
            '   '                                 | 2025 | UNRECOGNISED | false | 0  |            |
            sau khi có hướng dẫn                  | 2025 | UNRECOGNISED | false | 0  |            |
            theo tiến độ                          | 2025 | UNRECOGNISED | false | 0  |            |
            tháng 13/2025                         | 2025 | UNRECOGNISED | false | 0  |            |
            quý V                                 | 2025 | UNRECOGNISED | false | 0  |            |
            quý 5 năm 2025                        | 2025 | UNRECOGNISED | false | 0  |            |
            quý 0/2025                            | 2025 | UNRECOGNISED | false | 0  |            |
            ngày 31/2/2025                        | 2025 | UNRECOGNISED | false | 0  |            |
            ngày 29/02/2025                       | 2025 | UNRECOGNISED | false | 0  |            |
            2025-2026 giai đoạn                   | 2025 | UNRECOGNISED | false | 0  |            |
            tuần tới                              | 2025 | UNRECOGNISED | false | 0  |            |
            sớm nhất có thể                       | 2025 | UNRECOGNISED | false | 0  |            |
            từ tháng 6 đến tháng 4/2025           | 2025 | UNRECOGNISED | false | 0  |            |
            từ ngày 31/3 đến ngày 01/3/2025       | 2025 | UNRECOGNISED | false | 0  |            |
            mỗi tháng 02 lần                      | 2025 | UNRECOGNISED | false | 0  |            |
            6 tháng                               | 2025 | UNRECOGNISED | false | 0  |            |
            năm                                   | 2025 | UNRECOGNISED | false | 0  |            |
            trước tháng 3/2025                    | 2025 | UNRECOGNISED | false | 0  |            |
            02/2025                               | 2025 | UNRECOGNISED | false | 0  |            |
            hàng quý/24                           | 2025 | UNRECOGNISED | false | 0  |            |
            thường xuyên, định kỳ                 | 2025 | UNRECOGNISED | false | 0  |            |
            Thường xuyên, trong năm 2025          | 2024 | UNRECOGNISED | false | 0  |            |
            """)
    void parsesTheTable(String text, int planYear, ScheduleKind kind, boolean recognised, int count,
            String firstDue, String lastDue) {
        Schedule schedule = TimeframeParser.parse(text, planYear);

        assertThat(schedule.text()).isEqualTo(text);
        assertThat(schedule.kind()).isEqualTo(kind);
        assertThat(schedule.recognised()).isEqualTo(recognised);
        assertThat(schedule.occurrences()).hasSize(count);
        if (count > 0) {
            assertThat(schedule.occurrences().get(0).dueDate()).isEqualTo(day(firstDue));
            assertThat(schedule.occurrences().get(count - 1).dueDate()).isEqualTo(day(lastDue));
        }
    }

    @ParameterizedTest(name = "\"{0}\" in plan {1} -> {2} {3}..{4}")
    @CsvSource(delimiter = '|', textBlock = """
            Quý I/2025                        | 2025 | Quý I/2025                          | 01/01/2025 | 31/03/2025
            quý 2 năm 2025                    | 2025 | Quý II/2025                         | 01/04/2025 | 30/06/2025
            từ quý I đến quý III/2025         | 2025 | Từ quý I đến quý III/2025           | 01/01/2025 | 30/09/2025
            từ tháng 4 đến tháng 6/2025       | 2025 | Từ tháng 4 đến tháng 6/2025         | 01/04/2025 | 30/06/2025
            từ tháng 11/2024 đến tháng 2/2025 | 2025 | Từ tháng 11/2024 đến tháng 2/2025   | 01/11/2024 | 28/02/2025
            chậm nhất trong tháng 02/2025     | 2025 | Tháng 2/2025                        | 01/02/2025 | 28/02/2025
            6 tháng đầu năm 2025              | 2025 | 6 tháng đầu năm 2025                | 01/01/2025 | 30/06/2025
            6 tháng cuối năm 2025             | 2025 | 6 tháng cuối năm 2025               | 01/07/2025 | 31/12/2025
            9 tháng đầu năm                   | 2025 | 9 tháng đầu năm 2025                | 01/01/2025 | 30/09/2025
            từ ngày 01/3 đến ngày 31/3/2025   | 2025 | Từ 01/03/2025 đến 31/03/2025        | 01/03/2025 | 31/03/2025
            trước ngày 15/3/2025              | 2025 | Ngày 15/03/2025                     | 15/03/2025 | 15/03/2025
            trong năm 2024                    | 2024 | Năm 2024                            | 01/01/2024 | 31/12/2024
            năm 2025                          | 2024 | Năm 2025                            | 01/01/2025 | 31/12/2025
            hàng năm                          | 2025 | Năm 2025                            | 01/01/2025 | 31/12/2025
            """)
    void singleOccurrenceHasLabelPeriodStartAndDueDate(String text, int planYear, String label, String periodStart,
            String dueDate) {
        assertThat(TimeframeParser.parse(text, planYear).occurrences())
                .containsExactly(new Occurrence(label, day(periodStart), day(dueDate)));
    }

    @Test
    void februaryIsDueOnItsLastDayInLeapAndCommonYears() {
        assertThat(TimeframeParser.parse("tháng 2", 2024).occurrences())
                .containsExactly(new Occurrence("Tháng 2/2024", day("01/02/2024"), day("29/02/2024")));
        assertThat(TimeframeParser.parse("tháng 2", 2025).occurrences())
                .containsExactly(new Occurrence("Tháng 2/2025", day("01/02/2025"), day("28/02/2025")));
        assertThat(TimeframeParser.parse("hằng tháng", 2024).occurrences().get(1).dueDate())
                .isEqualTo(day("29/02/2024"));
        assertThat(TimeframeParser.parse("ngày 29/02/2024", 2024).recognised()).isTrue();
        assertThat(TimeframeParser.parse("ngày 29/02/2025", 2025).recognised()).isFalse();
    }

    @Test
    void monthlyAndQuarterlyOccurrencesCoverTheYearInOrder() {
        List<Occurrence> months = TimeframeParser.parse("hàng tháng", 2025).occurrences();
        assertThat(months).extracting(Occurrence::label).containsExactly(
                "Tháng 1/2025", "Tháng 2/2025", "Tháng 3/2025", "Tháng 4/2025", "Tháng 5/2025", "Tháng 6/2025",
                "Tháng 7/2025", "Tháng 8/2025", "Tháng 9/2025", "Tháng 10/2025", "Tháng 11/2025", "Tháng 12/2025");
        assertThat(months).extracting(Occurrence::dueDate).containsExactly(
                day("31/01/2025"), day("28/02/2025"), day("31/03/2025"), day("30/04/2025"), day("31/05/2025"),
                day("30/06/2025"), day("31/07/2025"), day("31/08/2025"), day("30/09/2025"), day("31/10/2025"),
                day("30/11/2025"), day("31/12/2025"));

        assertThat(TimeframeParser.parse("hàng quý/2024", 2024).occurrences()).containsExactly(
                new Occurrence("Quý I/2024", day("01/01/2024"), day("31/03/2024")),
                new Occurrence("Quý II/2024", day("01/04/2024"), day("30/06/2024")),
                new Occurrence("Quý III/2024", day("01/07/2024"), day("30/09/2024")),
                new Occurrence("Quý IV/2024", day("01/10/2024"), day("31/12/2024")));
    }

    @Test
    void halfYearlyAndTheSixMonthAndYearReportCadence() {
        assertThat(TimeframeParser.parse("6 tháng một lần", 2025).occurrences()).containsExactly(
                new Occurrence("6 tháng đầu năm 2025", day("01/01/2025"), day("30/06/2025")),
                new Occurrence("6 tháng cuối năm 2025", day("01/07/2025"), day("31/12/2025")));
        assertThat(TimeframeParser.parse("Định kỳ 6 tháng, năm", 2022).occurrences()).containsExactly(
                new Occurrence("6 tháng đầu năm 2022", day("01/01/2022"), day("30/06/2022")),
                new Occurrence("Năm 2022", day("01/01/2022"), day("31/12/2022")));
    }

    @ParameterizedTest(name = "weeks of {0}")
    @ValueSource(ints = {2015, 2020, 2021, 2022, 2024, 2025, 2026, 2027, 2032})
    void weeklyOccurrencesAreIsoWeeksDueOnSundaysWithinTheYear(int year) {
        List<Occurrence> weeks = TimeframeParser.parse("hàng tuần", year).occurrences();
        LocalDate lastDay = LocalDate.of(year, 12, 31);
        // 28 December always lies in the last ISO week of its year.
        int isoWeeks = LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);

        assertThat(weeks).hasSize(isoWeeks);
        for (int i = 0; i < weeks.size(); i++) {
            Occurrence week = weeks.get(i);
            assertThat(week.label()).isEqualTo("Tuần " + (i + 1) + "/" + year);
            assertThat(week.periodStart().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(week.dueDate().getYear()).isEqualTo(year);
            assertThat(week.dueDate().getDayOfWeek() == DayOfWeek.SUNDAY || week.dueDate().equals(lastDay))
                    .as("%s is due on a Sunday or on 31/12", week).isTrue();
            if (i > 0) {
                assertThat(week.periodStart()).isEqualTo(weeks.get(i - 1).periodStart().plusWeeks(1));
            }
        }
    }

    @Test
    void aWeekRunningIntoTheNextYearIsDueOnTheLastDayOfTheYear() {
        List<Occurrence> weeks = TimeframeParser.parse("mỗi tuần", 2026).occurrences();
        assertThat(weeks.get(0)).isEqualTo(new Occurrence("Tuần 1/2026", day("29/12/2025"), day("04/01/2026")));
        assertThat(weeks.get(52)).isEqualTo(new Occurrence("Tuần 53/2026", day("28/12/2026"), day("31/12/2026")));
    }

    @Test
    void ongoingAndPeriodicWorkIsRecognisedWithNoDatesOfItsOwn() {
        // Such work is checked at the plan's report periods, which only reach task-service with the plan's reporting schedule.
        for (String text : List.of("thường xuyên", "Định kỳ", "thuong xuyen, lien tuc")) {
            Schedule schedule = TimeframeParser.parse(text, 2024);
            assertThat(schedule.recognised()).isTrue();
            assertThat(schedule.kind().checkedAtReportPeriods()).isTrue();
            assertThat(schedule.occurrences()).isEmpty();
        }
    }

    @Test
    void theOriginalTextIsKeptVerbatim() {
        List<String> texts = new ArrayList<>(Arrays.asList(
                "  Hàng   Quý / 2024 ; ", "- Thời gian thực hiện: thường xuyên.", "THƯỜNG XUYÊN",
                "sau khi có hướng dẫn", "tháng 13/2025", "", "   ", null));
        for (String text : texts) {
            assertThat(TimeframeParser.parse(text, 2024).text()).isSameAs(text);
        }
    }

    @Test
    void decomposedUnicodeReadsTheSameAsComposed() {
        String composed = "Chậm nhất trong tháng 02/2025";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);

        assertThat(TimeframeParser.parse(decomposed, 2025).occurrences())
                .isEqualTo(TimeframeParser.parse(composed, 2025).occurrences())
                .hasSize(1);
    }

    @Test
    void aScheduleIsRecognisedExactlyWhenItsKindIsNotUnrecognised() {
        assertThatThrownBy(() -> new Schedule("x", ScheduleKind.UNRECOGNISED, true, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule("x", ScheduleKind.ONCE, false, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeframeParser.parse("hàng tháng", 2025).occurrences().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static LocalDate day(String ddMMyyyy) {
        return LocalDate.parse(ddMMyyyy, DAY);
    }
}
