package vn.gov.par.support.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.query.Criteria;

import vn.gov.par.support.access.Access;

/**
 * What an official sees of documents that carry their unit ({@code unitCode}) and the units above it
 * ({@code ancestorCodes}, as they were when the document was made): those of its own unit and of every unit below it.
 */
public final class VisibleUnits {

    private VisibleUnits() {
    }

    /**
     * The condition such a document the official sees meets; none for an official of the unit heading the whole
     * directory (it sees everything), one nothing meets for an account attached to no unit.
     */
    public static Optional<Criteria> of(Access access) {
        if (access.seesEverything()) {
            return Optional.empty();
        }
        String own = access.unitCode();
        if (own == null) {
            return Optional.of(Criteria.where("_id").exists(false));
        }
        List<Criteria> visible = new ArrayList<>(List.of(Criteria.where("unitCode").is(own), Criteria.where("ancestorCodes").is(own)));
        if (!access.plansReportedThrough().isEmpty()) {
            visible.add(Criteria.where("planId").in(access.plansReportedThrough()));
        }
        return Optional.of(new Criteria().orOperator(visible));
    }

    /**
     * As {@link #of(Access)}, or no condition when the query keeps anyway to one unit the official sees and the units
     * below it ({@code keptWithin}: the unit asked for, the unit whose subtree is asked for, the province asked for):
     * every document it finds is then one the official sees, and a query without the alternatives is served, sorted,
     * from one index.
     */
    public static Optional<Criteria> of(Access access, String... keptWithin) {
        return Arrays.stream(keptWithin).anyMatch(unit -> unit != null && access.sees(unit)) ? Optional.empty() : of(access);
    }
}
