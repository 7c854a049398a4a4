package vn.gov.par.console.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan as plan-service answers it, with the content in the order the document reads. Editing sends back what was
 * read with the form's fields changed (see {@link PlanPages}), so a field the console does not show is never lost.
 *
 * @param obligationId the sub-plan obligation this plan answers; null for a plan drafted from scratch
 */
public record PlanView(String id, String issuerCode, String issuerName, String parentPlanId, String rootPlanId, String obligationId,
        Content content, String status, String number, LocalDate issuedOn, LocalDate closedOn, LocalDate cancelledOn,
        String cancelReason, Instant createdAt, Instant revisedAt) {

    public record Content(String title, int year, String signer, String basis, List<String> objectives, List<String> requirements,
            List<String> audiences, List<Topic> topics, List<String> communicationForms, String funding, List<String> indicators,
            List<Activity> activities, String reportingClause, List<String> recipients, Cascade cascade) {

        public Content {
            objectives = orEmpty(objectives);
            requirements = orEmpty(requirements);
            audiences = orEmpty(audiences);
            topics = orEmpty(topics);
            communicationForms = orEmpty(communicationForms);
            indicators = orEmpty(indicators);
            activities = orEmpty(activities);
            recipients = orEmpty(recipients);
        }
    }

    public record Topic(String area, String text) {
    }

    public record Activity(String label, String content, String product, List<String> leadUnits, List<String> cooperatingUnits,
            String timeframe) {

        public Activity {
            leadUnits = orEmpty(leadUnits);
            cooperatingUnits = orEmpty(cooperatingUnits);
        }
    }

    /** @param dueAsWritten the deadline as the plan words it, shown beside the date read from it */
    public record Cascade(LocalDate dueDate, Boolean subordinateGovernments, Boolean ownAgencies, List<String> agencyCodes,
            String dueAsWritten) {

        public Cascade {
            agencyCodes = orEmpty(agencyCodes);
        }
    }

    public boolean isDraft() {
        return "DRAFT".equals(status);
    }

    public boolean isIssued() {
        return "ISSUED".equals(status);
    }

    /** A draft prepared for a unit from its parent's plan, still as prepared. */
    public boolean isPreparedSubPlan() {
        return obligationId != null && isDraft();
    }

    /** "Dự thảo", "Đã ban hành", "Đã kết thúc", "Đã hủy". */
    public String statusLabel() {
        return switch (status) {
            case "DRAFT" -> "Dự thảo";
            case "ISSUED" -> "Đã ban hành";
            case "CLOSED" -> "Đã kết thúc";
            case "CANCELLED" -> "Đã hủy";
            default -> status;
        };
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
