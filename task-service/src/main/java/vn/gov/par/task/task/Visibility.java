package vn.gov.par.task.task;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.query.Criteria;

import vn.gov.par.support.access.Access;

/**
 * What of the tasks and occurrences an official sees: those of its own unit and of every unit below it, told by the
 * unit code and the codes of the units above it that each carries (as they were when the work was assigned).
 */
public final class Visibility {

    private Visibility() {
    }

    /** Whether the official sees work of this unit, which sits below these. */
    public static boolean sees(Access access, String unitCode, List<String> ancestorCodes) {
        return access.sees(unitCode, ancestorCodes == null ? List.of() : ancestorCodes);
    }

    /**
     * The condition a task or occurrence the official sees meets; none for an official of the unit heading the whole
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
        return Optional.of(new Criteria().orOperator(Criteria.where("unitCode").is(own), Criteria.where("ancestorCodes").is(own)));
    }
}
