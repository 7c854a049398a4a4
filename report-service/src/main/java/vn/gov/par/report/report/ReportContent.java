package vn.gov.par.report.report;

import java.util.ArrayList;
import java.util.List;

/** What a report says: per activity what was done, the standard indicators, difficulties and proposals. */
public record ReportContent(List<ActivityResult> activities, Indicators indicators, String difficulties, String proposals) {

    public ReportContent {
        activities = activities == null ? List.of() : List.copyOf(activities);
        indicators = indicators == null ? Indicators.zero() : indicators;
    }

    /** What keeps this content from being saved; empty when nothing does. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        indicators.negative().forEach(label -> problems.add("Chỉ tiêu '" + label + "' không được âm."));
        for (ActivityResult a : activities) {
            if (a.count() != null && a.count() < 0) {
                problems.add("Số lượng của hoạt động '" + a.activityLabel() + "' không được âm.");
            }
        }
        return problems;
    }
}
