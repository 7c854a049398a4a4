package vn.gov.par.plan.document;

import java.util.List;

/**
 * A plan document as read from its file, before anything is understood of it: its paragraphs and tables in order, each
 * numbered as the document has it, so that every finding can say where it came from.
 */
public record SourceDocument(List<Block> blocks) {

    public SourceDocument {
        blocks = List.copyOf(blocks);
    }

    /** A paragraph or a table, numbered from 1 among its own kind. */
    public sealed interface Block permits Paragraph, Table {
    }

    /** One paragraph's text as written, line breaks inside it turned to spaces. */
    public record Paragraph(int number, String text) implements Block {

        public String where() {
            return "đoạn " + number;
        }
    }

    /**
     * A table's rows, each a list of its cells' text; a cell merged over several columns or rows is repeated in each, so
     * that every row has a value in every column.
     */
    public record Table(int number, List<List<String>> rows) implements Block {

        public Table {
            rows = rows.stream().map(List::copyOf).toList();
        }

        public String where(int row, int column) {
            return "bảng " + number + ", hàng " + (row + 1) + ", cột " + (column + 1);
        }
    }

    public boolean isEmpty() {
        return blocks.stream().noneMatch(block -> block instanceof Paragraph p ? !p.text().isBlank() : !((Table) block).rows().isEmpty());
    }
}
