package vn.gov.par.support.directory;

import java.util.List;
import java.util.Optional;

/**
 * The few questions the shared rules ask of a units directory, whichever the service keeps: plan-service's own, or
 * another service's copy ({@link UnitDirectoryView}).
 */
public interface UnitLookup {

    Optional<KnownUnit> find(String code);

    /** The units directly below this one. */
    List<KnownUnit> children(String code);

    /**
     * The unit in service that stands for a retired one: its successor, or the successor's; empty for one dissolved with
     * nobody taking over, or one not known. A unit in service stands for itself.
     */
    Optional<KnownUnit> standingFor(String code);
}
