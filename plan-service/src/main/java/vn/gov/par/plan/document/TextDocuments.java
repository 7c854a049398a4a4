package vn.gov.par.plan.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import vn.gov.par.plan.document.SourceDocument.Block;
import vn.gov.par.plan.document.SourceDocument.Paragraph;
import vn.gov.par.plan.document.SourceDocument.Table;
import vn.gov.par.support.text.WrittenPattern;

/**
 * Reads a plan kept as plain text or Markdown into paragraphs and tables. Markdown's marks (headings' #, bold, italics)
 * are dropped, its pipe tables read as tables. Text copied out of a PDF or a scan breaks every line where the page did;
 * such lines are joined back into their paragraph by these rules, in order:
 * <ol>
 * <li>a line that ends a sentence (. ; : ! ? …) ends its paragraph;</li>
 * <li>a line that starts with a lower-case letter, or with "- " then a lower-case letter ("kinh tế" / "- xã hội"),
 * continues the one before, unless it is a lettered item ("a) ", "đ, ");</li>
 * <li>in a document whose lines were broken at a page's width (most lines of about the same length, under 120
 * characters), a line as long as that width continues onto the next unless the next starts a list item, a heading or a
 * line of the basis ("Căn cứ …", "Thực hiện …").</li>
 * </ol>
 */
public final class TextDocuments {

    private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\|.*\\|\\s*$");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\s*\\|[\\s:|-]+\\|\\s*$");
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.;:!?…]\\s*[\"”)*_]*\\s*$");
    /** A list item or a heading: "- ", "+ ", "a) ", "1. ", "I. ", "Điều 1." */
    private static final Pattern STARTS_ITEM = Pattern.compile("^([-+•*]\\s|[a-zđ]\\)\\s|\\d+(\\.\\d+)*[.)]\\s|[IVX]+\\.\\s)");
    /** Lower case at the start, that is not a list item's letter ("a) ", "đ, "). */
    private static final Pattern CONTINUES = Pattern.compile("^(-\\s+)?(?![a-zđ][),]\\s)\\p{Ll}");

    private TextDocuments() {
    }

    public static SourceDocument read(String text) {
        List<String> lines = text.replace("\r\n", "\n").replace('\r', '\n').lines().map(TextDocuments::withoutMarks).toList();
        int width = pageWidth(lines);
        List<Block> blocks = new ArrayList<>();
        List<List<String>> tableRows = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        int paragraphs = 0;
        int tables = 0;
        String previousLine = "";
        for (String line : lines) {
            if (TABLE_ROW.matcher(line).matches()) {
                paragraphs = flush(paragraph, blocks, paragraphs);
                if (!TABLE_RULE.matcher(line).matches()) {
                    tableRows.add(cells(line));
                }
                continue;
            }
            if (!tableRows.isEmpty()) {
                blocks.add(new Table(++tables, tableRows));
                tableRows = new ArrayList<>();
            }
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            if (paragraph.length() > 0 && !continues(previousLine, stripped, width)) {
                paragraphs = flush(paragraph, blocks, paragraphs);
            }
            paragraph.append(paragraph.length() == 0 ? "" : " ").append(stripped);
            previousLine = stripped;
        }
        flush(paragraph, blocks, paragraphs);
        if (!tableRows.isEmpty()) {
            blocks.add(new Table(++tables, tableRows));
        }
        return new SourceDocument(blocks);
    }

    /** Whether {@code line} goes on the paragraph whose last line was {@code before}. */
    private static boolean continues(String before, String line, int width) {
        if (ENDS_SENTENCE.matcher(before).find()) {
            return false;
        }
        if (CONTINUES.matcher(line).find()) {
            return true;
        }
        return width > 0 && before.length() >= width * 3 / 4 && !STARTS_ITEM.matcher(line).find()
                && !PlanDocumentVocabulary.OPENS_BASIS.matcher(line).lookingAt();
    }

    /**
     * The width the lines were broken at, if they were: the length most lines reach, when that is a page's (under 120
     * characters) and a good share of lines reach it; 0 for text kept one paragraph a line.
     */
    private static int pageWidth(List<String> lines) {
        List<Integer> lengths = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).map(String::length).sorted().toList();
        if (lengths.size() < 10) {
            return 0;
        }
        int width = lengths.get(lengths.size() * 9 / 10);
        long reaching = lengths.stream().filter(length -> length >= width * 3 / 4).count();
        return width < 120 && reaching * 3 >= lengths.size() ? width : 0;
    }

    private static int flush(StringBuilder paragraph, List<Block> blocks, int count) {
        if (paragraph.length() == 0) {
            return count;
        }
        blocks.add(new Paragraph(count + 1, paragraph.toString().strip()));
        paragraph.setLength(0);
        return count + 1;
    }

    private static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.length() - 1);
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    /** The line without Markdown's marks: heading hashes, bold and italic asterisks or underscores, a hard break's backslash. */
    private static String withoutMarks(String line) {
        return WrittenPattern.nfc(line).replaceFirst("^\\s*#{1,6}\\s+", "").replaceAll("\\*\\*|__", "").replaceAll("(?<![\\w*])\\*(?=\\S)|(?<=\\S)\\*(?![\\w*])", "")
                .replaceAll("\\\\$", "").replace('\u00a0', ' ');
    }
}
