package vn.gov.par.plan.plan;

import java.util.List;

/**
 * A key activity as the plan writes it: what, the product, who leads, who cooperates, and when
 * ("thường xuyên", "hàng quý/2024", "chậm nhất trong tháng 02/2025"). Kept as written; the services
 * that schedule work parse the texts.
 */
public record Activity(String label, String content, String product, List<String> leadUnits, List<String> cooperatingUnits,
        String timeframe) {

    public Activity {
        leadUnits = leadUnits == null ? List.of() : List.copyOf(leadUnits);
        cooperatingUnits = cooperatingUnits == null ? List.of() : List.copyOf(cooperatingUnits);
    }
}
