package vn.gov.par.contracts.unit;

import java.util.List;

/**
 * A unit joined the directory.
 *
 * @param level         CENTRAL, PROVINCE, DISTRICT or COMMUNE
 * @param kind          GOVERNMENT or AGENCY
 * @param provinceCode  the province the unit belongs to (its own code for a province or a central unit)
 * @param ancestorCodes from the top of the hierarchy down to the parent
 */
public record UnitRegistered(
        String code,
        String name,
        String level,
        String kind,
        String parentCode,
        String provinceCode,
        List<String> ancestorCodes) {
}
