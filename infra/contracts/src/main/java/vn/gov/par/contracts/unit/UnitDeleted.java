package vn.gov.par.contracts.unit;

import java.util.List;

/**
 * A unit taken out of the directory before it had any history ({@code vn.gov.par.unit.deleted}): imported by mistake,
 * before it owed anything and before any plan above it was issued. The other services forget it.
 *
 * @param ancestorCodes from the top of the hierarchy down to its parent, as it last sat
 */
public record UnitDeleted(String code, String name, String provinceCode, List<String> ancestorCodes) {
}
