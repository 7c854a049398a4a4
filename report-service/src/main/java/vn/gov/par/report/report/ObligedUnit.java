package vn.gov.par.report.report;

import java.util.List;

import vn.gov.par.support.domain.DerivedId;

/**
 * A unit that must implement a plan, and so report under it, placed in the hierarchy as the obligation said
 * (or, when it did not, as the units directory does). Kept so that a schedule set by hand later finds who owes
 * reports under the plan.
 *
 * @param unitLevel null until the unit's own event has been seen
 */
public record ObligedUnit(String planId, String unitCode, String unitName, String unitLevel, String provinceCode,
        List<String> ancestorCodes) {

    public ObligedUnit {
        ancestorCodes = ancestorCodes == null ? List.of() : List.copyOf(ancestorCodes);
    }

    String id() {
        return DerivedId.of("obliged-unit", planId, unitCode);
    }
}
