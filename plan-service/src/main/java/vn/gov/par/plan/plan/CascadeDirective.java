package vn.gov.par.plan.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * Which units below the issuer must issue their own plan, and by when.
 *
 * @param subordinateGovernments every government unit directly below the issuer; true unless said otherwise
 * @param ownAgencies            every agency attached to the issuer; false unless said otherwise
 * @param agencyCodes            agencies named one by one, anywhere in the issuer's subtree
 */
public record CascadeDirective(LocalDate dueDate, Boolean subordinateGovernments, Boolean ownAgencies, List<String> agencyCodes) {

    public CascadeDirective {
        subordinateGovernments = subordinateGovernments == null || subordinateGovernments;
        ownAgencies = ownAgencies != null && ownAgencies;
        agencyCodes = agencyCodes == null ? List.of() : List.copyOf(agencyCodes);
    }

    public static CascadeDirective defaults() {
        return new CascadeDirective(null, true, false, List.of());
    }
}
