package vn.gov.par.plan.unit;

/**
 * The administrative levels. A hierarchy uses some of them, top down: three-tier (province → district
 * → commune) before 1 July 2025, two-tier (province → commune) after. Nothing assumes how many are used.
 */
public enum UnitLevel {
    CENTRAL("cấp trung ương"),
    PROVINCE("cấp tỉnh"),
    DISTRICT("cấp huyện"),
    COMMUNE("cấp xã");

    private final String vietnamese;

    UnitLevel(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public boolean isAbove(UnitLevel other) {
        return ordinal() < other.ordinal();
    }
}
