package vn.gov.par.contracts.unit;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit's whole state as the directory now records it: when it joins ({@code vn.gov.par.unit.registered}) and after
 * every change ({@code vn.gov.par.unit.updated}). Both types carry this one payload, so a reader applies either the same
 * way; the type says only whether the unit is new.
 *
 * @param level         CENTRAL, PROVINCE, DISTRICT or COMMUNE
 * @param kind          GOVERNMENT or AGENCY
 * @param provinceCode  the province the unit belongs to (its own code for a province or a central unit)
 * @param ancestorCodes from the top of the hierarchy down to the parent
 * @param establishedOn the day the unit came into being (one formed by the 2025 arrangement, say): it owes no work that fell
 *                      due before; null when the directory does not say, and it then owes all the plans above it give
 */
public record UnitRecorded(
        String code,
        String name,
        String level,
        String kind,
        String parentCode,
        String provinceCode,
        List<String> ancestorCodes,
        LocalDate establishedOn) {
}
