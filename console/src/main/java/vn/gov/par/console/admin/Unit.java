package vn.gov.par.console.admin;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit of plan-service's directory, as {@code GET /api/units/{code}} and its children answer it.
 *
 * @param retirement when it was dissolved or merged away; null while it is in service
 */
record Unit(String code, String name, String level, String kind, String parentCode, String provinceCode, List<String> ancestorCodes,
        Retirement retirement) {

    /** @param successorCode the unit it was merged into; null when dissolved */
    record Retirement(LocalDate retiredOn, String successorCode) {
    }

    Unit {
        ancestorCodes = ancestorCodes == null ? List.of() : List.copyOf(ancestorCodes);
    }

    /** "Cấp tỉnh", as plan-service names its levels. */
    public String levelLabel() {
        return switch (level == null ? "" : level) {
            case "CENTRAL" -> "Cấp trung ương";
            case "PROVINCE" -> "Cấp tỉnh";
            case "DISTRICT" -> "Cấp huyện";
            case "COMMUNE" -> "Cấp xã";
            default -> level;
        };
    }

    public String kindLabel() {
        return "AGENCY".equals(kind) ? "Cơ quan" : "Chính quyền";
    }

    public boolean isRetired() {
        return retirement != null;
    }

    /** Whether it heads the directory: only an administrator of such a unit may change the nationwide working calendar. */
    public boolean isTop() {
        return ancestorCodes.isEmpty();
    }
}
