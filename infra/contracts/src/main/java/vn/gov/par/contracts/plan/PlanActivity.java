package vn.gov.par.contracts.plan;

import java.util.List;

/**
 * One key activity of a plan, as written: lead and cooperating units are the plan's own words
 * ("UBND các xã, thị trấn"), and the timeframe is the text to parse ("hàng quý/2024").
 */
public record PlanActivity(
        String label,
        String content,
        String product,
        List<String> leadUnits,
        List<String> cooperatingUnits,
        String timeframe) {
}
