package vn.gov.par.plan.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.gov.par.support.assignment.AssigneeResolver;
import vn.gov.par.support.assignment.Assignees;
import vn.gov.par.support.directory.KnownUnit;

/**
 * Who each activity of a plan gives work to, read against the issuer's subtree exactly as task-service will read it once
 * the plan is issued (a unit named both to lead and to cooperate leads), and what names nobody.
 *
 * @param activities one line per activity, in the plan's order
 */
public record AssignmentPreview(List<ActivityPreview> activities) {

    /** A unit the plan gives work to. */
    public record Named(String code, String name) {
    }

    /**
     * @param unresolved each text as the plan writes it that names nobody, wholly or in part, with what role
     */
    public record ActivityPreview(String label, String content, List<Named> leads, List<Named> cooperating, List<Unresolved> unresolved) {
    }

    /**
     * @param role         "LEAD" or "COOPERATING"
     * @param text         the text as the plan writes it
     * @param unmatched    its parts that match no unit (folded, as compared)
     * @param emptyGroups  the groups it names that no unit belongs to ("các sở, ban, ngành" in a district's plan)
     */
    public record Unresolved(String role, String text, List<String> unmatched, List<String> emptyGroups) {
    }

    public static AssignmentPreview of(List<Activity> activities, KnownUnit issuer, List<KnownUnit> subtree) {
        AssigneeResolver resolver = new AssigneeResolver(issuer, subtree);
        List<ActivityPreview> lines = new ArrayList<>();
        for (Activity activity : activities) {
            Map<String, Named> leads = new LinkedHashMap<>();
            Map<String, Named> cooperating = new LinkedHashMap<>();
            List<Unresolved> unresolved = new ArrayList<>();
            read(activity.leadUnits(), "LEAD", resolver, leads, unresolved);
            read(activity.cooperatingUnits(), "COOPERATING", resolver, cooperating, unresolved);
            leads.keySet().forEach(cooperating::remove);
            lines.add(new ActivityPreview(activity.label(), activity.content(), List.copyOf(leads.values()), List.copyOf(cooperating.values()),
                    unresolved));
        }
        return new AssignmentPreview(lines);
    }

    private static void read(List<String> texts, String role, AssigneeResolver resolver, Map<String, Named> found, List<Unresolved> unresolved) {
        for (String text : texts) {
            Assignees assignees = resolver.resolve(text);
            assignees.units().forEach(unit -> found.putIfAbsent(unit.code(), new Named(unit.code(), unit.name())));
            if (!assignees.unmatched().isEmpty() || !assignees.emptyGroups().isEmpty()) {
                unresolved.add(new Unresolved(role, text, assignees.unmatched(), assignees.emptyGroups()));
            }
        }
    }

    /** Whether the plan has activities and none of them gives work to anyone. */
    public boolean assignsNobody() {
        return !activities.isEmpty() && activities.stream().allMatch(a -> a.leads().isEmpty() && a.cooperating().isEmpty());
    }

    /** What an issuer should look at before issuing, one line each, in Vietnamese; empty when every text names somebody. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (assignsNobody()) {
            problems.add("Không hoạt động nào của kế hoạch giao được việc cho đơn vị nào trong danh mục.");
        }
        for (ActivityPreview activity : activities) {
            for (Unresolved text : activity.unresolved()) {
                problems.add("Hoạt động " + (activity.label() == null ? "\"" + activity.content() + "\"" : activity.label()) + ", "
                        + ("LEAD".equals(text.role()) ? "cơ quan chủ trì" : "cơ quan phối hợp") + " \"" + text.text()
                        + "\": có phần không khớp đơn vị nào trong danh mục.");
            }
        }
        return problems;
    }
}
