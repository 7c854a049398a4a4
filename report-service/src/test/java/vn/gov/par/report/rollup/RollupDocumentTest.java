package vn.gov.par.report.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.gov.par.report.ledger.ExecutionScore;
import vn.gov.par.report.ledger.TaskLedger;
import vn.gov.par.report.report.Indicators;

/** Renders a hand-built district roll-up and reads the .docx back with POI. */
class RollupDocumentTest {

    private static final LocalDate DUE = LocalDate.of(2025, 4, 20);
    private static final Indicators ON_TIME = new Indicators(12, 4, 2, 30, 1, 850, 500, 6, 1, 120);
    private static final Indicators LATE = new Indicators(8, 2, 1, 15, 2, 430, 300, 4, 0, 0);

    private static final Indicators OWN = new Indicators(3, 1, 0, 2, 1, 60, 0, 1, 0, 0);

    private static final List<ReportRollup.UnitLine> LINES = List.of(
            new ReportRollup.UnitLine("694", "UBND huyện Hớn Quản", "DISTRICT", 0, "70", "Q1", "ON_TIME", "SUBMITTED", DUE,
                    Instant.parse("2025-04-19T02:00:00Z"), OWN, null),
            new ReportRollup.UnitLine("25423", "UBND xã Tân Hưng", "COMMUNE", 1, "694", "Q1", "ON_TIME", "ACCEPTED", DUE,
                    Instant.parse("2025-04-18T02:00:00Z"), ON_TIME, score(20, 19)),
            // 18:30 UTC on the 21st is 01:30 on the 22nd in Vietnam: the late date must be the local one.
            new ReportRollup.UnitLine("25426", "UBND xã Thanh An", "COMMUNE", 1, "694", "Q1", "LATE", "SUBMITTED", DUE,
                    Instant.parse("2025-04-21T18:30:00Z"), LATE, score(10, 10)),
            new ReportRollup.UnitLine("25429", "UBND xã An Khương", "COMMUNE", 1, "694", "Q1", "RETURNED", "RETURNED", DUE,
                    null, null, score(10, 8)),
            new ReportRollup.UnitLine("25420", "UBND thị trấn Tân Khai", "COMMUNE", 1, "694", "Q1", "MISSING", "EXPECTED", DUE,
                    null, null, score(0, 0)));

    /** The district of Hớn Quản for Q1/2025: its own report to the province, one commune on time, one late, one returned, one missing. */
    private static final ReportRollup ROLLUP = new ReportRollup("694", "UBND huyện Hớn Quản", "plan-2025",
            "120/KH-UBND", "Thông tin, tuyên truyền cải cách hành chính năm 2025 trên địa bàn huyện Hớn Quản",
            "Q1", "Quý I/2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 25),
            OWN, ON_TIME.plus(LATE), OWN.plus(ON_TIME).plus(LATE), ReportRollup.Submissions.of(LINES.subList(1, 5)),
            ReportRollup.Submissions.of(LINES.subList(0, 1)), ReportRollup.Submissions.of(LINES), LINES);

    private static ExecutionScore score(long due, long done) {
        return ExecutionScore.of("any", 2025, new TaskLedger.Execution(due, done), 1.0);
    }

    private static byte[] bytes;
    private static XWPFDocument doc;

    @BeforeAll
    static void render() throws IOException {
        bytes = RollupDocument.render(ROLLUP, "Nguyễn Văn Hạ");
        doc = new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    @Test
    void isAZipPackageThatPoiOpens() {
        assertThat(bytes).startsWith((byte) 'P', (byte) 'K');
        assertThat(doc.getParagraphs()).isNotEmpty();
        assertThat(doc.getTables()).hasSize(4);
    }

    @Test
    void headingHasTheUnitTheNationalMottoAndThePlaceAndDate() {
        XWPFTableRow heading = doc.getTables().get(0).getRow(0);

        assertThat(heading.getCell(0).getText()).contains("UBND HUYỆN HỚN QUẢN");
        assertThat(heading.getCell(1).getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Hớn Quản, ngày 25 tháng 04 năm 2025");
    }

    @Test
    void titleNamesThePeriodThePlanAndTheDataRange() {
        List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();

        assertThat(paragraphs).contains("BÁO CÁO TỔNG HỢP",
                "Kết quả thông tin, tuyên truyền cải cách hành chính Quý I/2025",
                "Số liệu tính từ ngày 01/01/2025 đến ngày 31/03/2025",
                "Thực hiện Kế hoạch số 120/KH-UBND: Thông tin, tuyên truyền cải cách hành chính năm 2025 trên địa bàn huyện Hớn Quản",
                "I. TÌNH HÌNH NỘP BÁO CÁO");
    }

    @Test
    void submissionSentencesCountWhatIsOwedToTheUnitApartFromItsOwnReportWithADecimalComma() {
        List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();

        // The four communes report to the district: 1 of 4 on time, 2 of 4 submitted; its own report goes to the province.
        assertThat(paragraphs).contains("Tổng số báo cáo các đơn vị phải nộp về UBND huyện Hớn Quản trong kỳ: 4; đã nộp đúng hạn: 1; "
                + "nộp trễ hạn: 1; bị trả lại chưa nộp lại: 1; chưa nộp: 1. Tỷ lệ nộp đúng hạn đạt 25,0%; tỷ lệ đã nộp (mức độ đầy đủ) đạt 50,0%.",
                "Báo cáo của UBND huyện Hớn Quản gửi cấp trên: 1; đã nộp đúng hạn: 1; nộp trễ hạn: 0; bị trả lại chưa nộp lại: 0; "
                        + "chưa nộp: 0. Tỷ lệ nộp đúng hạn đạt 100,0%; tỷ lệ đã nộp (mức độ đầy đủ) đạt 100,0%.");
        assertThat(paragraphs).as("nothing else below the district").noneMatch(p -> p.startsWith("Toàn bộ báo cáo"));
    }

    @Test
    void aProvinceCountsTheCommunesReportsToTheirDistrictsOnlyInTheWholeArea() throws IOException {
        List<ReportRollup.UnitLine> lines = List.of(
                new ReportRollup.UnitLine("694", "UBND huyện Hớn Quản", "DISTRICT", 1, "70", "Q1", "ON_TIME", "SUBMITTED", DUE,
                        Instant.parse("2025-04-19T02:00:00Z"), OWN, null),
                new ReportRollup.UnitLine("25423", "UBND xã Tân Hưng", "COMMUNE", 2, "694", "Q1", "ON_TIME", "ACCEPTED", DUE,
                        Instant.parse("2025-04-18T02:00:00Z"), ON_TIME, null),
                new ReportRollup.UnitLine("25420", "UBND thị trấn Tân Khai", "COMMUNE", 2, "694", "Q1", "MISSING", "EXPECTED", DUE, null, null,
                        null));
        ReportRollup province = new ReportRollup("70", "UBND tỉnh Bình Phước", "plan-2025", "96/KH-UBND", "Kế hoạch", "Q1", "Quý I/2025",
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 25), Indicators.zero(), OWN.plus(ON_TIME), OWN.plus(ON_TIME),
                ReportRollup.Submissions.of(lines.subList(0, 1)), ReportRollup.Submissions.of(List.of()), ReportRollup.Submissions.of(lines), lines);

        List<String> paragraphs = new XWPFDocument(new ByteArrayInputStream(RollupDocument.render(province, null))).getParagraphs().stream()
                .map(XWPFParagraph::getText).toList();

        assertThat(paragraphs).anyMatch(p -> p.startsWith("Tổng số báo cáo các đơn vị phải nộp về UBND tỉnh Bình Phước trong kỳ: 1;"))
                .anyMatch(p -> p.startsWith("Toàn bộ báo cáo trên địa bàn, kể cả báo cáo gửi các đơn vị cấp dưới: 3; đã nộp đúng hạn: 2;"))
                .as("the province owes nothing above it this period").noneMatch(p -> p.startsWith("Báo cáo của UBND tỉnh"));
    }

    @Test
    void indicatorTableHasEveryLabelWithTheUnitsOwnFiguresThoseFromBelowAndTheirSumInTheSameRow() {
        // Below: ON_TIME + LATE, component by component; "." groups thousands in Vietnamese.
        List<String> own = List.of("3", "1", "0", "2", "1", "60", "0", "1", "0", "0");
        List<String> below = List.of("20", "6", "3", "45", "3", "1.280", "800", "10", "1", "120");
        List<String> totals = List.of("23", "7", "3", "47", "4", "1.340", "800", "11", "1", "120");
        List<List<String>> rows = rows(tableHeaded("STT", "Chỉ tiêu", "Của đơn vị", "Của cấp dưới", "Tổng cộng"));

        assertThat(rows).hasSize(Indicators.LABELS.size() + 1);
        for (int i = 0; i < Indicators.LABELS.size(); i++) {
            assertThat(rows.get(i + 1)).containsExactly(String.valueOf(i + 1), Indicators.LABELS.get(i), own.get(i), below.get(i),
                    totals.get(i));
        }
    }

    @Test
    void unitTableListsEachUnitInOrderWithLocalDatesVietnameseStatusAndExecutionScore() {
        List<String> header = List.of("STT", "Đơn vị", "Hạn nộp", "Ngày nộp", "Tình trạng", "Điểm thực hiện kế hoạch");
        List<List<String>> rows = rows(tableHeaded(header.toArray(String[]::new)));

        assertThat(rows).containsExactly(header,
                List.of("1", "UBND huyện Hớn Quản", "20/04/2025", "19/04/2025", "Đúng hạn", "-"),
                List.of("2", "UBND xã Tân Hưng", "20/04/2025", "18/04/2025", "Đúng hạn", "0,95 / 1 (95,0%)"),
                List.of("3", "UBND xã Thanh An", "20/04/2025", "22/04/2025", "Trễ hạn", "1,00 / 1 (100,0%)"),
                List.of("4", "UBND xã An Khương", "20/04/2025", "", "Bị trả lại", "0,00 / 1 (80,0%)"),
                List.of("5", "UBND thị trấn Tân Khai", "20/04/2025", "", "Chưa nộp", "-"));
    }

    @Test
    void closesWithRecipientsAndTheIssuerName() {
        XWPFTableRow closing = doc.getTables().get(3).getRow(0);

        assertThat(closing.getCell(0).getText()).startsWith("Nơi nhận:");
        assertThat(closing.getCell(1).getText()).contains("Nguyễn Văn Hạ");
    }

    @Test
    void everyRunIsTimesNewRoman() {
        List<XWPFRun> runs = new ArrayList<>();
        doc.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
        doc.getTables().stream().flatMap(t -> t.getRows().stream()).flatMap(r -> r.getTableCells().stream())
                .flatMap(c -> c.getParagraphs().stream()).forEach(p -> runs.addAll(p.getRuns()));

        assertThat(runs).isNotEmpty().allSatisfy(run -> assertThat(run.getFontFamily()).isEqualTo("Times New Roman"));
    }

    private static XWPFTable tableHeaded(String... header) {
        return doc.getTables().stream().filter(t -> rows(t).get(0).equals(List.of(header))).findFirst().orElseThrow();
    }

    private static List<List<String>> rows(XWPFTable table) {
        return table.getRows().stream()
                .map(row -> row.getTableCells().stream().map(XWPFTableCell::getText).toList())
                .toList();
    }
}
