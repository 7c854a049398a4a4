package vn.gov.par.support.directory;

import java.util.List;

/** A unit as a service other than plan-service knows it, from the unit events. */
public record KnownUnit(String code, String name, String level, String kind, String parentCode, String provinceCode,
        List<String> ancestorCodes) {

    public boolean isGovernment() {
        return "GOVERNMENT".equals(kind);
    }

}
