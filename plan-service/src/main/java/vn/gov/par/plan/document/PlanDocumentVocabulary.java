package vn.gov.par.plan.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.gov.par.plan.document.PlanDocumentReader.Part;
import vn.gov.par.plan.plan.PerformanceIndex;
import vn.gov.par.support.text.VietnameseText;
import vn.gov.par.support.text.WrittenPattern;

/**
 * The closed vocabularies a plan document is read by, each written once against folded text (no diacritics, lower case:
 * {@link WrittenPattern}) so that "Thời gian thực hiện", "Thoi gian thuc hien" and "THỜI GIAN THỰC HIỆN" are one.
 *
 * <table>
 * <caption>What each heading's words name (the earliest in the heading decides: "Nội dung và hình thức" is the content)</caption>
 * <tr><th>words in the heading</th><th>part</th></tr>
 * <tr><td>hoạt động (tuyên truyền) trọng tâm, nhiệm vụ trọng tâm, nhiệm vụ cụ thể, các hoạt động</td><td>key activities</td></tr>
 * <tr><td>tổ chức thực hiện, trách nhiệm, phân công</td><td>organisation (each unit's responsibilities)</td></tr>
 * <tr><td>kinh phí</td><td>funding</td></tr>
 * <tr><td>mục tiêu, mục đích</td><td>objectives</td></tr>
 * <tr><td>yêu cầu</td><td>requirements</td></tr>
 * <tr><td>đối tượng</td><td>audiences</td></tr>
 * <tr><td>hình thức</td><td>forms of communication</td></tr>
 * <tr><td>nội dung</td><td>content topics</td></tr>
 * <tr><td>giải pháp</td><td>(not kept)</td></tr>
 * </table>
 */
final class PlanDocumentVocabulary {

    private PlanDocumentVocabulary() {
    }

    private static final List<Map.Entry<String, Part>> PART_WORDS = List.of(
            Map.entry("hoat dong tuyen truyen trong tam", Part.KEY_ACTIVITIES), Map.entry("hoat dong trong tam", Part.KEY_ACTIVITIES),
            Map.entry("nhiem vu trong tam", Part.KEY_ACTIVITIES), Map.entry("nhiem vu cu the", Part.KEY_ACTIVITIES),
            Map.entry("cac hoat dong", Part.KEY_ACTIVITIES),
            Map.entry("to chuc thuc hien", Part.ORGANISATION), Map.entry("trach nhiem", Part.ORGANISATION), Map.entry("phan cong", Part.ORGANISATION),
            Map.entry("kinh phi", Part.FUNDING),
            Map.entry("muc tieu", Part.OBJECTIVES), Map.entry("muc dich", Part.OBJECTIVES),
            Map.entry("yeu cau", Part.REQUIREMENTS),
            Map.entry("doi tuong", Part.AUDIENCES),
            Map.entry("hinh thuc", Part.FORMS),
            Map.entry("noi dung", Part.TOPICS),
            Map.entry("giai phap", Part.OTHER));

    /** A line of the basis: "Căn cứ …", "Thực hiện Kế hoạch (Quyết định, Chỉ thị …) số …", "Xét đề nghị …". */
    static final WrittenPattern BASIS = WrittenPattern.of(
            "\\s*(can cu|thuc hien (ke hoach|quyet dinh|chi thi|nghi quyet|cong van|van ban|huong dan|thong bao|chuong trinh)|xet de nghi|theo de nghi)");
    /** How a line of the basis or the enacting sentence opens: such a line starts its own paragraph. */
    static final WrittenPattern OPENS_BASIS = WrittenPattern.of("\\s*(can cu|thuc hien|xet de nghi|theo de nghi) ");
    /** Where the basis gives way to the enacting words: "; UBND thị xã Đông Hòa ban hành Kế hoạch … như sau:". */
    static final WrittenPattern ENACTING = WrittenPattern.of("[;,.]\\s*(uy ban nhan dan|ubnd)[^;]{0,80}?ban hanh ke hoach");
    static final WrittenPattern RECIPIENTS = WrittenPattern.of("\\s*noi nhan\\s*:?");
    /** "KẾ HOẠCH Tuyên truyền …" on one line (the reader checks "KẾ HOẠCH" is in capitals, as a title is). */
    static final WrittenPattern TITLE_INLINE = WrittenPattern.of("\\s*ke hoach\\s+(\\p{L}.+)");
    static final Pattern BULLET = Pattern.compile("^\\s*[-+•*–]\\s*");
    private static final Pattern ITEM_MARK = Pattern.compile("^\\s*(?:[-+•*–]|[a-zđ][),]|\\d{1,2}(?:\\.\\d{1,2})*[.)])\\s*");
    private static final Pattern LABEL = Pattern.compile("^\\s*([a-zđ]|\\d{1,2})[),.]\\s");
    /** "Số: 35/KH-UBND", also as OCR reads it ("S6: 35/KH-UBND"); the number may be left blank in a draft. */
    static final Pattern NUMBER = Pattern.compile("(?iu)\\bS[ốoôóò6][:;]?\\s*(\\d*\\s*/\\s*[\\p{L}\\d]+(?:\\s*-\\s*[\\p{L}\\d]+)*)");
    /** "Hớn Quản, ngày 24 tháng 01 năm 2025"; the day may be left blank in a draft. */
    static final WrittenPattern PLACE_AND_DATE = WrittenPattern.of(
            "(\\p{L}[\\p{L}. ]{0,40}?), ngay\\s*(\\d{1,2})?\\s*thang\\s*(\\d{1,2})\\s*nam\\s*(\\d{4})");
    /** "ỦY BAN NHÂN DÂN HUYỆN HỚN QUẢN", "UBND TỈNH BÌNH PHƯỚC", "SỞ NỘI VỤ", "PHÒNG VĂN HÓA VÀ THÔNG TIN". */
    static final WrittenPattern ISSUER = WrittenPattern.of(
            "(uy ban nhan dan|ubnd) (tinh|thanh pho|huyen|thi xa|quan|xa|phuong|thi tran|dac khu)( \\p{L}+)+|(so|phong) \\p{L}\\p{L}+( \\p{L}+)*");
    /** "Cơ quan chủ trì:", "Phối hợp:", "Thời gian thực hiện:", "Sản phẩm:" after a key activity. */
    static final WrittenPattern ACTIVITY_ATTRIBUTE = WrittenPattern.of(
            "\\s*((?:co quan |don vi )?(?:chu tri|phoi hop)|thoi gian(?: thuc hien| hoan thanh)?|thoi han|san pham)\\s*:");
    /**
     * The reporting clause: a sentence that opens "Định kỳ …" and speaks of reports, or one that names the report periods
     * ("… báo cáo … hàng quý, 06 tháng …"); "định kỳ tổng hợp báo cáo" inside a unit's duties is a duty, not the clause.
     */
    static final WrittenPattern REPORTING_CLAUSE = WrittenPattern.of(
            "\\s*dinh ky.{0,200}bao cao|.*bao cao.{0,200}(hang quy|0?6 thang|0?9 thang)|.*(hang quy|0?6 thang|0?9 thang).{0,200}bao cao");
    /** The order to make sub-plans, with its deadline: "Xây dựng kế hoạch … chậm nhất trong tháng 02/2025". */
    static final WrittenPattern SUB_PLANS_BY = WrittenPattern.of(
            "(?:xay dung|ban hanh) ke hoach.{0,200}?((?:cham nhat|truoc ngay|hoan thanh truoc|truoc)[^.;]*\\d[^.;]*)");
    /** A timeframe named inside a responsibility. */
    static final WrittenPattern TIMEFRAME_IN_TEXT = WrittenPattern.of(
            "thuong xuyen|hang quy|hang thang|hang nam|dinh ky|trong nam \\d{4}|cham nhat[^.;]*\\d|truoc ngay \\d{1,2}/\\d{1,2}(/\\d{4})?");
    /** The closing sentences of a plan, which give no work: "Trên đây là …", "Yêu cầu … nghiêm túc thực hiện". */
    static final WrittenPattern CLOSING = WrittenPattern.of("\\s*(tren day la|yeu cau .{0,120}thuc hien|trong qua trinh (to chuc )?thuc hien)");
    /** A person's name, as signed: two to six capitalised words. */
    static final Pattern PERSON_NAME = Pattern.compile("(\\p{Lu}[\\p{L}]*)(\\s+\\p{Lu}[\\p{L}]*){1,5}");
    /** The capacity lines above the name: "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN". */
    static final WrittenPattern CAPACITY = WrittenPattern.of("\\s*(kt|tm|tl|q|chu tich|pho chu tich|giam doc|pho giam doc|truong phong|uy ban nhan dan|ubnd)\\b");

    enum Attribute {
        LEAD("leadUnits"), COOPERATING("cooperatingUnits"), TIMEFRAME("timeframe"), PRODUCT("product");

        private final String field;

        Attribute(String field) {
            this.field = field;
        }

        /** The activity's field it fills. */
        String field() {
            return field;
        }
    }

    /** A heading: "II. NỘI DUNG" (level 1), "2. Hình thức tuyên truyền" (2), "a) Mục tiêu chung" (3, only when it names a part). */
    record Heading(int level, String text) {
    }

    private static final Pattern ROMAN = Pattern.compile("^\\s*([IVX]{1,5})[.)]\\s*(.+)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*(\\d{1,2})[.)]\\s*(.+)$");
    private static final Pattern LETTERED = Pattern.compile("^\\s*([a-zđ])[),]\\s*(.+)$");

    static Optional<Heading> heading(String text) {
        if (text.length() > 160) {
            return Optional.empty();
        }
        Matcher roman = ROMAN.matcher(text);
        if (roman.matches()) {
            return Optional.of(new Heading(1, withoutColon(roman.group(2))));
        }
        Matcher numbered = NUMBERED.matcher(text);
        if (numbered.matches() && numbered.group(2).length() <= 110 && !endsSentence(numbered.group(2))) {
            return Optional.of(new Heading(2, withoutColon(numbered.group(2))));
        }
        Matcher lettered = LETTERED.matcher(text);
        if (lettered.matches() && lettered.group(2).length() <= 60 && !endsSentence(lettered.group(2))
                && partNamed(lettered.group(2)).isPresent()) {
            return Optional.of(new Heading(3, withoutColon(lettered.group(2))));
        }
        return Optional.empty();
    }

    /** The part a heading names, by the earliest of its words in the table above. */
    static Optional<Part> partNamed(String heading) {
        String folded = " " + VietnameseText.fold(heading) + " ";
        Part found = null;
        int at = Integer.MAX_VALUE;
        for (Map.Entry<String, Part> words : PART_WORDS) {
            int index = folded.indexOf(" " + words.getKey() + " ");
            if (index >= 0 && index < at) {
                at = index;
                found = words.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    static Attribute attributeOf(String written) {
        String folded = VietnameseText.fold(written);
        return folded.contains("chu tri") ? Attribute.LEAD : folded.contains("phoi hop") ? Attribute.COOPERATING
                : folded.contains("san pham") ? Attribute.PRODUCT : Attribute.TIMEFRAME;
    }

    /** The item without its bullet or its label ("- ", "a) ", "2. "). */
    static String withoutBullet(String text) {
        return ITEM_MARK.matcher(text).replaceFirst("").strip();
    }

    /** The item's own label ("a", "đ", "3"), if it has one. */
    static String labelOf(String text) {
        Matcher label = LABEL.matcher(text);
        return label.find() ? label.group(1) : null;
    }

    /** The words an index goes by in plans, folded. */
    static String indexWords(PerformanceIndex index) {
        return switch (index) {
            case PAR_INDEX -> "par index";
            case ICT_INDEX -> "ict index";
            default -> index.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Which column of an activity table holds what, found by the header's words; -1 for a column it lacks. */
    record Columns(int number, int content, int product, int lead, int cooperating, int timeframe) {

        /** The columns this row names, if it is an activity table's header: it names at least the work and who leads it. */
        static Optional<Columns> of(List<String> header) {
            int number = -1;
            int content = -1;
            int product = -1;
            int lead = -1;
            int cooperating = -1;
            int timeframe = -1;
            for (int i = 0; i < header.size(); i++) {
                String cell = VietnameseText.fold(header.get(i));
                if (cell.length() > 40) {
                    continue;
                }
                if (number < 0 && cell.matches("(so )?tt|stt")) {
                    number = i;
                } else if (content < 0 && (cell.contains("noi dung") || cell.contains("nhiem vu") || cell.contains("hoat dong"))) {
                    content = i;
                } else if (lead < 0 && cell.contains("chu tri")) {
                    lead = i;
                } else if (cooperating < 0 && cell.contains("phoi hop")) {
                    cooperating = i;
                } else if (product < 0 && (cell.contains("san pham") || cell.contains("ket qua"))) {
                    product = i;
                } else if (timeframe < 0 && (cell.contains("thoi gian") || cell.contains("thoi han"))) {
                    timeframe = i;
                }
            }
            return content >= 0 && lead >= 0 ? Optional.of(new Columns(number, content, product, lead, cooperating, timeframe)) : Optional.empty();
        }

        String cell(List<String> row, int column) {
            return column < 0 || column >= row.size() ? "" : row.get(column).replace('\n', ' ').strip();
        }
    }

    private static String withoutColon(String text) {
        return text.strip().replaceAll("\\s*:$", "").strip();
    }

    private static boolean endsSentence(String text) {
        return text.strip().matches("(?s).*[.;]$");
    }
}
