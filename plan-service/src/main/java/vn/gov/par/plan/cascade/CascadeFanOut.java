package vn.gov.par.plan.cascade;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.plan.PlanCancelled;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.plan.SubPlanObligationCreated;
import vn.gov.par.contracts.plan.SubPlanObligationFulfilled;
import vn.gov.par.contracts.unit.UnitRetired;
import vn.gov.par.plan.plan.CascadeDirective;
import vn.gov.par.plan.plan.Plan;
import vn.gov.par.plan.plan.PlanStatus;
import vn.gov.par.plan.unit.Unit;
import vn.gov.par.plan.unit.UnitDirectory;
import vn.gov.par.plan.unit.UnitLevel;
import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.domain.DerivedId;
import vn.gov.par.support.outbox.OutboxMessageFactory;
import vn.gov.par.support.outbox.OutboxMessage;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.Versioned;

/**
 * Runs the cascade from plan events. When a plan is issued, the obligation it answers (if any) is
 * fulfilled, and every unit its directive names gets an obligation and a prepared draft. Ids are derived
 * from the parent plan and the unit and writes are insert-if-absent or guarded transitions, so the same
 * event handled twice, or again after a crash half-way, ends in the same state.
 */
@Service
public class CascadeFanOut {

    /** Sub-plans take days to months: buckets in days, not the milliseconds a request timer would get. */
    private static final Duration[] FULFILMENT_BUCKETS = List.of(1, 3, 7, 14, 30, 60, 90, 180, 365).stream().map(Duration::ofDays)
            .toArray(Duration[]::new);

    private final AggregateStore<Plan> plans;
    private final AggregateStore<SubPlanObligation> obligations;
    private final UnitDirectory directory;
    private final OutboxMessageFactory messages;
    private final Clock clock;
    private final MeterRegistry meters;
    private final WorkingCalendarView calendar;

    public CascadeFanOut(AggregateStore<Plan> plans, AggregateStore<SubPlanObligation> obligations, UnitDirectory directory,
            OutboxMessageFactory messages, Clock clock, MeterRegistry meters, WorkingCalendarView calendar) {
        this.calendar = calendar;
        this.plans = plans;
        this.obligations = obligations;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
        this.meters = meters;
    }

    public void onPlanIssued(PlanIssued event) {
        Plan plan = plans.find(event.planId()).map(Versioned::value)
                .orElseThrow(() -> new IllegalStateException("Plan " + event.planId() + " was issued but is not in this store"));
        if (plan.obligationId() != null) {
            fulfil(plan);
        }
        CascadeDirective directive = plan.content().cascade();
        // A unit formed after the sub-plans fell due owes none (the event read again once a merger formed one, say).
        List<Unit> targets = directory.cascadeTargets(plan.issuerCode(), directive.subordinateGovernments(), directive.ownAgencies(),
                directive.agencyCodes()).stream().filter(unit -> unit.establishedOn() == null || !unit.establishedOn().isAfter(directive.dueDate()))
                .toList();
        if (targets.isEmpty()) {
            return;
        }
        Retargeting.Source names = namesOf(plan.issuerCode());
        for (Unit target : targets) {
            oblige(plan, target, retargeting(names, target), null);
        }
    }

    public void onPlanCancelled(PlanCancelled event) {
        for (SubPlanObligation open : obligations.find(Query.query(Criteria.where("parentPlanId").is(event.planId())))) {
            if (open.isOpen()) {
                Versioned<SubPlanObligation> current = obligations.find(open.id()).orElseThrow();
                obligations.update(current.value().cancel(event.cancelledOn()), current.revision(), List.of());
            }
        }
    }

    /**
     * The sub-plans the retired unit owed that fall due after its retirement are cancelled and, with a successor, owed by the
     * successor instead (the one in service now, should it have been merged on since), by the same due date, under a parent
     * plan still in force, unless it owes one under that plan already. One that fell due until then stays the retired unit's,
     * open and late if it was: that is its history, as its tasks and reports keep theirs.
     */
    public void onUnitRetired(UnitRetired event) {
        for (SubPlanObligation owed : obligations.find(Query.query(Criteria.where("unitCode").is(event.code())))) {
            if (!owed.isOpen() || !owed.dueDate().isAfter(event.retiredOn())) {
                continue;
            }
            // The successor's first: asked again after a crash in between, the obligation is still open and both are done.
            directory.standingFor(event.code()).ifPresent(successor -> plans.find(owed.parentPlanId()).map(Versioned::value)
                    .filter(parent -> parent.status() == PlanStatus.ISSUED)
                    .ifPresent(parent -> oblige(parent, successor, retargeting(namesOf(parent.issuerCode()), successor), event)));
            Versioned<SubPlanObligation> current = obligations.find(owed.id()).orElseThrow();
            if (current.value().isOpen()) {
                obligations.update(current.value().cancel(event.retiredOn()), current.revision(), List.of());
            }
        }
    }

    /** The issuer's names and those of its agencies, which a draft re-targets to the obliged unit's own. */
    private Retargeting.Source namesOf(String issuerCode) {
        Unit issuer = directory.get(issuerCode);
        return Retargeting.from(issuer, directory.children(issuer.code()).stream().filter(u -> !u.isGovernment()).toList());
    }

    private Retargeting retargeting(Retargeting.Source names, Unit target) {
        // A commune has nothing below it to re-target to: no read for the ten thousand of them at national scale.
        return target.isGovernment() && target.level() != UnitLevel.COMMUNE ? names.to(target, directory.children(target.code()))
                : Retargeting.none();
    }

    private void fulfil(Plan subPlan) {
        Versioned<SubPlanObligation> current = obligations.find(subPlan.obligationId())
                .orElseThrow(() -> new IllegalStateException("Obligation " + subPlan.obligationId() + " of plan " + subPlan.id() + " is missing"));
        if (!current.value().isOpen()) {
            return;
        }
        SubPlanObligation fulfilled = current.value().fulfil(subPlan.number(), subPlan.issuedOn());
        obligations.update(fulfilled, current.revision(), List.of(messages.create(EventCatalog.SUB_PLAN_OBLIGATION_FULFILLED,
                fulfilled.parentPlanId(), "obligations/" + fulfilled.id(), new SubPlanObligationFulfilled(fulfilled.id(),
                        fulfilled.parentPlanId(), fulfilled.unitCode(), fulfilled.provinceCode(), subPlan.id(), subPlan.number(),
                        subPlan.issuedOn(), fulfilled.dueDate(), fulfilled.issuedOnTime(calendar.current())))));
        // Null only for a sub-plan issued before plans recorded their parent's issue date (27/11/2026).
        if (subPlan.parentIssuedOn() != null) {
            timeFulfilment(fulfilled, subPlan.parentIssuedOn());
        }
    }

    /** From the parent plan's issue to the sub-plan's, both dates: whole days. */
    private void timeFulfilment(SubPlanObligation fulfilled, LocalDate parentIssuedOn) {
        Timer.builder("par.cascade.obligation.fulfilment")
                .description("From the parent plan's issue to the obliged unit issuing its sub-plan")
                .tag("level", fulfilled.unitLevel().name()).serviceLevelObjectives(FULFILMENT_BUCKETS).register(meters)
                .record(Duration.ofDays(ChronoUnit.DAYS.between(parentIssuedOn, fulfilled.issuedOn())));
    }

    /** @param takenOverFrom the retired unit whose obligation the unit takes over; null for one the parent plan gives */
    private void oblige(Plan parent, Unit unit, Retargeting retargeting, UnitRetired takenOverFrom) {
        String obligationId = DerivedId.of("obligation", parent.id(), unit.code());
        String draftId = DerivedId.of("sub-plan", parent.id(), unit.code());
        SubPlanObligation obligation = new SubPlanObligation(obligationId, parent.id(), parent.rootPlanId(), parent.issuerCode(),
                unit.code(), unit.name(), unit.level(), unit.kind(), unit.provinceCode(), parent.content().cascade().dueDate(), draftId,
                null, null, null);
        obligations.insertIfAbsent(obligation, List.of(created(parent, obligation, unit, takenOverFrom)));
        // The draft only after its obligation: a crash between the two must not leave a draft that can be issued
        // before the obligation it fulfils exists (its issue would be dead-lettered and the obligation never fulfilled).
        plans.insertIfAbsent(Plan.subPlanDraft(draftId, parent, unit.code(), unit.name(), unit.provinceCode(), obligationId,
                SubPlanDrafter.draftFor(parent, unit, retargeting), clock.instant()), List.of());
    }

    private OutboxMessage created(Plan parent, SubPlanObligation obligation, Unit unit, UnitRetired takenOverFrom) {
        return messages.create(EventCatalog.SUB_PLAN_OBLIGATION_CREATED, parent.id(), "obligations/" + obligation.id(),
                new SubPlanObligationCreated(obligation.id(), parent.id(), parent.rootPlanId(), parent.number(), parent.content().title(),
                        parent.issuerCode(), obligation.unitCode(), obligation.unitName(), obligation.provinceCode(), obligation.dueDate(),
                        obligation.draftPlanId(), unit.ancestorCodes(), takenOverFrom == null ? null : takenOverFrom.code(),
                        takenOverFrom == null ? null : takenOverFrom.retiredOn()));
    }

}
