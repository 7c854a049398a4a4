package vn.gov.par.contracts.unit;

import java.util.List;

/** A unit already in the directory changed (its name, for example); the fields are its state after the change. */
public record UnitUpdated(
        String code,
        String name,
        String level,
        String kind,
        String parentCode,
        String provinceCode,
        List<String> ancestorCodes) {
}
