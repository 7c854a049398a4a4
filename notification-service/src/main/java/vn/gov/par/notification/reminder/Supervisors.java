package vn.gov.par.notification.reminder;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.directory.PlanSupervision;
import vn.gov.par.support.directory.UnitDirectoryView;

/**
 * Who a deadline is escalated to, one rule for sub-plans, tasks and reports alike: the office the plan names with
 * "qua ..." (its reporting clause: "báo cáo UBND tỉnh qua Sở Nội vụ"), for the work and reports under that plan;
 * otherwise the plan's issuer. The plan is the one that created the obligation: the parent plan of a sub-plan owed, the
 * plan a task or a report belongs to. A unit retired since (dissolved or merged) is escalated to no more: in its place
 * stands its successor, or, dissolved, the unit it sat under (its parent), followed until one still in service. A unit is
 * never escalated to itself: the office's own late work goes to the issuer, and the issuer's own to nobody.
 *
 * <p>What each plan says is learnt from the events that carry it (the issuer from the plan's issue or from an
 * obligation it created, the office from its report obligations) and kept in {@link PlanSupervision}, which task- and
 * report-service keep too, so that the office reads the work it is told of; the rule is applied when an escalation goes
 * out, with everything known by then.
 */
@Component
public class Supervisors {

    private final PlanSupervision plans;
    private final UnitDirectoryView units;

    public Supervisors(PlanSupervision plans, UnitDirectoryView units) {
        this.plans = plans;
        this.units = units;
    }

    /** The plan was issued by that unit (from the plan's issue, or from an obligation or report owed to its issuer). */
    public void issuedBy(String planId, String issuerCode) {
        plans.issuedBy(planId, issuerCode);
    }

    /** The plan's reports go to its issuer through this office ("Sở Nội vụ"), as its reporting clause writes it. */
    public void reportsVia(String planId, String issuerCode, String via) {
        plans.reportsVia(planId, issuerCode, via);
    }

    /** Whether {@code unitCode} sits below {@code aboveCode}: officials of the unit above follow its work in the console. */
    public boolean isAbove(String aboveCode, String unitCode) {
        return aboveCode != null && units.find(unitCode).map(unit -> unit.ancestorCodes().contains(aboveCode)).orElse(false);
    }

    /** The unit told when the deadline is overdue; empty when nobody above it is known or it would be the unit itself. */
    public Optional<String> of(Deadline deadline) {
        Optional<PlanSupervision.Plan> plan = plans.find(deadline.planId());
        String namedIssuer = plan.map(PlanSupervision.Plan::issuerCode).orElse(deadline.supervisorUnitCode());
        if (namedIssuer == null) {
            return Optional.empty();
        }
        String issuer = inService(namedIssuer);
        Optional<String> office = plan.flatMap(plans::officeOf).filter(code -> !code.equals(deadline.unitCode()));
        if (office.isPresent()) {
            return office;
        }
        return issuer.equals(deadline.unitCode()) ? Optional.empty() : Optional.of(issuer);
    }

    /**
     * The unit itself while it is in service; for a retired one, its successor, or, dissolved, the unit it sat under,
     * followed until one in service (a commune dissolved into a district later merged away ends at the district's
     * successor). A unit the directory does not know is taken as it is.
     */
    private String inService(String unitCode) {
        Set<String> passed = new HashSet<>();
        String code = unitCode;
        Optional<KnownUnit> unit = units.find(code);
        while (unit.isPresent() && unit.get().isRetired() && passed.add(code)) {
            String standsFor = unit.get().successorCode() != null ? unit.get().successorCode() : unit.get().parentCode();
            if (standsFor == null) {
                break;
            }
            code = standsFor;
            unit = units.find(code);
        }
        return code;
    }
}
