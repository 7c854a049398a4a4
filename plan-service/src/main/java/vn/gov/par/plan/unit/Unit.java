package vn.gov.par.plan.unit;

import java.util.List;

/**
 * A unit of the directory.
 *
 * @param provinceCode  the province it belongs to (its own code for a province; the root's code above provinces)
 * @param ancestorCodes from the top of the hierarchy down to its parent
 */
public record Unit(
        String code,
        String name,
        UnitLevel level,
        UnitKind kind,
        String parentCode,
        String provinceCode,
        List<String> ancestorCodes) {

    public boolean isGovernment() {
        return kind == UnitKind.GOVERNMENT;
    }
}
