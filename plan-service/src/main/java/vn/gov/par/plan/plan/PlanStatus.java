package vn.gov.par.plan.plan;

/** DRAFT → ISSUED (then immutable) → CLOSED; a draft or an issued plan may be CANCELLED. */
public enum PlanStatus {
    DRAFT,
    ISSUED,
    CLOSED,
    CANCELLED
}
