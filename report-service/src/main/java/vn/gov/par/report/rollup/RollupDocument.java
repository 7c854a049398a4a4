package vn.gov.par.report.rollup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;

import vn.gov.par.report.ledger.ExecutionScore;
import vn.gov.par.report.report.Indicators;
import vn.gov.par.report.rollup.ReportRollup.Submissions;

/**
 * Renders a {@link ReportRollup} as a Word document in the layout of Vietnamese administrative documents
 * (Nghị định 30/2020/NĐ-CP): A4, Times New Roman, the two-column heading with the national motto, a
 * centred title, then the submission figures, the indicator totals and the per-unit table.
 */
public final class RollupDocument {

    private static final String FONT = "Times New Roman";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter PLACE_DATE = DateTimeFormatter.ofPattern("'ngày' dd 'tháng' MM 'năm' yyyy");
    /** The area words a unit name starts with, stripped to get the place name of the date line. */
    private static final Pattern AUTHORITY_PREFIX = Pattern.compile(
            "^(UBND|Ủy ban nhân dân)?\\s*(tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu)\\s+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    // A4 in twips (1/20 pt), with the margins of Nghị định 30: top/bottom 2 cm, left 3 cm, right 2 cm.
    private static final int PAGE_WIDTH = 11906;
    private static final int PAGE_HEIGHT = 16838;
    private static final int MARGIN_TOP_BOTTOM_RIGHT = 1134;
    private static final int MARGIN_LEFT = 1701;
    private static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_TOP_BOTTOM_RIGHT;
    private static final int INDENT_PER_LEVEL = 284; // 0.5 cm
    private static final int BODY_SIZE = 14;
    private static final int TABLE_SIZE = 13;

    private enum Style { PLAIN, BOLD, ITALIC, BOLD_ITALIC }

    private RollupDocument() {
    }

    /**
     * @param issuerDisplayName the person producing the report, printed under the signature block; may be
     *                          null or blank to leave the signature name empty
     * @return the .docx bytes
     */
    public static byte[] render(ReportRollup rollup, String issuerDisplayName) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pageSetup(doc);
            heading(doc, rollup);
            title(doc, rollup);
            submissions(doc, rollup);
            indicatorTable(doc, rollup);
            unitTable(doc, rollup.units());
            closing(doc, issuerDisplayName);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the roll-up of " + rollup.unitCode(), e);
        }
    }

    private static void pageSetup(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP_BOTTOM_RIGHT));
        margins.setBottom(BigInteger.valueOf(MARGIN_TOP_BOTTOM_RIGHT));
        margins.setRight(BigInteger.valueOf(MARGIN_TOP_BOTTOM_RIGHT));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
    }

    /** Issuing unit on the left, national name and motto with place and date on the right, no borders. */
    private static void heading(XWPFDocument doc, ReportRollup rollup) {
        XWPFTable table = table(doc, 1, TEXT_WIDTH * 2 / 5, TEXT_WIDTH - TEXT_WIDTH * 2 / 5);
        table.removeBorders();
        XWPFTableCell left = table.getRow(0).getCell(0);
        write(paragraphIn(left), ParagraphAlignment.CENTER, rollup.unitName().toUpperCase(Locale.ROOT), 13, Style.BOLD);
        XWPFTableCell right = table.getRow(0).getCell(1);
        write(paragraphIn(right), ParagraphAlignment.CENTER, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, Style.BOLD);
        write(paragraphIn(right), ParagraphAlignment.CENTER, "Độc lập - Tự do - Hạnh phúc", BODY_SIZE, Style.BOLD);
        XWPFParagraph date = paragraphIn(right);
        date.setSpacingBefore(240);
        write(date, ParagraphAlignment.CENTER, place(rollup.unitName()) + ", " + PLACE_DATE.format(rollup.asOf()), BODY_SIZE,
                Style.ITALIC);
    }

    private static void title(XWPFDocument doc, ReportRollup rollup) {
        XWPFParagraph first = write(doc.createParagraph(), ParagraphAlignment.CENTER, "BÁO CÁO TỔNG HỢP", BODY_SIZE, Style.BOLD);
        first.setSpacingBefore(360);
        write(doc.createParagraph(), ParagraphAlignment.CENTER,
                "Kết quả thông tin, tuyên truyền cải cách hành chính " + rollup.periodName(), BODY_SIZE, Style.BOLD);
        write(doc.createParagraph(), ParagraphAlignment.CENTER,
                "Số liệu tính từ ngày " + date(rollup.periodFrom()) + " đến ngày " + date(rollup.periodTo()), BODY_SIZE,
                Style.ITALIC).setSpacingAfter(240);
        body(doc, "Thực hiện Kế hoạch số " + rollup.planNumber() + ": " + rollup.planTitle());
    }

    private static void submissions(XWPFDocument doc, ReportRollup rollup) {
        section(doc, "I. TÌNH HÌNH NỘP BÁO CÁO");
        body(doc, standing("Tổng số báo cáo các đơn vị phải nộp về " + rollup.unitName() + " trong kỳ", rollup.owedToUnit()));
        if (rollup.own().expected() > 0) {
            body(doc, standing("Báo cáo của " + rollup.unitName() + " gửi cấp trên", rollup.own()));
        }
        if (rollup.subtree().expected() != rollup.owedToUnit().expected() + rollup.own().expected()) {
            body(doc, standing("Toàn bộ báo cáo trên địa bàn, kể cả báo cáo gửi các đơn vị cấp dưới", rollup.subtree()));
        }
    }

    /** "<label>: 23; đã nộp đúng hạn: ...": the counts of one set of reports and its rates. */
    private static String standing(String label, Submissions reports) {
        String counts = label + ": " + reports.expected() + "; đã nộp đúng hạn: " + reports.onTime() + "; nộp trễ hạn: " + reports.late()
                + "; bị trả lại chưa nộp lại: " + reports.returned() + "; chưa nộp: " + reports.missing();
        return reports.expected() == 0 ? counts + "." : counts + ". Tỷ lệ nộp đúng hạn đạt " + percent(reports.onTimeRate())
                + "; tỷ lệ đã nộp (mức độ đầy đủ) đạt " + percent(reports.completeness()) + ".";
    }

    /**
     * The unit's own figures, those of the units below and their sum, side by side: a report from below may
     * already consolidate its own subordinates', so the reader decides which column to use.
     */
    private static void indicatorTable(XWPFDocument doc, ReportRollup rollup) {
        section(doc, "II. KẾT QUẢ THỰC HIỆN");
        caption(doc, "Bảng 1. Các chỉ tiêu định lượng");
        List<Integer> own = rollup.ownIndicators().values();
        List<Integer> below = rollup.belowIndicators().values();
        List<Integer> totals = rollup.totals().values();
        XWPFTable table = table(doc, totals.size() + 1, 700, TEXT_WIDTH - 700 - 3 * 1300, 1300, 1300, 1300);
        header(table, "STT", "Chỉ tiêu", "Của đơn vị", "Của cấp dưới", "Tổng cộng");
        for (int i = 0; i < totals.size(); i++) {
            XWPFTableRow row = table.getRow(i + 1);
            cell(row.getCell(0), ParagraphAlignment.CENTER, String.valueOf(i + 1));
            cell(row.getCell(1), ParagraphAlignment.LEFT, Indicators.LABELS.get(i));
            cell(row.getCell(2), ParagraphAlignment.RIGHT, count(own.get(i)));
            cell(row.getCell(3), ParagraphAlignment.RIGHT, count(below.get(i)));
            cell(row.getCell(4), ParagraphAlignment.RIGHT, count(totals.get(i)));
        }
        // Only reports that stand (submitted or accepted) are added up; say so, since the others count as nothing.
        write(doc.createParagraph(), ParagraphAlignment.LEFT, "Ghi chú: số liệu tổng hợp từ các báo cáo đã nộp và không bị trả lại; "
                + "báo cáo của cấp dưới có thể đã tổng hợp số liệu của các đơn vị trực thuộc.", TABLE_SIZE, Style.ITALIC);
    }

    private static void unitTable(XWPFDocument doc, List<ReportRollup.UnitLine> units) {
        section(doc, "III. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ");
        caption(doc, "Bảng 2. Tình hình báo cáo và điểm thực hiện kế hoạch của các đơn vị");
        XWPFTable table = table(doc, units.size() + 1, 600, TEXT_WIDTH - 600 - 4 * 1300, 1300, 1300, 1300, 1300);
        header(table, "STT", "Đơn vị", "Hạn nộp", "Ngày nộp", "Tình trạng", "Điểm thực hiện kế hoạch");
        for (int i = 0; i < units.size(); i++) {
            ReportRollup.UnitLine unit = units.get(i);
            XWPFTableRow row = table.getRow(i + 1);
            cell(row.getCell(0), ParagraphAlignment.CENTER, String.valueOf(i + 1));
            cell(row.getCell(1), ParagraphAlignment.LEFT, unit.unitName()).setIndentationLeft(unit.depth() * INDENT_PER_LEVEL);
            cell(row.getCell(2), ParagraphAlignment.CENTER, date(unit.dueDate()));
            cell(row.getCell(3), ParagraphAlignment.CENTER, date(unit.submittedAt()));
            cell(row.getCell(4), ParagraphAlignment.CENTER, submission(unit.submission()));
            cell(row.getCell(5), ParagraphAlignment.CENTER, score(unit.execution()));
        }
    }

    /** "Nơi nhận" on the left, the signature block on the right, as at the foot of every administrative document. */
    private static void closing(XWPFDocument doc, String issuerDisplayName) {
        doc.createParagraph();
        XWPFTable table = table(doc, 1, TEXT_WIDTH / 2, TEXT_WIDTH - TEXT_WIDTH / 2);
        table.removeBorders();
        XWPFTableCell left = table.getRow(0).getCell(0);
        write(paragraphIn(left), ParagraphAlignment.LEFT, "Nơi nhận:", 12, Style.BOLD_ITALIC);
        write(paragraphIn(left), ParagraphAlignment.LEFT, "- Cơ quan cấp trên (để báo cáo);", 11, Style.PLAIN);
        write(paragraphIn(left), ParagraphAlignment.LEFT, "- Lưu: VT.", 11, Style.PLAIN);
        XWPFTableCell right = table.getRow(0).getCell(1);
        write(paragraphIn(right), ParagraphAlignment.CENTER, "NGƯỜI LẬP BÁO CÁO", BODY_SIZE, Style.BOLD);
        if (issuerDisplayName != null && !issuerDisplayName.isBlank()) {
            XWPFParagraph name = write(paragraphIn(right), ParagraphAlignment.CENTER, issuerDisplayName, BODY_SIZE, Style.BOLD);
            name.setSpacingBefore(1440); // room to sign
        }
    }

    private static void section(XWPFDocument doc, String text) {
        write(doc.createParagraph(), ParagraphAlignment.LEFT, text, BODY_SIZE, Style.BOLD).setSpacingBefore(120);
    }

    private static void caption(XWPFDocument doc, String text) {
        write(doc.createParagraph(), ParagraphAlignment.CENTER, text, BODY_SIZE, Style.BOLD_ITALIC).setSpacingAfter(60);
    }

    private static void body(XWPFDocument doc, String text) {
        XWPFParagraph paragraph = write(doc.createParagraph(), ParagraphAlignment.BOTH, text, BODY_SIZE, Style.PLAIN);
        paragraph.setFirstLineIndent(INDENT_PER_LEVEL * 2);
        paragraph.setSpacingAfter(120);
    }

    /** A full-width table with the given column widths in twips. */
    private static XWPFTable table(XWPFDocument doc, int rows, int... widths) {
        XWPFTable table = doc.createTable(rows, widths.length);
        table.setWidth(String.valueOf(TEXT_WIDTH));
        // POI writes no column grid, which the format requires and Word and LibreOffice lay columns out from.
        CTTblGrid grid = table.getCTTbl().addNewTblGrid();
        for (int width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        for (XWPFTableRow row : table.getRows()) {
            for (int c = 0; c < widths.length; c++) {
                row.getCell(c).setWidth(String.valueOf(widths[c]));
            }
        }
        return table;
    }

    private static void header(XWPFTable table, String... titles) {
        XWPFTableRow row = table.getRow(0);
        row.setRepeatHeader(true);
        for (int c = 0; c < titles.length; c++) {
            write(paragraphIn(row.getCell(c)), ParagraphAlignment.CENTER, titles[c], TABLE_SIZE, Style.BOLD);
        }
    }

    private static XWPFParagraph cell(XWPFTableCell cell, ParagraphAlignment alignment, String text) {
        return write(paragraphIn(cell), alignment, text, TABLE_SIZE, Style.PLAIN);
    }

    /** The cell's own empty paragraph first (a cell always has one), a new one after that. */
    private static XWPFParagraph paragraphIn(XWPFTableCell cell) {
        List<XWPFParagraph> paragraphs = cell.getParagraphs();
        if (paragraphs.size() == 1 && paragraphs.get(0).getRuns().isEmpty()) {
            return paragraphs.get(0);
        }
        return cell.addParagraph();
    }

    private static XWPFParagraph write(XWPFParagraph paragraph, ParagraphAlignment alignment, String text, int size,
            Style style) {
        paragraph.setAlignment(alignment);
        XWPFRun run = paragraph.createRun();
        // In the order the OOXML schema lists them (rFonts, b, i, sz), which strict readers expect.
        run.setFontFamily(FONT);
        run.setBold(style == Style.BOLD || style == Style.BOLD_ITALIC);
        run.setItalic(style == Style.ITALIC || style == Style.BOLD_ITALIC);
        run.setFontSize(size);
        run.setText(text);
        return paragraph;
    }

    private static String submission(String code) {
        return switch (code) {
            case "ON_TIME" -> "Đúng hạn";
            case "LATE" -> "Trễ hạn";
            case "RETURNED" -> "Bị trả lại";
            case "MISSING" -> "Chưa nộp";
            default -> throw new IllegalArgumentException("unknown submission state " + code);
        };
    }

    /** "Hớn Quản" from "UBND huyện Hớn Quản", for the place-and-date line "Hớn Quản, ngày ...". */
    private static String place(String unitName) {
        return AUTHORITY_PREFIX.matcher(unitName).replaceFirst("");
    }

    private static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    private static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(VIETNAM));
    }

    /** Vietnamese number style: "." groups thousands, "," marks decimals (1.280; 66,7%). */
    private static DecimalFormat vietnamese(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    private static String count(int value) {
        return vietnamese("#,##0").format(value);
    }

    /** "0,95 / 1" (score out of the full points, with the share done); a dash when nothing was due yet. */
    private static String score(ExecutionScore execution) {
        if (execution == null || execution.score() == null) {
            return "-";
        }
        return vietnamese("0.00").format(execution.score()) + " / " + vietnamese("0.##").format(execution.maxPoints()) + " ("
                + percent(execution.share()) + ")";
    }

    private static String percent(double fraction) {
        return vietnamese("#,##0.0").format(fraction * 100) + "%";
    }
}
