package vn.gov.par.plan.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * What a plan says, in the order the documents say it: title and year, the basis it implements,
 * objectives, requirements, audiences, content topics, forms of communication, funding, the indices it
 * serves, the key activities, the reporting clause as written, the recipients (nơi nhận), and the
 * cascade directive (none: the plan orders no sub-plans).
 */
public record PlanContent(
        String title,
        int year,
        String signer,
        String basis,
        List<String> objectives,
        List<String> requirements,
        List<String> audiences,
        List<ContentTopic> topics,
        List<String> communicationForms,
        String funding,
        List<PerformanceIndex> indicators,
        List<Activity> activities,
        String reportingClause,
        List<String> recipients,
        CascadeDirective cascade) {

    public PlanContent {
        objectives = copy(objectives);
        requirements = copy(requirements);
        audiences = copy(audiences);
        topics = copy(topics);
        communicationForms = copy(communicationForms);
        indicators = copy(indicators);
        activities = copy(activities);
        recipients = copy(recipients);
        cascade = cascade == null ? CascadeDirective.none() : cascade.readFor(year);
    }

    /** What keeps this content from being saved as a draft; empty when nothing does. */
    public List<String> draftProblems() {
        List<String> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add("Thiếu tên kế hoạch (title).");
        }
        if (year < 2000 || year > 2100) {
            problems.add("Năm kế hoạch (year) phải trong khoảng 2000–2100.");
        }
        for (int i = 0; i < activities.size(); i++) {
            if (activities.get(i).content() == null || activities.get(i).content().isBlank()) {
                problems.add("Hoạt động thứ " + (i + 1) + " thiếu nội dung (content).");
            }
        }
        return problems;
    }

    private static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
