package vn.gov.par.plan.cascade;

/** Where a unit stands with the sub-plan it owes, as its supervisor sees it. */
public enum ObligationStatus {
    /** The prepared draft is untouched and the due date has not passed. */
    PENDING,
    /** The unit is working on its draft and the due date has not passed. */
    DRAFTED,
    ISSUED_ON_TIME,
    ISSUED_LATE,
    /** Not issued and the due date has passed. */
    OVERDUE,
    /** The parent plan was cancelled, or the unit retired, before the unit issued. */
    CANCELLED;

    public boolean isIssued() {
        return this == ISSUED_ON_TIME || this == ISSUED_LATE;
    }
}
