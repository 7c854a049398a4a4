package vn.gov.par.task.assignment;

import java.util.List;

import vn.gov.par.support.directory.KnownUnit;

/**
 * Who an assignee text names: the units found, and what could not be matched to any unit (kept as
 * written, never dropped).
 *
 * @param unmatched the fragments of the folded text that name no unit of the issuer's subtree
 */
public record Assignees(List<KnownUnit> units, List<String> unmatched, boolean mentionsRelatedBodies) {
}
