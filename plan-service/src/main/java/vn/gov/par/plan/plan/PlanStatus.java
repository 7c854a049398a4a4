package vn.gov.par.plan.plan;

/** DRAFT → ISSUED (then immutable) → CLOSED; a draft or an issued plan may be CANCELLED. */
public enum PlanStatus {
    DRAFT("đang là dự thảo"),
    ISSUED("đã ban hành"),
    CLOSED("đã kết thúc"),
    CANCELLED("đã bị hủy");

    private final String vietnamese;

    PlanStatus(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    /** How an official says a plan is in this state: "kế hoạch đã ban hành". */
    public String vietnamese() {
        return vietnamese;
    }
}
