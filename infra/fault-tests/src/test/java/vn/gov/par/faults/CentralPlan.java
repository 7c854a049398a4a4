package vn.gov.par.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.gov.par.driver.NationalHierarchy;

/**
 * A central plan as a ministry would write it, small enough to cascade over 500 units in a few minutes: work for the
 * agencies every quarter, work for every commune by a date, and a quarterly reporting clause.
 */
final class CentralPlan {

    private CentralPlan() {
    }

    static Map<String, Object> of(int year, int number) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", "Thông tin, tuyên truyền cải cách hành chính năm " + year + " (kiểm thử sự cố số " + number + ")");
        content.put("year", year);
        content.put("signer", "Người ký thử nghiệm");
        content.put("activities", List.of(
                activity("a", "Đăng tin, bài về cải cách hành chính trên Cổng thông tin điện tử", "Mỗi tháng 01 bản tin",
                        "Các Sở, ban, ngành", "UBND các xã, phường, thị trấn", "hàng quý"),
                activity("b", "Tuyên truyền cải cách hành chính trên mạng xã hội Facebook, Zalo", "Trung bình mỗi tuần 01 bản tin",
                        "UBND các xã, phường, thị trấn", "", "chậm nhất trong tháng 06/" + year)));
        content.put("reportingClause", "Định kỳ hàng quý báo cáo kết quả thực hiện về cơ quan cấp trên (qua Sở Nội vụ).");
        content.put("cascade", Map.of("dueDate", year + "-01-31"));
        return Map.of("issuerCode", NationalHierarchy.CENTRAL_CODE, "content", content);
    }

    private static Map<String, Object> activity(String label, String content, String product, String lead, String cooperating,
            String timeframe) {
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("label", label);
        activity.put("content", content);
        activity.put("product", product);
        activity.put("leadUnits", List.of(lead));
        activity.put("cooperatingUnits", cooperating.isEmpty() ? List.of() : List.of(cooperating));
        activity.put("timeframe", timeframe);
        return activity;
    }
}
