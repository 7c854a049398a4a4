package vn.gov.par.driver;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a plan the centre drafts, as plan-service's API takes it: its activities, a quarterly reporting clause,
 * and every unit below obliged to issue its own plan by the end of January of the plan's year.
 */
public final class CentralPlan {

    private CentralPlan() {
    }

    public static Map<String, Object> request(String title, int year, List<Map<String, Object>> activities) {
        return request(NationalHierarchy.CENTRAL_CODE, title, year, LocalDate.of(year, 1, 31), activities);
    }

    /** The same plan drafted by another unit, whose units below must issue theirs by the given date. */
    public static Map<String, Object> request(String issuerCode, String title, int year, LocalDate subPlansDue,
            List<Map<String, Object>> activities) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", title);
        content.put("year", year);
        content.put("signer", "Người ký thử nghiệm");
        content.put("activities", activities);
        content.put("reportingClause", "Định kỳ hàng quý báo cáo kết quả thực hiện về cơ quan cấp trên (qua Sở Nội vụ).");
        content.put("cascade", Map.of("dueDate", subPlansDue.toString()));
        return Map.of("issuerCode", issuerCode, "content", content);
    }

    /** One row of the activities table; a blank cooperating unit means none. */
    public static Map<String, Object> activity(String label, String content, String product, String lead, String cooperating,
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
