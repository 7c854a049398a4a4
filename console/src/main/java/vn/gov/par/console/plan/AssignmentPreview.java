package vn.gov.par.console.plan;

import java.util.List;

/** Who each activity of a draft would give work to, as plan-service reads its texts against the directory. */
public record AssignmentPreview(List<ActivityLine> activities) {

    public AssignmentPreview {
        activities = activities == null ? List.of() : List.copyOf(activities);
    }

    public record Named(String code, String name) {
    }

    /** A text as the plan writes it that names nobody, wholly or in part; role LEAD or COOPERATING. */
    public record Unresolved(String role, String text) {

        public String roleLabel() {
            return "LEAD".equals(role) ? "chủ trì" : "phối hợp";
        }
    }

    public record ActivityLine(String label, String content, List<Named> leads, List<Named> cooperating, List<Unresolved> unresolved) {

        public ActivityLine {
            leads = leads == null ? List.of() : List.copyOf(leads);
            cooperating = cooperating == null ? List.of() : List.copyOf(cooperating);
            unresolved = unresolved == null ? List.of() : List.copyOf(unresolved);
        }

        public String leadNames() {
            return String.join("; ", leads.stream().map(Named::name).toList());
        }

        public String cooperatingNames() {
            return String.join("; ", cooperating.stream().map(Named::name).toList());
        }
    }
}
