package vn.gov.par.console.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.gov.par.console.report.ReportContent.ActivityResult;
import vn.gov.par.console.report.ReportContent.Indicator;

/**
 * The draft form as the official filled it in: numbers are kept as typed, so a form sent back with a mistake shows
 * exactly what was written. Field names follow the content's JSON ({@code activities[0].count},
 * {@code indicators[newsArticles]}), and so do the messages' keys ({@code indicators.newsArticles}).
 */
public class DraftForm {

    private List<ActivityLine> activities = new ArrayList<>();
    private Map<String, String> indicators = new LinkedHashMap<>();
    private String difficulties;
    private String proposals;

    public static class ActivityLine {

        private String activityLabel;
        private String activityContent;
        private String result;
        private String count;

        public String getActivityLabel() {
            return activityLabel;
        }

        public void setActivityLabel(String activityLabel) {
            this.activityLabel = activityLabel;
        }

        public String getActivityContent() {
            return activityContent;
        }

        public void setActivityContent(String activityContent) {
            this.activityContent = activityContent;
        }

        public String getResult() {
            return result;
        }

        public void setResult(String result) {
            this.result = result;
        }

        public String getCount() {
            return count;
        }

        public void setCount(String count) {
            this.count = count;
        }
    }

    /** The form filled in with a draft as the service has it (saved, or prepared from the unit's task progress). */
    public static DraftForm of(ReportContent content) {
        DraftForm form = new DraftForm();
        for (ActivityResult activity : content.activities()) {
            ActivityLine line = new ActivityLine();
            line.activityLabel = activity.activityLabel();
            line.activityContent = activity.activityContent();
            line.result = activity.result();
            line.count = activity.count() == null ? "" : String.valueOf(activity.count());
            form.activities.add(line);
        }
        for (Indicator indicator : Indicator.values()) {
            form.indicators.put(indicator.key(), String.valueOf(content.indicator(indicator.key())));
        }
        form.difficulties = content.difficulties();
        form.proposals = content.proposals();
        return form;
    }

    /** What is not a whole number where one is needed, by field; empty when the form can be sent. */
    public Map<String, String> unreadableNumbers() {
        Map<String, String> messages = new LinkedHashMap<>();
        for (int i = 0; i < activities.size(); i++) {
            ActivityLine line = activities.get(i);
            if (!isBlank(line.count) && number(line.count) == null) {
                messages.put("activities[" + i + "].count", "Số lượng phải là số nguyên, ví dụ 12.");
            }
        }
        for (Indicator indicator : Indicator.values()) {
            String value = indicators.get(indicator.key());
            if (!isBlank(value) && number(value) == null) {
                messages.put("indicators." + indicator.key(), "Chỉ tiêu phải là số nguyên, ví dụ 12.");
            }
        }
        return messages;
    }

    /** The content to save; call only when {@link #unreadableNumbers()} is empty. An indicator left empty is 0. */
    public ReportContent content() {
        List<ActivityResult> results = activities.stream()
                .map(line -> new ActivityResult(line.activityLabel, line.activityContent, trimmed(line.result), number(line.count)))
                .toList();
        Map<String, Integer> values = new LinkedHashMap<>();
        for (Indicator indicator : Indicator.values()) {
            Integer value = number(indicators.get(indicator.key()));
            values.put(indicator.key(), value == null ? 0 : value);
        }
        return new ReportContent(results, values, trimmed(difficulties), trimmed(proposals));
    }

    private static Integer number(String text) {
        if (isBlank(text)) {
            return null;
        }
        String digits = text.strip().replace(".", "").replace(" ", "");
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String trimmed(String text) {
        return isBlank(text) ? null : text.strip();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    public List<ActivityLine> getActivities() {
        return activities;
    }

    public void setActivities(List<ActivityLine> activities) {
        this.activities = activities;
    }

    public Map<String, String> getIndicators() {
        return indicators;
    }

    public void setIndicators(Map<String, String> indicators) {
        this.indicators = indicators;
    }

    public String getDifficulties() {
        return difficulties;
    }

    public void setDifficulties(String difficulties) {
        this.difficulties = difficulties;
    }

    public String getProposals() {
        return proposals;
    }

    public void setProposals(String proposals) {
        this.proposals = proposals;
    }
}
