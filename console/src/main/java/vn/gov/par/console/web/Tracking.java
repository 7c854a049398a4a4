package vn.gov.par.console.web;

import java.time.LocalDate;

/**
 * The five statuses by which Vietnamese offices track work, with the one colour each has on every screen: what a
 * service calls a task occurrence, a report or a sub-plan obligation is shown as one of these.
 */
public enum Tracking {
    DONE_ON_TIME("Hoàn thành đúng hạn", "done-on-time"),
    DONE_LATE("Hoàn thành quá hạn", "done-late"),
    IN_PROGRESS("Đang thực hiện trong hạn", "in-progress"),
    OVERDUE("Quá hạn chưa hoàn thành", "overdue"),
    NOT_YET_DUE("Chưa đến hạn", "not-yet-due");

    private final String label;
    private final String cssClass;

    Tracking(String label, String cssClass) {
        this.label = label;
        this.cssClass = cssClass;
    }

    public String label() {
        return label;
    }

    public String cssClass() {
        return cssClass;
    }

    /**
     * A task occurrence (task-service's NOT_DUE, OVERDUE, DONE_ON_TIME, DONE_LATE, ON_DEMAND): work not done and not
     * late is under way once its period has begun, not yet due before; on-demand work, having no deadline, is under way.
     */
    public static Tracking ofOccurrence(String status, LocalDate periodStart, LocalDate today) {
        return switch (status) {
            case "DONE_ON_TIME" -> DONE_ON_TIME;
            case "DONE_LATE" -> DONE_LATE;
            case "OVERDUE" -> OVERDUE;
            case "NOT_DUE" -> periodStart != null && periodStart.isAfter(today) ? NOT_YET_DUE : IN_PROGRESS;
            default -> IN_PROGRESS;
        };
    }

    /**
     * A report (report-service's EXPECTED, DRAFT, SUBMITTED, RETURNED, ACCEPTED): sent when it was first submitted, on
     * time or not as report-service judged it; otherwise late once report-service has found it overdue (by its effective
     * deadline: a due date on a day off runs to the next working day), under way once its period has ended (the unit can
     * then report on it), not yet due before.
     *
     * @param firstSentOnTime whether its first submission was on time; null if it was never submitted
     */
    public static Tracking ofReport(String status, LocalDate periodTo, Boolean firstSentOnTime, boolean overdue, LocalDate today) {
        if (("SUBMITTED".equals(status) || "ACCEPTED".equals(status) || "RETURNED".equals(status)) && firstSentOnTime != null) {
            return firstSentOnTime ? DONE_ON_TIME : DONE_LATE;
        }
        if (overdue) {
            return OVERDUE;
        }
        return periodTo != null && periodTo.isAfter(today) ? NOT_YET_DUE : IN_PROGRESS;
    }

    /** A sub-plan obligation (plan-service's PENDING, DRAFTED, ISSUED_ON_TIME, ISSUED_LATE, OVERDUE). */
    public static Tracking ofObligation(String status) {
        return switch (status) {
            case "ISSUED_ON_TIME" -> DONE_ON_TIME;
            case "ISSUED_LATE" -> DONE_LATE;
            case "OVERDUE" -> OVERDUE;
            default -> IN_PROGRESS;
        };
    }
}
