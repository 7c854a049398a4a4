package vn.gov.par.plan.unit;

import java.time.Instant;

/**
 * That a unit was deleted, by whom and when: written with its UnitDeleted event in one write, as the unit's own document,
 * which would otherwise carry the event, is removed.
 *
 * @param id derived from the unit and the revision it was deleted at, so asking again after a crash writes nothing new
 */
public record UnitDeletion(String id, String unitCode, String unitName, Instant deletedAt, String deletedBy) {
}
