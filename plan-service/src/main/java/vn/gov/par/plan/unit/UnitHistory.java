package vn.gov.par.plan.unit;

import java.util.List;

/** What the plans say of a unit, for the directory to judge whether it may simply be deleted. */
public interface UnitHistory {

    /** Why the unit has a history, one reason a line in Vietnamese; empty when it has none. */
    List<String> of(Unit unit);
}
