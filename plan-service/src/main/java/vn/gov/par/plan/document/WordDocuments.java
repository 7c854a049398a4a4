package vn.gov.par.plan.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import vn.gov.par.plan.document.SourceDocument.Block;
import vn.gov.par.plan.document.SourceDocument.Paragraph;
import vn.gov.par.plan.document.SourceDocument.Table;
import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.text.WrittenPattern;

/**
 * Reads a Word (.docx) plan into paragraphs and tables, in the document's order, through Apache POI. A cell spanning
 * several columns (gridSpan) is repeated in each; a cell continuing a vertical merge (vMerge) takes the text of the
 * cell that starts it, as a person reading the printed table would.
 */
public final class WordDocuments {

    private WordDocuments() {
    }

    /**
     * @param fileName as the official's computer named it, for the refusal
     * @throws RuleViolationException not a .docx, protected by a password, or damaged
     */
    public static SourceDocument read(String fileName, InputStream docx) {
        try (XWPFDocument document = new XWPFDocument(docx)) {
            List<Block> blocks = new ArrayList<>();
            int paragraphs = 0;
            int tables = 0;
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    String text = clean(paragraph.getText());
                    if (!text.isEmpty()) {
                        blocks.add(new Paragraph(++paragraphs, text));
                    }
                } else if (element instanceof XWPFTable table) {
                    blocks.add(new Table(++tables, rows(table)));
                }
            }
            return new SourceDocument(blocks);
        } catch (OLE2NotOfficeXmlFileException protectedOrOld) {
            throw RuleViolationException.invalid("document-protected-or-old", "Tệp \"" + fileName + "\" không phải .docx đọc được: tệp Word được đặt mật khẩu "
                    + "(hoặc định dạng .doc cũ) không đọc được; hãy bỏ mật khẩu hoặc lưu lại dưới dạng .docx rồi tải lên lại.");
        } catch (POIXMLException | IOException | IllegalArgumentException | IllegalStateException damaged) {
            throw RuleViolationException.invalid("document-damaged", "Không đọc được tệp \"" + fileName + "\": tệp bị hỏng hoặc không phải văn bản Word (.docx).");
        }
    }

    private static List<List<String>> rows(XWPFTable table) {
        List<List<String>> rows = new ArrayList<>();
        Map<Integer, String> mergedDown = new HashMap<>();
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr properties = cell.getCTTc().getTcPr();
                int span = properties != null && properties.isSetGridSpan() ? properties.getGridSpan().getVal().intValue() : 1;
                boolean continuesMerge = properties != null && properties.isSetVMerge()
                        && (properties.getVMerge().getVal() == null || properties.getVMerge().getVal() == STMerge.CONTINUE);
                int column = cells.size();
                String text = continuesMerge ? mergedDown.getOrDefault(column, "") : cellText(cell);
                for (int i = 0; i < span; i++) {
                    mergedDown.put(column + i, text);
                    cells.add(text);
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The cell's lines (its paragraphs, and the lines a break splits them into), one a line. */
    private static String cellText(XWPFTableCell cell) {
        return String.join("\n", cell.getParagraphs().stream().flatMap(p -> p.getText().lines()).map(WordDocuments::clean)
                .filter(t -> !t.isEmpty()).toList());
    }

    private static String clean(String text) {
        return WrittenPattern.nfc(text == null ? "" : text).replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }
}
