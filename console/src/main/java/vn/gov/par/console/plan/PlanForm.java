package vn.gov.par.console.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's content as the draft form edits it: lists as one item per line, the activities as table rows. It is written
 * onto the content the service last sent ({@link #writeOnto}), so whatever the form does not show is sent back as it was.
 */
public class PlanForm {

    private String title;
    private Integer year;
    private String signer;
    private String basis;
    private String objectives;
    private String requirements;
    private String audiences;
    private String communicationForms;
    private String funding;
    private List<String> indicators = new ArrayList<>();
    private List<ActivityRow> activities = new ArrayList<>();
    private String reportingClause;
    private String recipients;
    private LocalDate cascadeDueDate;
    private String cascadeDueAsWritten;
    private boolean cascadeSubordinateGovernments = true;
    private boolean cascadeOwnAgencies;
    private String cascadeAgencyCodes;

    /** The performance indices a plan may name, as plan-service knows them. */
    public static final List<String> INDICES = List.of("PAR_INDEX", "SIPAS", "PAPI", "PCI", "DDCI", "DTI");

    public static class ActivityRow {
        private String label;
        private String content;
        private String product;
        private String leadUnits;
        private String cooperatingUnits;
        private String timeframe;

        public String getLabel() { return label; }
        public void setLabel(String label) { this.label = label; }
        public String getContent() { return content; }
        public void setContent(String content) { this.content = content; }
        public String getProduct() { return product; }
        public void setProduct(String product) { this.product = product; }
        public String getLeadUnits() { return leadUnits; }
        public void setLeadUnits(String leadUnits) { this.leadUnits = leadUnits; }
        public String getCooperatingUnits() { return cooperatingUnits; }
        public void setCooperatingUnits(String cooperatingUnits) { this.cooperatingUnits = cooperatingUnits; }
        public String getTimeframe() { return timeframe; }
        public void setTimeframe(String timeframe) { this.timeframe = timeframe; }

        boolean isBlank() {
            return Arrays.asList(label, content, product, leadUnits, cooperatingUnits, timeframe).stream()
                    .allMatch(value -> value == null || value.isBlank());
        }
    }

    public static PlanForm blank(int year) {
        PlanForm form = new PlanForm();
        form.year = year;
        form.activities.add(new ActivityRow());
        return form;
    }

    public static PlanForm of(PlanView.Content content) {
        PlanForm form = new PlanForm();
        form.title = content.title();
        form.year = content.year();
        form.signer = content.signer();
        form.basis = content.basis();
        form.objectives = lines(content.objectives());
        form.requirements = lines(content.requirements());
        form.audiences = lines(content.audiences());
        form.communicationForms = lines(content.communicationForms());
        form.funding = content.funding();
        form.indicators = new ArrayList<>(content.indicators());
        for (PlanView.Activity activity : content.activities()) {
            ActivityRow row = new ActivityRow();
            row.label = activity.label();
            row.content = activity.content();
            row.product = activity.product();
            row.leadUnits = String.join("; ", activity.leadUnits());
            row.cooperatingUnits = String.join("; ", activity.cooperatingUnits());
            row.timeframe = activity.timeframe();
            form.activities.add(row);
        }
        form.reportingClause = content.reportingClause();
        form.recipients = lines(content.recipients());
        if (content.cascade() != null) {
            form.cascadeDueDate = content.cascade().dueDate();
            form.cascadeDueAsWritten = content.cascade().dueAsWritten();
            form.cascadeSubordinateGovernments = !Boolean.FALSE.equals(content.cascade().subordinateGovernments());
            form.cascadeOwnAgencies = Boolean.TRUE.equals(content.cascade().ownAgencies());
            form.cascadeAgencyCodes = String.join(", ", content.cascade().agencyCodes());
        }
        return form;
    }

    /** The content to send: {@code current} (the service's last answer, or empty for a new plan) with the form's fields. */
    public Map<String, Object> writeOnto(Map<String, Object> current) {
        Map<String, Object> content = new LinkedHashMap<>(current);
        content.put("title", title);
        content.put("year", year);
        content.put("signer", blankToNull(signer));
        content.put("basis", blankToNull(basis));
        content.put("objectives", items(objectives, "\n"));
        content.put("requirements", items(requirements, "\n"));
        content.put("audiences", items(audiences, "\n"));
        content.put("communicationForms", items(communicationForms, "\n"));
        content.put("funding", blankToNull(funding));
        content.put("indicators", List.copyOf(indicators));
        content.put("activities", activities.stream().filter(row -> !row.isBlank()).map(row -> {
            Map<String, Object> activity = new LinkedHashMap<>();
            activity.put("label", blankToNull(row.label));
            activity.put("content", row.content);
            activity.put("product", blankToNull(row.product));
            activity.put("leadUnits", items(row.leadUnits, ";"));
            activity.put("cooperatingUnits", items(row.cooperatingUnits, ";"));
            activity.put("timeframe", blankToNull(row.timeframe));
            return activity;
        }).toList());
        content.put("reportingClause", blankToNull(reportingClause));
        content.put("recipients", items(recipients, "\n"));
        Map<String, Object> cascade = new LinkedHashMap<>();
        cascade.put("dueDate", cascadeDueDate == null ? null : cascadeDueDate.toString());
        cascade.put("dueAsWritten", blankToNull(cascadeDueAsWritten));
        cascade.put("subordinateGovernments", cascadeSubordinateGovernments);
        cascade.put("ownAgencies", cascadeOwnAgencies);
        cascade.put("agencyCodes", items(cascadeAgencyCodes, ","));
        content.put("cascade", cascade);
        return content;
    }

    public void addActivity() {
        activities.add(new ActivityRow());
    }

    public void removeActivity(int index) {
        if (index >= 0 && index < activities.size()) {
            activities.remove(index);
        }
    }

    private static String lines(List<String> items) {
        return String.join("\n", items);
    }

    private static List<String> items(String text, String separator) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(separator.equals("\n") ? "\\R" : separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Integer getYear() { return year; }
    public void setYear(Integer year) { this.year = year; }
    public String getSigner() { return signer; }
    public void setSigner(String signer) { this.signer = signer; }
    public String getBasis() { return basis; }
    public void setBasis(String basis) { this.basis = basis; }
    public String getObjectives() { return objectives; }
    public void setObjectives(String objectives) { this.objectives = objectives; }
    public String getRequirements() { return requirements; }
    public void setRequirements(String requirements) { this.requirements = requirements; }
    public String getAudiences() { return audiences; }
    public void setAudiences(String audiences) { this.audiences = audiences; }
    public String getCommunicationForms() { return communicationForms; }
    public void setCommunicationForms(String communicationForms) { this.communicationForms = communicationForms; }
    public String getFunding() { return funding; }
    public void setFunding(String funding) { this.funding = funding; }
    public List<String> getIndicators() { return indicators; }
    public void setIndicators(List<String> indicators) { this.indicators = indicators == null ? new ArrayList<>() : indicators; }
    public List<ActivityRow> getActivities() { return activities; }
    public void setActivities(List<ActivityRow> activities) { this.activities = activities == null ? new ArrayList<>() : activities; }
    public String getReportingClause() { return reportingClause; }
    public void setReportingClause(String reportingClause) { this.reportingClause = reportingClause; }
    public String getRecipients() { return recipients; }
    public void setRecipients(String recipients) { this.recipients = recipients; }
    public LocalDate getCascadeDueDate() { return cascadeDueDate; }
    public void setCascadeDueDate(LocalDate cascadeDueDate) { this.cascadeDueDate = cascadeDueDate; }
    public String getCascadeDueAsWritten() { return cascadeDueAsWritten; }
    public void setCascadeDueAsWritten(String cascadeDueAsWritten) { this.cascadeDueAsWritten = cascadeDueAsWritten; }
    public boolean isCascadeSubordinateGovernments() { return cascadeSubordinateGovernments; }
    public void setCascadeSubordinateGovernments(boolean value) { this.cascadeSubordinateGovernments = value; }
    public boolean isCascadeOwnAgencies() { return cascadeOwnAgencies; }
    public void setCascadeOwnAgencies(boolean cascadeOwnAgencies) { this.cascadeOwnAgencies = cascadeOwnAgencies; }
    public String getCascadeAgencyCodes() { return cascadeAgencyCodes; }
    public void setCascadeAgencyCodes(String cascadeAgencyCodes) { this.cascadeAgencyCodes = cascadeAgencyCodes; }
}
