package vn.gov.par.report.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import vn.gov.par.contracts.Actor;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.plan.PlanCancelled;
import vn.gov.par.contracts.plan.PlanClosed;
import vn.gov.par.contracts.plan.SubPlanObligationCreated;
import vn.gov.par.contracts.report.ReportsDue;
import vn.gov.par.contracts.unit.UnitRecorded;
import vn.gov.par.contracts.unit.UnitRetired;
import vn.gov.par.report.plan.ReportPlan;
import vn.gov.par.report.plan.ReportPlans;
import vn.gov.par.support.reporting.PeriodType;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.domain.DerivedId;
import vn.gov.par.support.outbox.OutboxMessage;
import vn.gov.par.support.outbox.OutboxMessageFactory;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.Documents;

/**
 * Where expected reports come from, and where they go: a unit obliged under a plan owes one report per period
 * of the plan's schedule, from the moment both are known; a cancelled plan's unsubmitted reports are owed no
 * more; a unit that moves takes its open reports along; a unit retired owes nothing falling due after its retirement,
 * and its successor owes that instead. Every step may run twice: report ids are derived from plan, unit and period,
 * obligation ids from plan and unit, and the bulk changes only touch what still differs.
 */
@Service
public class Obligations {

    static final String OBLIGED_UNITS = "obliged_units";
    private static final List<ReportStatus> UNSUBMITTED = List.of(ReportStatus.EXPECTED, ReportStatus.DRAFT, ReportStatus.RETURNED);

    private final AggregateStore<Report> reports;
    private final ReportPlans plans;
    private final UnitDirectoryView directory;
    private final MongoTemplate mongo;
    private final OutboxMessageFactory messages;
    private final Clock clock;

    public Obligations(AggregateStore<Report> reports, ReportPlans plans, UnitDirectoryView directory, MongoTemplate mongo,
            OutboxMessageFactory messages, Clock clock) {
        this.reports = reports;
        this.plans = plans;
        this.directory = directory;
        this.mongo = mongo;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The plan's own event precedes its obligations on the plan's partition, so its schedule is known. The obligation kept
     * is the one that counts: a successor's may have been taken in first, from its predecessor's retirement.
     */
    public void onSubPlanObligationCreated(SubPlanObligationCreated obligation) {
        ReportPlan plan = plans.find(obligation.parentPlanId()).orElseThrow(() -> new IllegalStateException(
                "Plan " + obligation.parentPlanId() + " has obligations but its PlanIssued was not seen"));
        Optional<KnownUnit> known = directory.find(obligation.unitCode());
        ObligedUnit unit = kept(place(obligation, known));
        if (obligation.takenOverAfter() == null && unit.owesAfter() != null) {
            // Obliged in its own right, read after it took over a retired unit's obligation under the same plan: it owes all.
            mongo.updateFirst(Query.query(Criteria.where("_id").is(unit.id())), new Update().unset("owesAfter"), OBLIGED_UNITS);
            unit = unit.owingEveryPeriod();
        }
        if (plan.expectsNewReports()) {
            expect(plan, unit, null);
        }
        // Delivered after the unit's retirement: what it would owe from then on is its successor's, as under its other plans.
        known.filter(KnownUnit::isRetired).ifPresent(retired -> takeOver(plan, retired.retiredOn(), retired.code(), retired.successorCode()));
    }

    /**
     * A person sets the schedule of a plan whose clause could not be read: every unit already obliged under the
     * plan now owes its reports. Run again (a retried request), it completes what a crash may have left undone. Only an
     * officer of the plan's issuer may; the reports it makes due name that official on their ReportsDue.
     */
    public ReportPlan setScheduleByHand(String planId, List<PeriodType> types, Integer dueDay, String by, Access access) {
        ReportPlan plan = plans.setScheduleByHand(planId, types, dueDay, by, access);
        expectFromEveryObligedUnit(plan, access.official().actor());
        return plan;
    }

    private void expectFromEveryObligedUnit(ReportPlan plan, Actor actor) {
        if (plan.expectsNewReports()) {
            mongo.find(Query.query(Criteria.where("planId").is(plan.planId())), ObligedUnit.class, OBLIGED_UNITS)
                    .forEach(unit -> expect(plan, unit, actor));
        }
    }

    /** Reports not (or no longer) submitted under a cancelled plan leave every list of what is owed. */
    public void onPlanCancelled(PlanCancelled cancelled) {
        plans.changeState(cancelled.planId(), ReportPlan.State.CANCELLED);
        Query unsubmitted = Query.query(Criteria.where("planId").is(cancelled.planId()).and("status").in(UNSUBMITTED));
        reports.updateAll(unsubmitted, new Update().set("status", ReportStatus.CANCELLED));
    }

    /** A closed plan's year of work is over: units obliged from now on owe nothing under it. */
    public void onPlanClosed(PlanClosed closed) {
        plans.changeState(closed.planId(), ReportPlan.State.CLOSED);
    }

    /**
     * A unit dissolved or merged away owes nothing falling due after that day: its reports for those periods not submitted
     * are cancelled, as a cancelled plan's are, and no report is expected of it any more. What fell due until then stays as
     * it stood (submitted, accepted, late or missing), under its own name; the unit no longer drafts or submits anything, and
     * the units it reports to still review what it sent. Its successor, if any, takes over every plan still active under
     * which it was obliged.
     */
    public void onUnitRetired(UnitRetired retired) {
        String code = retired.code();
        LocalDate on = retired.retiredOn();
        reports.updateAll(Query.query(Criteria.where("unitCode").is(code).and("dueDate").gt(on).and("status").in(UNSUBMITTED)),
                new Update().set("status", ReportStatus.CANCELLED));
        reports.updateAll(Query.query(Criteria.where("unitCode").is(code).and("unitRetiredOn").is(null)), new Update().set("unitRetiredOn", on));
        mongo.updateMulti(Query.query(Criteria.where("unitCode").is(code).and("retiredOn").is(null)), new Update().set("retiredOn", on),
                OBLIGED_UNITS);
        for (ObligedUnit obligation : mongo.find(Query.query(Criteria.where("unitCode").is(code)), ObligedUnit.class, OBLIGED_UNITS)) {
            plans.find(obligation.planId()).ifPresent(plan -> takeOver(plan, on, code, retired.successorCode()));
        }
    }

    /**
     * A unit first announced after its obligations placed it: only its level was missing. Nothing else is
     * taken from it, so that this event delivered again after a unit update cannot move the unit back.
     */
    public void onUnitRegistered(UnitRecorded unit) {
        Query levelMissing = Query.query(Criteria.where("unitCode").is(unit.code()).and("unitLevel").is(null));
        Update level = new Update().set("unitLevel", unit.level());
        reports.updateAll(levelMissing, level);
        mongo.updateMulti(levelMissing, level, OBLIGED_UNITS);
    }

    public void onUnitUpdated(UnitRecorded unit) {
        place(unit.code(), unit.name(), unit.level(), unit.provinceCode(), unit.ancestorCodes());
    }

    /**
     * Brings the unit's open reports (not accepted, not cancelled) and its obligations to where the directory
     * now places it, so the supervising units above it see them. Reports already placed there stay untouched.
     */
    private void place(String code, String name, String level, String provinceCode, List<String> ancestorCodes) {
        List<String> ancestors = ancestorCodes == null ? List.of() : ancestorCodes;
        Criteria differs = new Criteria().orOperator(Criteria.where("ancestorCodes").ne(ancestors), Criteria.where("unitName").ne(name),
                Criteria.where("unitLevel").ne(level), Criteria.where("provinceCode").ne(provinceCode));
        Update placed = new Update().set("ancestorCodes", ancestors).set("unitName", name).set("unitLevel", level)
                .set("provinceCode", provinceCode);
        reports.updateAll(Query.query(new Criteria().andOperator(Criteria.where("unitCode").is(code),
                Criteria.where("status").nin(ReportStatus.ACCEPTED, ReportStatus.CANCELLED), differs)), placed);
        mongo.updateMulti(Query.query(new Criteria().andOperator(Criteria.where("unitCode").is(code), differs)), placed, OBLIGED_UNITS);
    }

    /**
     * As the obligation places the unit; the local directory only when the event does not say. An obligation taken over
     * from a retired unit owes only what falls due after that unit's retirement.
     */
    private ObligedUnit place(SubPlanObligationCreated obligation, Optional<KnownUnit> known) {
        LocalDate today = LocalDate.now(clock);
        LocalDate retiredOn = known.map(KnownUnit::retiredOn).orElse(null);
        LocalDate owesAfter = obligation.takenOverAfter();
        List<String> ancestors = obligation.unitAncestorCodes();
        if (ancestors != null && !ancestors.isEmpty()) {
            return new ObligedUnit(obligation.parentPlanId(), obligation.unitCode(), obligation.unitName(),
                    known.map(KnownUnit::level).orElse(null), obligation.provinceCode(), ancestors, today, owesAfter, retiredOn);
        }
        KnownUnit unit = known.orElseThrow(() -> new IllegalStateException(
                "Unit " + obligation.unitCode() + " is placed neither by its obligation nor by report-service's directory yet"));
        return new ObligedUnit(obligation.parentPlanId(), unit.code(), unit.name(), unit.level(), unit.provinceCode(), unit.ancestorCodes(),
                today, owesAfter, retiredOn);
    }

    /**
     * The successor of a unit retired on {@code retiredOn} (the unit in service now, should it have been merged on since)
     * becomes obliged under the plan, if the plan is still active, for what falls due after that day (unless it owed the
     * plan's reports already: see {@link ObligedUnit#takingOverFrom}); its reports follow as for any obliged unit. A unit
     * dissolved with nobody taking over leaves nobody obliged.
     */
    private void takeOver(ReportPlan plan, LocalDate retiredOn, String retiredCode, String successorCode) {
        if (successorCode == null || plan.state() != ReportPlan.State.ACTIVE) {
            return;
        }
        if (directory.find(successorCode).isEmpty()) {
            throw new IllegalStateException("Unit " + successorCode + " takes over obligations under plan " + plan.planId()
                    + " but is not in report-service's directory yet");
        }
        Optional<KnownUnit> standing = directory.standingFor(retiredCode);
        if (standing.isEmpty()) {
            return;
        }
        KnownUnit successor = standing.get();
        ObligedUnit kept = kept(new ObligedUnit(plan.planId(), successor.code(), successor.name(), successor.level(),
                successor.provinceCode(), successor.ancestorCodes(), LocalDate.now(clock), retiredOn, successor.retiredOn()));
        ObligedUnit bounded = kept.takingOverFrom(retiredOn);
        if (!bounded.equals(kept)) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(kept.id())), new Update().set("owesAfter", bounded.owesAfter()),
                    OBLIGED_UNITS);
            reports.updateAll(Query.query(Criteria.where("planId").is(plan.planId()).and("unitCode").is(successor.code())
                    .and("dueDate").lte(bounded.owesAfter()).and("status").in(UNSUBMITTED)), new Update().set("status", ReportStatus.CANCELLED));
        }
        if (plan.expectsNewReports()) {
            expect(plan, bounded, null);
        }
    }

    /** The obligation as kept: the one given, when the unit was not yet obliged under the plan. */
    private ObligedUnit kept(ObligedUnit unit) {
        return Documents.insertIfAbsent(mongo, OBLIGED_UNITS, unit, unit.id()) ? unit
                : mongo.findById(unit.id(), ObligedUnit.class, OBLIGED_UNITS);
    }

    /** @param actor the official whose request made the reports due, or null when the platform did (an obligation) */
    private void expect(ReportPlan plan, ObligedUnit unit, Actor actor) {
        // A unit formed on a day owes no report that fell due before it existed.
        LocalDate formed = directory.find(unit.unitCode()).map(KnownUnit::establishedOn).orElse(null);
        List<Report> owed = unit.owed(plan.periodsOwed()).stream()
                .filter(period -> formed == null || !period.dueDate().isBefore(formed))
                .map(period -> Report.expected(reportId(plan.planId(), unit.unitCode(), period.type()), plan.planId(), plan.rootPlanId(),
                        plan.number(), plan.title(), plan.year(), unit.unitCode(), unit.unitName(), unit.unitLevel(), unit.provinceCode(),
                        unit.ancestorCodes(), plan.issuerCode(), plan.via(), period.type(), period.name(), period.from(), period.to(),
                        period.dueDate()))
                .toList();
        // A year of periods in one write, announced by one ReportsDue: those already expected (a redelivery) keep their state
        // and are not announced again.
        reports.insertAnnounced(owed, List::of, added -> dueTogether(added, actor));
    }

    private OutboxMessage dueTogether(List<Report> unitReports, Actor actor) {
        Report first = unitReports.get(0);
        return messages.create(EventCatalog.REPORTS_DUE, first.provinceCode(), Reports.subject(first), actor,
                new ReportsDue(first.planId(), first.unitCode(), first.provinceCode(), unitReports.stream().map(Reports::facts).toList()));
    }

    static String reportId(String planId, String unitCode, PeriodType type) {
        return DerivedId.of("report", planId, unitCode, type);
    }
}
