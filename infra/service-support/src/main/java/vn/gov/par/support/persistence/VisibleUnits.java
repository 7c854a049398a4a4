package vn.gov.par.support.persistence;

import java.util.ArrayList;
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
}
