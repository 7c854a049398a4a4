package vn.gov.par.console.plan;

import vn.gov.par.console.web.Tracking;

/** Where a unit stands with the plan it must issue to implement its supervisor's (plan-service's names), as officials say it. */
public enum ObligationStatus {
    ISSUED_ON_TIME("Đã ban hành đúng hạn", Tracking.DONE_ON_TIME),
    ISSUED_LATE("Ban hành quá hạn", Tracking.DONE_LATE),
    DRAFTED("Đang soạn", Tracking.IN_PROGRESS),
    PENDING("Chưa ban hành", Tracking.IN_PROGRESS),
    OVERDUE("Quá hạn chưa ban hành", Tracking.OVERDUE),
    /** Grey: the supervisor's plan was cancelled, nothing is owed any more. */
    CANCELLED("Đã hủy", Tracking.NOT_YET_DUE);

    private final String label;
    private final Tracking colour;

    ObligationStatus(String label, Tracking colour) {
        this.label = label;
        this.colour = colour;
    }

    public String label() {
        return label;
    }

    /** The badge's class: the colour of the tracking status it stands for. */
    public String cssClass() {
        return colour.cssClass();
    }

    /** The status a filter names; null for none or one the service does not know. */
    public static ObligationStatus parse(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return valueOf(name.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
