package vn.gov.par.plan.cascade;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.gov.par.plan.plan.Plan;
import vn.gov.par.plan.plan.PlanService;
import vn.gov.par.plan.unit.UnitDirectory;
import vn.gov.par.plan.unit.UnitLevel;
import vn.gov.par.support.calendar.WorkingCalendar;
import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.persistence.AggregateStore;

/**
 * Reads a cascade in two queries, whatever its size: its obligations, and which of the prepared drafts still owed were
 * touched. A plan issued in a province has its whole cascade there, so only that province's obligations are read: a
 * unit opened in the national tree costs its province, not the country.
 */
@Service
public class CascadeQueries {

    private final PlanService plans;
    private final AggregateStore<SubPlanObligation> obligations;
    private final UnitDirectory units;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final WorkingCalendarView calendar;

    public CascadeQueries(PlanService plans, AggregateStore<SubPlanObligation> obligations, UnitDirectory units, MongoTemplate mongo,
            Clock clock, WorkingCalendarView calendar) {
        this.calendar = calendar;
        this.plans = plans;
        this.obligations = obligations;
        this.units = units;
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * The cascade of a plan the official may see, showing the obligations of its own unit and those below it, and those a
     * plan whose reports go through its unit created.
     */
    public CascadeTree cascadeOf(String planId, CascadeTree.Listing listing, Access access) {
        Plan plan = plans.get(planId, access);
        Criteria inCascade = Criteria.where("rootPlanId").is(plan.rootPlanId());
        if (issuedWithinAProvince(plan)) {
            inCascade = inCascade.and("provinceCode").is(plan.provinceCode());
        }
        var cascade = obligations.find(Query.query(inCascade));
        if (!access.seesEverything()) {
            cascade = cascade.stream().filter(obligation -> access.subtree().contains(obligation.unitCode())
                    || access.plansReportedThrough().contains(obligation.parentPlanId())).toList();
        }
        LocalDate today = LocalDate.now(clock);
        WorkingCalendar workingCalendar = calendar.current();
        return CascadeTree.of(plan, cascade, revisedDrafts(cascade, today, workingCalendar), today, workingCalendar, listing);
    }

    /** Its issuer sits in a province, so every unit below it does too; an issuer above the provinces spans them all. */
    private boolean issuedWithinAProvince(Plan plan) {
        return plan.provinceCode() != null && units.find(plan.issuerCode()).map(issuer -> issuer.level() != UnitLevel.CENTRAL).orElse(false);
    }

    /**
     * The prepared drafts their units have started editing, among those whose status it decides: owed and not yet
     * overdue. Asked by id, so a cascade mostly issued asks for little.
     */
    private Set<String> revisedDrafts(List<SubPlanObligation> cascade, LocalDate today, WorkingCalendar workingCalendar) {
        List<String> undecided = cascade.stream().filter(o -> o.isOpen() && !workingCalendar.isLate(o.dueDate(), today)).map(SubPlanObligation::draftPlanId)
                .toList();
        if (undecided.isEmpty()) {
            return Set.of();
        }
        Query revised = Query.query(Criteria.where("_id").in(undecided).and("revisedAt").ne(null));
        revised.fields().include("_id");
        return mongo.find(revised, Document.class, "plans").stream().map(d -> d.get("_id").toString()).collect(Collectors.toSet());
    }
}
