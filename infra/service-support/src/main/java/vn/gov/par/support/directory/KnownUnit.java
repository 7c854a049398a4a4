package vn.gov.par.support.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit as a service other than plan-service knows it, from the unit events.
 *
 * @param retiredOn     the day it was dissolved or merged away; null while it is in service
 * @param successorCode the unit it was merged into, if any
 * @param establishedOn the day it came into being, when the directory says: it owes no work that fell due before
 */
public record KnownUnit(String code, String name, String level, String kind, String parentCode, String provinceCode,
        List<String> ancestorCodes, LocalDate retiredOn, String successorCode, LocalDate establishedOn) {

    public boolean isGovernment() {
        return "GOVERNMENT".equals(kind);
    }

    public boolean isRetired() {
        return retiredOn != null;
    }

    public KnownUnit retired(LocalDate on, String successor) {
        return new KnownUnit(code, name, level, kind, parentCode, provinceCode, ancestorCodes, on, successor, establishedOn);
    }
}
