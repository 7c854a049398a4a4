package vn.gov.par.plan.unit;

import java.time.LocalDate;
import java.util.List;

import vn.gov.par.support.directory.KnownUnit;

/**
 * A unit of the directory.
 *
 * @param provinceCode  the province it belongs to (its own code for a province; the root's code above provinces)
 * @param ancestorCodes from the top of the hierarchy down to its parent
 * @param retirement    when it was dissolved or merged away; null while it is in service
 * @param establishedOn the day it came into being, when the import said (a unit formed by the 2025 arrangement): it owes no
 *                      work of the plans above it that fell due before; null when not said
 */
public record Unit(
        String code,
        String name,
        UnitLevel level,
        UnitKind kind,
        String parentCode,
        String provinceCode,
        List<String> ancestorCodes,
        Retirement retirement,
        LocalDate establishedOn) {

    public boolean isRetired() {
        return retirement != null;
    }

    public Unit retired(Retirement how) {
        return new Unit(code, name, level, kind, parentCode, provinceCode, ancestorCodes, how, establishedOn);
    }

    public boolean isGovernment() {
        return kind == UnitKind.GOVERNMENT;
    }

    /** The unit as the other services know it from the unit events, for what they share (reading assignees). */
    public KnownUnit known() {
        return new KnownUnit(code, name, level.name(), kind.name(), parentCode, provinceCode, ancestorCodes,
                isRetired() ? retirement.retiredOn() : null, isRetired() ? retirement.successorCode() : null, establishedOn);
    }
}
