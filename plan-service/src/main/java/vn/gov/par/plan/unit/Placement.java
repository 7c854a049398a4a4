package vn.gov.par.plan.unit;

/**
 * Where a unit may sit, one rule for an import and for a move: only under a government unit; a government unit below its
 * parent's level; an agency at its parent's level. Each caller says it in its own words (a row's code, a unit's name).
 */
enum Placement {
    ALLOWED, PARENT_IS_AGENCY, GOVERNMENT_NOT_BELOW, AGENCY_NOT_AT_LEVEL;

    static Placement of(UnitLevel level, UnitKind kind, UnitLevel parentLevel, UnitKind parentKind) {
        if (parentKind == UnitKind.AGENCY) {
            return PARENT_IS_AGENCY;
        }
        if (kind == UnitKind.GOVERNMENT && !parentLevel.isAbove(level)) {
            return GOVERNMENT_NOT_BELOW;
        }
        if (kind == UnitKind.AGENCY && parentLevel != level) {
            return AGENCY_NOT_AT_LEVEL;
        }
        return ALLOWED;
    }
}
