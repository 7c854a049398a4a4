package vn.gov.par.contracts;

/**
 * One topic per owning aggregate. The key that keeps order is named beside each topic:
 * consumers rely on it, so a producer must not change it.
 */
public final class Topics {

    /** Plans and their sub-plan obligations; keyed by the plan id (an obligation by its parent plan's id). */
    public static final String PLAN_EVENTS = "plan.events";

    /** The units directory; keyed by province code so one province's changes stay ordered. */
    public static final String UNIT_EVENTS = "unit.events";

    /** Task assignments and their occurrences; keyed by province code. */
    public static final String TASK_EVENTS = "task.events";

    /** Report obligations and submissions; keyed by province code. */
    public static final String REPORT_EVENTS = "report.events";

    /** Reminders and escalations; keyed by province code. */
    public static final String NOTIFICATION_EVENTS = "notification.events";

    /** The working calendar administrators adjust; keyed by {@link #CALENDAR_KEY}, one calendar for the country. */
    public static final String CALENDAR_EVENTS = "calendar.events";

    /** The key of every event on {@link #CALENDAR_EVENTS}. */
    public static final String CALENDAR_KEY = "VN";

    private Topics() {
    }
}
