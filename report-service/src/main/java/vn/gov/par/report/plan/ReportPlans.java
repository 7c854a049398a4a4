package vn.gov.par.report.plan;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.contracts.report.ReportPeriodFacts;
import vn.gov.par.contracts.report.ReportPeriodsScheduled;
import vn.gov.par.support.reporting.PeriodType;
import vn.gov.par.support.reporting.ReportPeriod;
import vn.gov.par.support.reporting.ReportingClauseParser;
import vn.gov.par.support.reporting.ReportingRules;
import vn.gov.par.support.reporting.ReportingSchedule;
import vn.gov.par.report.schedule.ScheduleByHand;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.access.Role;
import vn.gov.par.support.domain.NotFoundException;
import vn.gov.par.support.outbox.OutboxMessageFactory;
import vn.gov.par.support.outbox.OutboxMessage;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.Versioned;
import vn.gov.par.support.web.PageView;

/**
 * Keeps, per issued plan, its reporting schedule read from the clause (the first reading of an event wins) or
 * set by a person, and announces each schedule as ReportPeriodsScheduled in the same write that keeps it.
 */
@Component
public class ReportPlans {

    private final AggregateStore<ReportPlan> plans;
    private final ReportingRules rules;
    private final OutboxMessageFactory messages;
    private final Clock clock;

    public ReportPlans(AggregateStore<ReportPlan> plans, ReportingRules rules, OutboxMessageFactory messages, Clock clock) {
        this.plans = plans;
        this.rules = rules;
        this.messages = messages;
        this.clock = clock;
    }

    public void onPlanIssued(PlanIssued plan) {
        ReportingSchedule schedule = ReportingClauseParser.parse(plan.reportingClause(), plan.year(), rules);
        ReportPlan kept = new ReportPlan(plan.planId(), plan.rootPlanId(), plan.number(), plan.title(), plan.year(), plan.issuedOn(),
                plan.issuerCode(), plan.issuerName(), plan.provinceCode(),
                plan.activities().stream().map(a -> new ReportPlan.PlanActivityLine(a.label(), a.content())).toList(),
                plan.reportingClause(), schedule.recognised(), schedule.problem(), null, null, schedule.via(), schedule.periods(),
                ReportPlan.State.ACTIVE, List.of());
        // The same event again finds the first reading kept, and announces nothing. Its issuer and office are what
        // PlanSupervision reads here (ReportServiceStores): the office reads the plan's reports.
        plans.insertIfAbsent(kept, List.of(scheduled(kept)));
    }

    /**
     * A person's schedule for a plan whose clause could not be read: an officer of the plan's issuer. Setting the same
     * periods again changes nothing and announces nothing; other periods, once set, are refused.
     */
    public ReportPlan setScheduleByHand(String planId, List<PeriodType> types, Integer dueDay, String by, Access access) {
        Versioned<ReportPlan> current = plans.find(planId).filter(plan -> visible(plan.value(), access))
                .orElseThrow(() -> new NotFoundException("Không tìm thấy kế hoạch '" + planId + "'."));
        access.requireActsFor(current.value().issuerCode(), Role.CAN_BO, "đặt lịch báo cáo cho kế hoạch của đơn vị này");
        List<ReportPeriod> periods = ScheduleByHand.periods(types, dueDay, current.value().year(), rules);
        ReportPlan set = current.value().scheduledByHand(periods, by, access.official().actor(), clock.instant());
        if (!set.equals(current.value())) {
            plans.update(set, current.revision(), List.of(scheduled(set, access)));
        }
        return set;
    }

    /** Closes or cancels a plan; a plan never seen (cancelled before issue) and a repeated event change nothing. */
    public void changeState(String planId, ReportPlan.State state) {
        Optional<Versioned<ReportPlan>> current = plans.find(planId);
        current.filter(plan -> plan.value().state() == ReportPlan.State.ACTIVE)
                .ifPresent(plan -> plans.update(plan.value().in(state), plan.revision(), List.of()));
    }

    public Optional<ReportPlan> find(String planId) {
        return plans.find(planId).map(Versioned::value);
    }

    /**
     * Active plans whose reporting clause could not be read and whose schedule nobody has set yet, with the reason: those
     * issued by the official's unit or a unit below it.
     */
    public PageView<ReportPlan> unrecognised(int page, int size, Access access) {
        Criteria waiting = Criteria.where("scheduleRecognised").is(false).and("state").is(ReportPlan.State.ACTIVE);
        if (!access.seesEverything()) {
            waiting = waiting.and("issuerCode").in(visibleIssuers(access));
        }
        Query query = Query.query(waiting);
        long total = plans.count(query);
        return new PageView<>(plans.find(query.with(Sort.by("issuedOn", "planId")).skip((long) page * size).limit(size)), page, size,
                total);
    }

    /**
     * A plan the official may not see is answered as one that does not exist: that of its own unit or of a unit below it,
     * as the units directory places its issuer.
     */
    private static boolean visible(ReportPlan plan, Access access) {
        return access.seesEverything() || access.sees(plan.issuerCode());
    }

    /** The official's unit and those below it; its own even before the directory knows it, as {@link Access#sees} has it. */
    private static Set<String> visibleIssuers(Access access) {
        Set<String> issuers = new HashSet<>(access.subtree());
        if (access.unitCode() != null) {
            issuers.add(access.unitCode());
        }
        return issuers;
    }

    /** Announced as read from the clause (no one acted). */
    private OutboxMessage scheduled(ReportPlan plan) {
        return scheduled(plan, null);
    }

    /** @param access the official who set it by hand, named on the event; null when the clause was read */
    private OutboxMessage scheduled(ReportPlan plan, Access access) {
        List<ReportPeriodFacts> periods = plan.periods().stream()
                .map(p -> new ReportPeriodFacts(p.type().name(), p.name(), p.from(), p.to(), p.dueDate())).toList();
        return messages.create(EventCatalog.REPORT_PERIODS_SCHEDULED, plan.provinceCode(), "plans/" + plan.planId(),
                access == null ? null : access.official().actor(), new ReportPeriodsScheduled(plan.planId(), plan.rootPlanId(),
                        plan.number(), plan.issuerCode(), plan.provinceCode(), plan.year(), plan.reportingClause(),
                        plan.scheduleRecognised(), periods, plan.via()));
    }
}
