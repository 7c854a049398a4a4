package vn.gov.par.plan.cascade;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import vn.gov.par.plan.plan.Plan;
import vn.gov.par.plan.plan.PlanService;
import vn.gov.par.plan.unit.UnitDirectory;
import vn.gov.par.plan.unit.UnitLevel;
import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.access.Access;

/**
 * A cascade's tree as the asking official may see it, drawn from its reads ({@link CascadeReads}). A plan issued in a
 * province has its whole cascade there, so only that province's obligations are read: a unit opened in the national
 * tree costs its province, not the country.
 */
@Service
public class CascadeQueries {

    private final PlanService plans;
    private final CascadeReads reads;
    private final UnitDirectory units;
    private final Clock clock;
    private final WorkingCalendarView calendar;

    CascadeQueries(PlanService plans, CascadeReads reads, UnitDirectory units, Clock clock, WorkingCalendarView calendar) {
        this.calendar = calendar;
        this.plans = plans;
        this.reads = reads;
        this.units = units;
        this.clock = clock;
    }

    /**
     * The cascade of a plan the official may see, showing the obligations of its own unit and those below it, and those a
     * plan whose reports go through its unit created.
     */
    public CascadeTree cascadeOf(String planId, CascadeTree.Listing listing, Access access) {
        Plan plan = plans.get(planId, access);
        CascadeReads.Cascade read = reads.of(plan.rootPlanId(), issuedWithinAProvince(plan) ? plan.provinceCode() : null);
        List<SubPlanObligation> cascade = read.obligations();
        if (!access.seesEverything()) {
            cascade = cascade.stream().filter(obligation -> access.subtree().contains(obligation.unitCode())
                    || access.plansReportedThrough().contains(obligation.parentPlanId())).toList();
        }
        return CascadeTree.of(plan, cascade, read.revisedDrafts(), LocalDate.now(clock), calendar.current(), listing);
    }

    /** Its issuer sits in a province, so every unit below it does too; an issuer above the provinces spans them all. */
    private boolean issuedWithinAProvince(Plan plan) {
        return plan.provinceCode() != null && units.find(plan.issuerCode()).map(issuer -> issuer.level() != UnitLevel.CENTRAL).orElse(false);
    }
}
