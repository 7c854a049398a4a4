package vn.gov.par.support.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where units sit in the hierarchy, from the service's own units directory (never from what a token claims). */
public interface UnitLineage {

    /** The codes of the units above this one, from the root down; empty when the directory does not know the unit. */
    Optional<List<String>> ancestorsOf(String unitCode);

    /** Whether the unit is the one head of the whole directory: known, with nothing above it, and no other unit so. */
    boolean headsEverything(String unitCode);

    /** The unit and every unit below it; empty when the directory does not know the unit. */
    Set<String> subtreeOf(String unitCode);
}
