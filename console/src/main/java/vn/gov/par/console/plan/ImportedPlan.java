package vn.gov.par.console.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What plan-service read from an uploaded plan document: the draft it saved, the document as it names itself, and every
 * finding, as the review page shows them (what needs a person first, in the order of the document).
 */
public record ImportedPlan(String planId, String fileName, Instant importedAt, Document document, List<Finding> findings, String original,
        List<Confirmation> confirmed) {

    public ImportedPlan {
        findings = findings == null ? List.of() : findings;
        confirmed = confirmed == null ? List.of() : confirmed;
    }

    /** A field an official confirmed: looked at, right as read or corrected in the draft. */
    public record Confirmation(String field, Entry by) {

        public record Entry(Instant at, Who by) {
        }

        public record Who(String name, String unitCode) {
        }
    }

    public record Document(String number, LocalDate date, String issuer, String place) {
    }

    /** One field read, or looked for; {@code reading} is READ, READ_WITHOUT_DIACRITICS, NOT_UNDERSTOOD or MISSING. */
    public record Finding(String field, String value, String source, String reading, String note) {

        private static final Pattern INDEXED = Pattern.compile("^([a-zA-Z]+)\\[(\\d+)](?:\\.(\\w+))?$");
        private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("document.number", "Số, ký hiệu"),
                Map.entry("document.date", "Ngày ký"), Map.entry("document.issuer", "Cơ quan ban hành"), Map.entry("document.place", "Địa danh"),
                Map.entry("title", "Tên kế hoạch"), Map.entry("year", "Năm"), Map.entry("basis", "Căn cứ"), Map.entry("objectives", "Mục tiêu"),
                Map.entry("requirements", "Yêu cầu"), Map.entry("audiences", "Đối tượng"), Map.entry("topics", "Nội dung tuyên truyền"),
                Map.entry("communicationForms", "Hình thức tuyên truyền"), Map.entry("funding", "Kinh phí"),
                Map.entry("activities", "Hoạt động"), Map.entry("reportingClause", "Chế độ báo cáo"),
                Map.entry("cascade.dueAsWritten", "Thời hạn ban hành kế hoạch cấp dưới"), Map.entry("cascade.dueDate", "Thời hạn ban hành kế hoạch cấp dưới"),
                Map.entry("recipients", "Nơi nhận"), Map.entry("signer", "Người ký"), Map.entry("content", "nội dung"),
                Map.entry("product", "sản phẩm"), Map.entry("leadUnits", "cơ quan chủ trì"), Map.entry("cooperatingUnits", "cơ quan phối hợp"),
                Map.entry("timeframe", "thời gian thực hiện"));

        /** "Hoạt động 3 · cơ quan chủ trì" for {@code activities[2].leadUnits}. */
        public String label() {
            Matcher indexed = INDEXED.matcher(field);
            if (indexed.matches()) {
                String label = FIELDS.getOrDefault(indexed.group(1), indexed.group(1)) + " " + (Integer.parseInt(indexed.group(2)) + 1);
                return indexed.group(3) == null ? label : label + " · " + FIELDS.getOrDefault(indexed.group(3), indexed.group(3));
            }
            return FIELDS.getOrDefault(field, field);
        }

        public String readingLabel() {
            return switch (reading) {
                case "READ" -> "Đọc được";
                case "READ_WITHOUT_DIACRITICS" -> "Khớp khi bỏ dấu, cần xem lại";
                case "NOT_UNDERSTOOD" -> "Chưa hiểu, cần sửa";
                default -> "Không thấy trong văn bản";
            };
        }

        public String cssClass() {
            return switch (reading) {
                case "READ" -> "reading-read";
                case "READ_WITHOUT_DIACRITICS" -> "reading-check";
                default -> "reading-attention";
            };
        }

        public boolean needsAPerson() {
            return !"READ".equals(reading);
        }
    }

    /**
     * The findings a person must still look at: not understood or missing first, then those read without diacritics; those
     * confirmed already are not among them.
     */
    public List<Finding> toReview() {
        return findings.stream().filter(Finding::needsAPerson).filter(f -> confirmation(f.field()) == null)
                .sorted(Comparator.comparing(f -> "READ_WITHOUT_DIACRITICS".equals(f.reading()))).toList();
    }

    /** The findings that needed a person and were confirmed, each with who confirmed it. */
    public List<Finding> reviewed() {
        return findings.stream().filter(Finding::needsAPerson).filter(f -> confirmation(f.field()) != null).toList();
    }

    public Confirmation confirmation(String field) {
        return confirmed.stream().filter(c -> c.field().equals(field)).findFirst().orElse(null);
    }

    public List<Finding> read() {
        return findings.stream().filter(f -> !f.needsAPerson()).toList();
    }
}
