package vn.gov.par.console.admin;

import java.util.List;

/** A unit of plan-service's directory, as {@code GET /api/units/{code}} and its children answer it. */
record Unit(String code, String name, String level, String kind, String parentCode, String provinceCode, List<String> ancestorCodes) {

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

    /** Whether it heads the directory: only an administrator of such a unit may change the nationwide working calendar. */
    public boolean isTop() {
        return ancestorCodes.isEmpty();
    }
}
