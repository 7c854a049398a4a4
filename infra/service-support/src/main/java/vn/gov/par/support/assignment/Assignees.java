package vn.gov.par.support.assignment;

import java.util.List;

import vn.gov.par.support.directory.KnownUnit;

/**
 * Who an assignee text names: the units found, and what could not be matched to any unit (kept as
 * written, never dropped).
 *
 * @param unmatched   the fragments of the folded text that name no unit of the issuer's subtree
 * @param emptyGroups the groups named ("các sở, ban, ngành" in a district plan) that no unit of the issuer's subtree belongs to
 */
public record Assignees(List<KnownUnit> units, List<String> unmatched, boolean mentionsRelatedBodies, List<String> emptyGroups) {

    /** Whether a person should look at the text: part of it named nobody, or nobody in particular. */
    public boolean leavesSomethingUnresolved() {
        return !unmatched.isEmpty() || mentionsRelatedBodies || !emptyGroups.isEmpty();
    }
}
