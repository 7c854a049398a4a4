package vn.gov.par.contracts.unit;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit dissolved on {@code retiredOn} ({@code vn.gov.par.unit.retired}), alone or merged into a successor. It stays in
 * the directory under its own name, so its past plans, tasks and reports read as they were; it is owed nothing more, is
 * named in no group any longer, and nobody is reminded on its behalf. When {@code successorCode} is given, the successor
 * takes over what was still open: the sub-plans it owed, its tasks, its reports and its contacts.
 *
 * @param ancestorCodes from the top of the hierarchy down to its parent, as it last sat
 * @param successorCode the unit it was merged into; null when it was dissolved with nobody taking over
 */
public record UnitRetired(
        String code,
        String name,
        String provinceCode,
        List<String> ancestorCodes,
        LocalDate retiredOn,
        String successorCode,
        String successorName) {

    public boolean hasSuccessor() {
        return successorCode != null;
    }
}
