package vn.gov.par.support.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.gov.par.support.reporting.PeriodType.HALF_YEAR;
import static vn.gov.par.support.reporting.PeriodType.NINE_MONTHS;
import static vn.gov.par.support.reporting.PeriodType.Q1;
import static vn.gov.par.support.reporting.PeriodType.Q2;
import static vn.gov.par.support.reporting.PeriodType.Q3;
import static vn.gov.par.support.reporting.PeriodType.Q4;
import static vn.gov.par.support.reporting.PeriodType.YEAR;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expectations come from the product owner's rules: one report per period end (March, June,
 * September, December), the widest asked for there; due on the stated day (else the 20th) of the
 * period's last month; data from the 15th of the month before the first month to the 14th of the
 * last month; anything not understood is refused, never guessed.
 */
class ReportingClauseParserTest {

    private static final ReportingRules DEFAULTS = ReportingRules.defaults();

    /** One clause and what it must give. {@code dueDates} are "dd/MM" in the row's year, in period order. */
    record Row(String source, String clause, int year, boolean recognised, boolean adHoc, List<PeriodType> types,
               String dueDates) {

        @Override
        public String toString() {
            return source + ": " + clause;
        }
    }

    static Row reads(String source, String clause, int year, String dueDates, PeriodType... types) {
        return new Row(source, clause, year, true, false, List.of(types), dueDates);
    }

    static Row readsWithAdHoc(String source, String clause, int year, String dueDates, PeriodType... types) {
        return new Row(source, clause, year, true, true, List.of(types), dueDates);
    }

    static Row refuses(String source, String clause) {
        return new Row(source, clause, 2025, false, false, List.of(), "");
    }

    static Stream<Row> clauses() {
        return Stream.of(
                // --- every clause of /work/shared/plans/*.txt that mentions "báo cáo", plus the Phòng Nội vụ duty
                reads("000_7944d3a35a67f0eb.txt line 225",
                        "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả tuyên truyền cải cách"
                                + " hành chính về UBND huyện (*qua Phòng Văn hóa và Thông tin*).",
                        2024, "20/03 20/06 20/09 20/12", Q1, HALF_YEAR, NINE_MONTHS, YEAR),
                reads("003_8631ef60f4e490cd.txt line 84",
                        "- Định kỳ 6 tháng, năm, báo cáo tình hình, kết quả thực hiện công tác thông tin, tuyên truyền"
                                + " cải cách hành chính của cơ quan, đơn vị mình gửi về UBND thị xã (qua Phòng Nội vụ)"
                                + " để theo dõi, chỉ đạo (*lồng ghép vào báo cáo cải cách hành chính 06 tháng, năm của"
                                + " cơ quan, đơn vị*).",
                        2022, "20/06 20/12", HALF_YEAR, YEAR),
                // "định kỳ" with no period named: a person must say which periods are meant
                refuses("000_7944d3a35a67f0eb.txt line 173",
                        "Theo dõi, kiểm tra, đôn đốc quá trình tổ chức thực hiện; định kỳ tổng hợp báo cáo UBND huyện"
                                + " tình hình và kết quả thực hiện Kế hoạch này."),
                refuses("003_8631ef60f4e490cd.txt line 88",
                        "- Huy động, bố trí và sử dụng cán bộ, công chức có đủ năng lực và trình độ hiểu biết về Nhà"
                                + " nước và pháp luật, về hành chính nhà nước, thực hiện theo dõi, hướng dẫn và báo cáo"
                                + " tình hình thực hiện công tác thông tin, tuyên truyền về cải cách hành chính nhà nước"
                                + " của cơ quan, đơn vị."),
                refuses("003_8631ef60f4e490cd.txt line 94",
                        "- Theo dõi, kiểm tra, đôn đốc các cơ quan, đơn vị xây dựng, tổ chức thực hiện kế hoạch thông"
                                + " tin, tuyên truyền cải cách hành chính năm 2022. Định kỳ tổng hợp, đánh giá tình hình,"
                                + " kết quả thực hiện công tác thông tin, tuyên truyền cải cách hành chính của các cơ"
                                + " quan, đơn vị."),
                // "báo cáo" here names the national reporting information system, not a report
                refuses("001_e465abfd89d95141.txt line 198",
                        "triển khai, xây dựng, hoàn thiện và kết nối liên thông Hệ thống thông tin báo cáo của"),
                refuses("001_e465abfd89d95141.txt line 200",
                        "bộ, ngành, địa phương với Hệ thống thông tin báo cáo quốc gia, tình hình thực hiện"),

                // --- the forms real plans use
                reads("form", "hàng quý, 06 tháng, 09 tháng và năm", 2025, "20/03 20/06 20/09 20/12",
                        Q1, HALF_YEAR, NINE_MONTHS, YEAR),
                reads("form", "quý I, 6 tháng, quý III, hàng năm", 2025, "20/03 20/06 20/09 20/12",
                        Q1, HALF_YEAR, Q3, YEAR),
                reads("form", "6 tháng, năm", 2025, "20/06 20/12", HALF_YEAR, YEAR),
                reads("form", "hằng năm", 2025, "20/12", YEAR),
                reads("form", "hàng năm", 2025, "20/12", YEAR),
                reads("form", "định kỳ 6 tháng và năm", 2025, "20/06 20/12", HALF_YEAR, YEAR),
                reads("form", "báo cáo năm", 2025, "20/12", YEAR),
                reads("form", "hàng quý", 2025, "20/03 20/06 20/09 20/12", Q1, Q2, Q3, Q4),
                reads("form", "hàng quý, năm", 2025, "20/03 20/06 20/09 20/12", Q1, Q2, Q3, YEAR),
                reads("form", "Định kỳ ngày 20 hàng quý", 2025, "20/03 20/06 20/09 20/12", Q1, Q2, Q3, Q4),
                reads("form", "Báo cáo hàng quý trước ngày 15 của tháng cuối quý về Sở Nội vụ.", 2025,
                        "15/03 15/06 15/09 15/12", Q1, Q2, Q3, Q4),
                reads("form", "Báo cáo 6 tháng đầu năm và năm", 2025, "20/06 20/12", HALF_YEAR, YEAR),
                reads("form", "Quý I/2025, 6 tháng, 9 tháng và cả năm", 2025, "20/03 20/06 20/09 20/12",
                        Q1, HALF_YEAR, NINE_MONTHS, YEAR),
                reads("form", "báo cáo quý I, II và III, năm", 2025, "20/03 20/06 20/09 20/12", Q1, Q2, Q3, YEAR),
                reads("form", "Báo cáo 6 tháng, năm theo quy định", 2025, "20/06 20/12", HALF_YEAR, YEAR),
                reads("form", "Báo cáo năm trước ngày 31 của tháng cuối kỳ báo cáo", 2025, "31/12", YEAR),
                // a cited document's date is not a deadline
                reads("form", "Báo cáo 6 tháng, năm theo Kế hoạch số 96/KH-UBND ngày 19/3/2024 của UBND tỉnh", 2025,
                        "20/06 20/12", HALF_YEAR, YEAR),
                // "Nam" (south, Việt Nam, Quảng Nam) folds like "năm" but is not the year
                reads("form", "Báo cáo hàng quý kết quả tuyên truyền về cải cách hành chính tại Việt Nam", 2025,
                        "20/03 20/06 20/09 20/12", Q1, Q2, Q3, Q4),
                reads("form", "Định kỳ 6 tháng báo cáo về UBND tỉnh Quảng Nam", 2025, "20/06", HALF_YEAR),
                readsWithAdHoc("form", "Báo cáo định kỳ 6 tháng, năm và đột xuất", 2025, "20/06 20/12",
                        HALF_YEAR, YEAR),
                readsWithAdHoc("form", "đột xuất", 2025, ""),
                // decision: reports "at the higher level's request" are ad hoc reports
                readsWithAdHoc("form", "theo yêu cầu của cấp trên", 2025, ""),
                readsWithAdHoc("form", "Báo cáo đột xuất khi có yêu cầu", 2025, ""),

                // --- OCR: no diacritics
                reads("OCR", "Dinh ky ngay 20 hang quy, 06 thang, 09 thang va nam bao cao ket qua tuyen truyen cai"
                                + " cach hanh chinh ve UBND huyen (qua Phong Van hoa va Thong tin).",
                        2024, "20/03 20/06 20/09 20/12", Q1, HALF_YEAR, NINE_MONTHS, YEAR),
                reads("OCR", "hang quy, 06 thang, 09 thang va nam", 2025, "20/03 20/06 20/09 20/12",
                        Q1, HALF_YEAR, NINE_MONTHS, YEAR),
                reads("OCR", "Dinh ky 6 thang, nam, bao cao tinh hinh gui ve UBND thi xa (qua Phong Noi vu)", 2022,
                        "20/06 20/12", HALF_YEAR, YEAR),
                reads("OCR", "quy I, 6 thang, quy III, hang nam", 2025, "20/03 20/06 20/09 20/12",
                        Q1, HALF_YEAR, Q3, YEAR),
                reads("OCR", "hang nam", 2025, "20/12", YEAR),
                reads("OCR", "bao cao hang quy truoc ngay 15 cua thang cuoi quy, theo quy dinh", 2025,
                        "15/03 15/06 15/09 15/12", Q1, Q2, Q3, Q4),

                // --- upper case
                reads("upper case", "ĐỊNH KỲ NGÀY 20 HÀNG QUÝ, 06 THÁNG, 09 THÁNG VÀ NĂM BÁO CÁO KẾT QUẢ VỀ UBND"
                        + " HUYỆN", 2024, "20/03 20/06 20/09 20/12", Q1, HALF_YEAR, NINE_MONTHS, YEAR),
                reads("upper case", "ĐỊNH KỲ 6 THÁNG, NĂM", 2022, "20/06 20/12", HALF_YEAR, YEAR),
                reads("upper case", "HẰNG NĂM", 2025, "20/12", YEAR),
                reads("upper case", "HANG QUY, 6 THANG, 9 THANG VA NAM", 2025, "20/03 20/06 20/09 20/12",
                        Q1, HALF_YEAR, NINE_MONTHS, YEAR),

                // --- must refuse
                refuses("refuse: no period", "báo cáo khi kết thúc"),
                refuses("refuse: no period", "định kỳ"),
                // "theo yêu cầu" alone may mean "as required" (in the required form), not "on request"
                refuses("refuse: no period", "Báo cáo theo yêu cầu"),
                refuses("refuse: monthly", "hàng tháng"),
                refuses("refuse: monthly", "Báo cáo hằng tháng, quý, năm"),
                refuses("refuse: monthly even with ad hoc", "hàng tháng và đột xuất"),
                refuses("refuse: weekly", "hang tuan"),
                refuses("refuse: empty", ""),
                refuses("refuse: blank", "   "),
                refuses("refuse: null", null),
                refuses("refuse: no quarter V", "quý V"),
                refuses("refuse: no quarter 5", "Báo cáo quý 5"),
                refuses("refuse: bare quarter", "báo cáo quý, 6 tháng và năm"),
                refuses("refuse: invalid day", "ngày 40 hàng quý"),
                refuses("refuse: invalid day", "Định kỳ ngày 35 hàng quý, 06 tháng, 09 tháng và năm"),
                refuses("refuse: no 31 June", "ngày 31 hàng quý"),
                refuses("refuse: due before cut-off", "ngày 10 hàng quý"),
                refuses("refuse: two due days", "ngày 15 hàng quý, ngày 20 hàng năm"),
                refuses("refuse: second half-year", "6 tháng cuối năm"),
                refuses("refuse: 3 months is ambiguous", "định kỳ 03 tháng"),
                refuses("refuse: 12 months", "báo cáo 12 tháng"),
                refuses("refuse: next quarter", "hàng quý, trước ngày 05 tháng đầu quý sau"),
                refuses("refuse: calendar date", "báo cáo năm trước ngày 15/12"),
                refuses("refuse: calendar date", "báo cáo năm trước ngày 15/12/2025"),
                refuses("refuse: calendar date", "báo cáo 6 tháng trước ngày 20 tháng 6"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("clauses")
    void readsEveryClauseOrRefusesIt(Row row) {
        ReportingSchedule schedule = ReportingClauseParser.parse(row.clause(), row.year(), DEFAULTS);

        assertThat(schedule.text()).isEqualTo(row.clause());
        assertThat(schedule.recognised()).as("recognised (problem: %s)", schedule.problem()).isEqualTo(row.recognised());
        assertThat(schedule.adHoc()).as("adHoc").isEqualTo(row.adHoc());
        assertThat(schedule.periods()).extracting(ReportPeriod::type).containsExactlyElementsOf(row.types());
        assertThat(schedule.periods()).extracting(ReportPeriod::name)
                .containsExactlyElementsOf(row.types().stream().map(type -> expectedName(type, row.year())).toList());
        assertThat(schedule.periods()).extracting(ReportPeriod::dueDate)
                .containsExactlyElementsOf(dates(row.year(), row.dueDates()));
        if (row.recognised()) {
            assertThat(schedule.problem()).isNull();
        } else {
            assertThat(schedule.problem()).isNotBlank();
            assertThat(schedule.dueDay()).isNull();
        }
    }

    @Test
    void namesPeriodsAsOfficialsDo() {
        ReportingSchedule quarters = ReportingClauseParser.parse("hàng quý", 2025, DEFAULTS);
        ReportingSchedule cumulative = ReportingClauseParser.parse("quý I, 6 tháng, 9 tháng và năm", 2025, DEFAULTS);

        assertThat(quarters.periods()).extracting(ReportPeriod::name)
                .containsExactly("Quý I/2025", "Quý II/2025", "Quý III/2025", "Quý IV/2025");
        assertThat(cumulative.periods()).extracting(ReportPeriod::name)
                .containsExactly("Quý I/2025", "6 tháng đầu năm 2025", "9 tháng đầu năm 2025", "Năm 2025");
    }

    @Nested
    class CutOff {

        @Test
        void quartersRunFromThe15thOfTheMonthBeforeToThe14thOfTheirLastMonth() {
            List<ReportPeriod> periods = ReportingClauseParser.parse("hàng quý", 2025, DEFAULTS).periods();

            assertThat(periods).extracting(ReportPeriod::from).containsExactly(
                    LocalDate.of(2024, 12, 15), LocalDate.of(2025, 3, 15), LocalDate.of(2025, 6, 15),
                    LocalDate.of(2025, 9, 15));
            assertThat(periods).extracting(ReportPeriod::to).containsExactly(
                    LocalDate.of(2025, 3, 14), LocalDate.of(2025, 6, 14), LocalDate.of(2025, 9, 14),
                    LocalDate.of(2025, 12, 14));
        }

        @Test
        void sixMonthNineMonthAndYearReportsStartInDecemberOfThePreviousYear() {
            List<ReportPeriod> periods = ReportingClauseParser.parse("6 tháng, 9 tháng và năm", 2025, DEFAULTS)
                    .periods();

            assertThat(periods).extracting(ReportPeriod::type).containsExactly(HALF_YEAR, NINE_MONTHS, YEAR);
            assertThat(periods).extracting(ReportPeriod::from).containsOnly(LocalDate.of(2024, 12, 15));
            assertThat(periods).extracting(ReportPeriod::to).containsExactly(
                    LocalDate.of(2025, 6, 14), LocalDate.of(2025, 9, 14), LocalDate.of(2025, 12, 14));
        }

        @Test
        void theRealDistrictPlanCoversDecember2023ToDecember2024() {
            ReportingSchedule schedule = ReportingClauseParser.parse(
                    "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả tuyên truyền cải cách hành"
                            + " chính về UBND huyện (*qua Phòng Văn hóa và Thông tin*).", 2024, DEFAULTS);

            assertThat(schedule.dueDay()).isEqualTo(20);
            assertThat(schedule.periods()).containsExactly(
                    new ReportPeriod(Q1, "Quý I/2024", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 3, 14),
                            LocalDate.of(2024, 3, 20)),
                    new ReportPeriod(HALF_YEAR, "6 tháng đầu năm 2024", LocalDate.of(2023, 12, 15),
                            LocalDate.of(2024, 6, 14), LocalDate.of(2024, 6, 20)),
                    new ReportPeriod(NINE_MONTHS, "9 tháng đầu năm 2024", LocalDate.of(2023, 12, 15),
                            LocalDate.of(2024, 9, 14), LocalDate.of(2024, 9, 20)),
                    new ReportPeriod(YEAR, "Năm 2024", LocalDate.of(2023, 12, 15), LocalDate.of(2024, 12, 14),
                            LocalDate.of(2024, 12, 20)));
        }
    }

    @Nested
    class CustomRules {

        private final ReportingRules rules = new ReportingRules(25, 10);

        @Test
        void defaultDueDayAndCutOffComeFromTheRules() {
            ReportingSchedule schedule = ReportingClauseParser.parse("hàng quý, 06 tháng, 09 tháng và năm", 2025, rules);

            assertThat(schedule.dueDay()).as("no day stated").isNull();
            assertThat(schedule.periods()).containsExactly(
                    new ReportPeriod(Q1, "Quý I/2025", LocalDate.of(2024, 12, 11), LocalDate.of(2025, 3, 10),
                            LocalDate.of(2025, 3, 25)),
                    new ReportPeriod(HALF_YEAR, "6 tháng đầu năm 2025", LocalDate.of(2024, 12, 11),
                            LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 25)),
                    new ReportPeriod(NINE_MONTHS, "9 tháng đầu năm 2025", LocalDate.of(2024, 12, 11),
                            LocalDate.of(2025, 9, 10), LocalDate.of(2025, 9, 25)),
                    new ReportPeriod(YEAR, "Năm 2025", LocalDate.of(2024, 12, 11), LocalDate.of(2025, 12, 10),
                            LocalDate.of(2025, 12, 25)));
        }

        @Test
        void aStatedDayWinsOverTheDefault() {
            ReportingSchedule schedule = ReportingClauseParser.parse("Định kỳ ngày 20 hàng quý", 2025, rules);

            assertThat(schedule.dueDay()).isEqualTo(20);
            assertThat(schedule.periods()).extracting(ReportPeriod::dueDate).containsExactly(
                    LocalDate.of(2025, 3, 20), LocalDate.of(2025, 6, 20), LocalDate.of(2025, 9, 20),
                    LocalDate.of(2025, 12, 20));
            assertThat(schedule.periods()).extracting(ReportPeriod::from).containsExactly(
                    LocalDate.of(2024, 12, 11), LocalDate.of(2025, 3, 11), LocalDate.of(2025, 6, 11),
                    LocalDate.of(2025, 9, 11));
        }

        @Test
        void aStatedDayOnOrBeforeTheCutOffIsRefused() {
            ReportingSchedule schedule = ReportingClauseParser.parse("trước ngày 15 của tháng cuối quý, hàng quý",
                    2025, new ReportingRules(25, 20));

            assertThat(schedule.recognised()).isFalse();
            assertThat(schedule.periods()).isEmpty();
            assertThat(schedule.problem()).contains("ngày chốt số liệu");
        }

        @Test
        void rulesThatCannotCutPeriodsAreRejected() {
            assertThatThrownBy(() -> new ReportingRules(20, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ReportingRules(20, 30)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ReportingRules(14, 14)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ReportingRules(31, 14)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class RecipientAndVia {

        @Test
        void districtPlanReportsToTheDistrictThroughItsCultureOffice() {
            ReportingSchedule schedule = ReportingClauseParser.parse(
                    "Định kỳ ngày 20 hàng quý, 06 tháng, 09 tháng và năm báo cáo kết quả tuyên truyền cải cách hành"
                            + " chính về UBND huyện (*qua Phòng Văn hóa và Thông tin*).", 2024, DEFAULTS);

            assertThat(schedule.recipient()).isEqualTo("UBND huyện");
            assertThat(schedule.via()).isEqualTo("Phòng Văn hóa và Thông tin");
        }

        @Test
        void townPlanReportsToTheTownThroughItsHomeAffairsOffice() {
            ReportingSchedule schedule = ReportingClauseParser.parse(
                    "- Định kỳ 6 tháng, năm, báo cáo tình hình, kết quả thực hiện công tác thông tin, tuyên truyền cải"
                            + " cách hành chính của cơ quan, đơn vị mình gửi về UBND thị xã (qua Phòng Nội vụ) để theo"
                            + " dõi, chỉ đạo (*lồng ghép vào báo cáo cải cách hành chính 06 tháng, năm của cơ quan,"
                            + " đơn vị*).", 2022, DEFAULTS);

            assertThat(schedule.recipient()).isEqualTo("UBND thị xã");
            assertThat(schedule.via()).isEqualTo("Phòng Nội vụ");
        }

        @Test
        void recipientWithoutVia() {
            ReportingSchedule schedule = ReportingClauseParser.parse(
                    "Báo cáo hàng quý gửi về Sở Nội vụ trước ngày 15 của tháng cuối quý.", 2025, DEFAULTS);

            assertThat(schedule.recipient()).isEqualTo("Sở Nội vụ");
            assertThat(schedule.via()).isNull();
        }

        @Test
        void recipientAfterGuiAlone() {
            ReportingSchedule schedule = ReportingClauseParser.parse(
                    "Báo cáo định kỳ hằng quý gửi Sở Nội vụ", 2025, DEFAULTS);

            assertThat(schedule.recipient()).isEqualTo("Sở Nội vụ");
        }

        @Test
        void viaWithoutBrackets() {
            ReportingSchedule schedule = ReportingClauseParser.parse(
                    "Định kỳ 6 tháng, năm báo cáo về UBND huyện qua Phòng Văn hóa và Thông tin.", 2025, DEFAULTS);

            assertThat(schedule.recipient()).isEqualTo("UBND huyện");
            assertThat(schedule.via()).isEqualTo("Phòng Văn hóa và Thông tin");
        }

        @Test
        void decomposedTextKeepsItsOwnDiacritics() {
            String nfd = Normalizer.normalize("Định kỳ 6 tháng, năm báo cáo về UBND thị xã (qua Phòng Nội vụ)",
                    Normalizer.Form.NFD);

            ReportingSchedule schedule = ReportingClauseParser.parse(nfd, 2025, DEFAULTS);

            assertThat(schedule.periods()).extracting(ReportPeriod::type).containsExactly(HALF_YEAR, YEAR);
            assertThat(schedule.recipient()).isEqualTo(Normalizer.normalize("UBND thị xã", Normalizer.Form.NFD));
            assertThat(schedule.via()).isEqualTo(Normalizer.normalize("Phòng Nội vụ", Normalizer.Form.NFD));
        }

        @Test
        void ocrTextGivesTheNamesAsWritten() {
            ReportingSchedule schedule = ReportingClauseParser.parse(
                    "Dinh ky 6 thang, nam, bao cao gui ve UBND thi xa (qua Phong Noi vu)", 2025, DEFAULTS);

            assertThat(schedule.recipient()).isEqualTo("UBND thi xa");
            assertThat(schedule.via()).isEqualTo("Phong Noi vu");
        }

        @Test
        void aboutAndResultAreNotRecipientOrVia() {
            // "về" = "about" and "kết quả" / "thông qua" + a non-office are not addresses
            ReportingSchedule schedule = ReportingClauseParser.parse(
                    "Báo cáo năm kết quả tuyên truyền về cải cách hành chính thông qua Trang thông tin điện tử",
                    2025, DEFAULTS);

            assertThat(schedule.recognised()).isTrue();
            assertThat(schedule.recipient()).isNull();
            assertThat(schedule.via()).isNull();
        }

        @Test
        void noneStated() {
            ReportingSchedule schedule = ReportingClauseParser.parse("6 tháng, năm", 2025, DEFAULTS);

            assertThat(schedule.recipient()).isNull();
            assertThat(schedule.via()).isNull();
        }

        @Test
        void anUnreadClauseStillShowsWhereReportsGo() {
            ReportingSchedule schedule = ReportingClauseParser.parse(
                    "Báo cáo hàng tháng về UBND huyện (qua Phòng Nội vụ)", 2025, DEFAULTS);

            assertThat(schedule.recognised()).isFalse();
            assertThat(schedule.periods()).isEmpty();
            assertThat(schedule.recipient()).isEqualTo("UBND huyện");
            assertThat(schedule.via()).isEqualTo("Phòng Nội vụ");
        }
    }

    @Test
    void aRefusalSaysWhy() {
        assertThat(ReportingClauseParser.parse("Báo cáo hằng tháng", 2025, DEFAULTS).problem()).contains("hằng tháng");
        assertThat(ReportingClauseParser.parse("ngày 40 hàng quý", 2025, DEFAULTS).problem()).contains("40");
        assertThat(ReportingClauseParser.parse("Báo cáo quý V", 2025, DEFAULTS).problem()).contains("quý V");
    }

    @Nested
    class AdHoc {

        @Test
        void aloneItIsRecognisedWithNoPeriods() {
            ReportingSchedule schedule = ReportingClauseParser.parse("Báo cáo đột xuất", 2025, DEFAULTS);

            assertThat(schedule.recognised()).isTrue();
            assertThat(schedule.adHoc()).isTrue();
            assertThat(schedule.periods()).isEmpty();
            assertThat(schedule.dueDay()).isNull();
        }

        @Test
        void withPeriodicReportsItKeepsThePeriods() {
            ReportingSchedule schedule = ReportingClauseParser.parse(
                    "Định kỳ ngày 20 hàng quý và đột xuất báo cáo về UBND huyện", 2025, DEFAULTS);

            assertThat(schedule.recognised()).isTrue();
            assertThat(schedule.adHoc()).isTrue();
            assertThat(schedule.dueDay()).isEqualTo(20);
            assertThat(schedule.periods()).extracting(ReportPeriod::type).containsExactly(Q1, Q2, Q3, Q4);
            assertThat(schedule.recipient()).isEqualTo("UBND huyện");
        }

        @Test
        void withoutDiacriticsOrInCapitals() {
            assertThat(ReportingClauseParser.parse("bao cao dot xuat", 2025, DEFAULTS).adHoc()).isTrue();
            assertThat(ReportingClauseParser.parse("ĐỘT XUẤT", 2025, DEFAULTS).adHoc()).isTrue();
        }
    }

    private static List<LocalDate> dates(int year, String dayMonths) {
        return Arrays.stream(dayMonths.split("\\s+"))
                .filter(dayMonth -> !dayMonth.isEmpty())
                .map(dayMonth -> dayMonth.split("/"))
                .map(parts -> LocalDate.of(year, Integer.parseInt(parts[1]), Integer.parseInt(parts[0])))
                .toList();
    }

    private static String expectedName(PeriodType type, int year) {
        return switch (type) {
            case Q1 -> "Quý I/" + year;
            case Q2 -> "Quý II/" + year;
            case Q3 -> "Quý III/" + year;
            case Q4 -> "Quý IV/" + year;
            case HALF_YEAR -> "6 tháng đầu năm " + year;
            case NINE_MONTHS -> "9 tháng đầu năm " + year;
            case YEAR -> "Năm " + year;
        };
    }
}
