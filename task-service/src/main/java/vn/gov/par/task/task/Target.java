package vn.gov.par.task.task;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.gov.par.support.text.VietnameseText;

/**
 * The count per period a product text states: "Mỗi tháng 01 bản tin" (1 per month), "Mỗi tháng 02 kỳ",
 * "Trung bình mỗi tuần 01 bản tin" (1 per week), "Mỗi đơn vị ít nhất 01 video, clip" (1 per unit); "quý" is also
 * spelt "quí".
 * The product text itself is always kept beside it.
 */
public record Target(int count, Per per) {

    public enum Per { WEEK, MONTH, QUARTER, YEAR, UNIT }

    /** "mỗi <kỳ> [ít nhất|tối thiểu|khoảng] <số>", the form plans use; anything else keeps its text only. */
    private static final Pattern EACH_PERIOD = Pattern.compile(
            "\\bmoi (tuan|thang|qu[yi]|nam|don vi)\\b(?: (?:it nhat|toi thieu|khoang))? (\\d{1,4})\\b");

    public static Optional<Target> of(String product) {
        if (product == null || product.isBlank()) {
            return Optional.empty();
        }
        String text = VietnameseText.fold(product);
        Matcher each = EACH_PERIOD.matcher(text);
        if (each.find()) {
            return Optional.of(new Target(Integer.parseInt(each.group(2)), per(each.group(1))));
        }
        return Optional.empty();
    }

    private static Per per(String word) {
        return switch (word) {
            case "tuan" -> Per.WEEK;
            case "thang" -> Per.MONTH;
            case "quy", "qui" -> Per.QUARTER;
            case "nam" -> Per.YEAR;
            default -> Per.UNIT;
        };
    }
}
