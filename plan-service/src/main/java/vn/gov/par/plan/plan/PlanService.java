package vn.gov.par.plan.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.plan.PlanActivity;
import vn.gov.par.contracts.plan.PlanCancelled;
import vn.gov.par.contracts.plan.PlanClosed;
import vn.gov.par.contracts.plan.PlanIssued;
import vn.gov.par.plan.unit.Unit;
import vn.gov.par.plan.unit.UnitDirectory;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.access.HistoryEntry;
import vn.gov.par.support.access.Role;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.domain.NotFoundException;
import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.outbox.OutboxMessage;
import vn.gov.par.support.outbox.OutboxMessageFactory;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.Versioned;
import vn.gov.par.support.web.PageView;

/** Drafting, issuing, closing and cancelling plans. Issuing only records the fact; the cascade runs from its event. */
@Service
public class PlanService {

    private final AggregateStore<Plan> plans;
    private final UnitDirectory directory;
    private final PlanNumberRegistry numbers;
    private final OutboxMessageFactory messages;
    private final Clock clock;
    private final MeterRegistry meters;

    public PlanService(AggregateStore<Plan> plans, UnitDirectory directory, PlanNumberRegistry numbers, OutboxMessageFactory messages, Clock clock,
            MeterRegistry meters) {
        this.plans = plans;
        this.directory = directory;
        this.numbers = numbers;
        this.messages = messages;
        this.clock = clock;
        this.meters = meters;
    }

    public Plan create(String issuerCode, PlanContent content, Access access) {
        Unit issuer = directory.inService(issuerCode, "soạn kế hoạch");
        access.requireActsFor(issuer.code(), Role.CAN_BO, "soạn kế hoạch của đơn vị này");
        Plan plan = Plan.draft(UUID.randomUUID().toString(), issuer.code(), issuer.name(), issuer.provinceCode(), content, clock.instant())
                .recording(change("CREATED", access));
        plans.insertIfAbsent(plan, List.of());
        return plan;
    }

    /** The plan, if the official may see it: one of its subtree's, or one its ancestors issued. */
    public Plan get(String id, Access access) {
        return load(id, access).value();
    }

    public Plan revise(String id, PlanContent content, Access access) {
        Versioned<Plan> current = load(id, access);
        access.requireActsFor(current.value().issuerCode(), Role.CAN_BO, "sửa dự thảo kế hoạch");
        Plan revised = current.value().revise(content, clock.instant()).recording(change("REVISED", access));
        plans.update(revised, current.revision(), List.of());
        return revised;
    }

    /** Who each activity of the plan gives work to, as task-service will read it once issued; for whoever may see the plan. */
    public AssignmentPreview assignments(String id, Access access) {
        return assignmentsOf(load(id, access).value());
    }

    /**
     * Issues the plan as signed on {@code signedOn} (today when null): the deadlines it implies count from that day. A plan
     * with texts that name nobody, or whose activities give nobody work, is refused with the list unless the issuer has
     * seen it and confirms ({@code confirmUnassigned}).
     */
    public Plan issue(String id, String number, LocalDate signedOn, boolean confirmUnassigned, Access access) {
        Versioned<Plan> current = load(id, access);
        Plan plan = current.value();
        access.requireActsFor(plan.issuerCode(), Role.LANH_DAO, "ban hành kế hoạch");
        directory.inService(plan.issuerCode(), "ban hành kế hoạch");
        CascadeDirective directive = plan.content().cascade();
        List<Unit> targets = directory.cascadeTargets(plan.issuerCode(), directive.subordinateGovernments(), directive.ownAgencies(),
                directive.agencyCodes());
        // A draft prepared before drafts recorded their parent's issue date (27/11/2026) has the parent read for it.
        LocalDate parentIssuedOn = plan.parentIssuedOn() != null || !plan.isSubPlan() ? plan.parentIssuedOn()
                : plans.find(plan.parentPlanId()).map(parent -> parent.value().issuedOn()).orElse(null);
        Plan issued = plan.issue(number, signedOn, today(), parentIssuedOn, !targets.isEmpty()).recording(change("ISSUED", access));
        if (!confirmUnassigned) {
            List<String> unassigned = assignmentsOf(plan).problems();
            if (!unassigned.isEmpty()) {
                throw new RuleViolationException(RuleViolationException.Kind.INVALID, "unassigned-activities",
                        "Kế hoạch còn nội dung chưa giao được cho đơn vị nào: xem lại, hoặc xác nhận vẫn ban hành (confirmUnassigned).",
                        unassigned);
            }
        }
        numbers.claim(issued, issued.number());
        plans.update(issued, current.revision(), List.of(issuedEvent(issued, access)));
        countIssued(directory.get(issued.issuerCode()));
        return issued;
    }

    public Plan close(String id, Access access) {
        Versioned<Plan> current = load(id, access);
        access.requireActsFor(current.value().issuerCode(), Role.LANH_DAO, "kết thúc kế hoạch");
        Plan closed = current.value().close(today()).recording(change("CLOSED", access));
        plans.update(closed, current.revision(), List.of(messages.create(EventCatalog.PLAN_CLOSED, closed.id(), subject(closed),
                access.official().actor(), new PlanClosed(closed.id(), closed.issuerCode(), closed.provinceCode(), closed.closedOn()))));
        return closed;
    }

    public Plan cancel(String id, String reason, Access access) {
        Versioned<Plan> current = load(id, access);
        access.requireActsFor(current.value().issuerCode(), Role.LANH_DAO, "hủy kế hoạch");
        Plan cancelled = current.value().cancel(today(), reason).recording(change("CANCELLED", access));
        List<OutboxMessage> events = current.value().status() == PlanStatus.ISSUED
                ? List.of(messages.create(EventCatalog.PLAN_CANCELLED, cancelled.id(), subject(cancelled), access.official().actor(),
                        new PlanCancelled(cancelled.id(), cancelled.issuerCode(), cancelled.provinceCode(), cancelled.cancelledOn(),
                                cancelled.cancelReason())))
                : List.of();
        plans.update(cancelled, current.revision(), events);
        return cancelled;
    }

    /**
     * The plans the official may see, by the filters given. Every plan of an issuer the official sees is visible, so the
     * list by such an issuer asks the store nothing more: a province's visibility names the 265 units of its subtree.
     */
    public PageView<Plan> list(String issuerCode, Integer year, PlanStatus status, int page, int size, Access access) {
        List<Criteria> parts = new ArrayList<>();
        if (!access.seesEverything() && (issuerCode == null || !access.sees(issuerCode))) {
            List<Criteria> visible = new ArrayList<>(List.of(Criteria.where("issuerCode").in(access.subtree()),
                    Criteria.where("issuerCode").in(access.ancestors()).and("issuedOn").ne(null)));
            if (!access.plansReportedThrough().isEmpty()) {
                visible.add(Criteria.where("parentPlanId").in(access.plansReportedThrough()));
            }
            parts.add(new Criteria().orOperator(visible));
        }
        if (issuerCode != null) {
            parts.add(Criteria.where("issuerCode").is(issuerCode));
        }
        if (year != null) {
            parts.add(Criteria.where("content.year").is(year));
        }
        if (status != null) {
            parts.add(Criteria.where("status").is(status));
        }
        Query query = Query.query(parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts));
        long total = plans.count(query);
        return new PageView<>(plans.find(query.with(Sort.by(Sort.Direction.DESC, "createdAt")).skip((long) page * size).limit(size)),
                page, size, total);
    }

    private AssignmentPreview assignmentsOf(Plan plan) {
        Unit issuer = directory.get(plan.issuerCode());
        List<KnownUnit> subtree = new ArrayList<>(List.of(issuer.known()));
        directory.descendants(issuer.code()).forEach(unit -> subtree.add(unit.known()));
        return AssignmentPreview.of(plan.content().activities(), issuer.known(), subtree);
    }

    private void countIssued(Unit issuer) {
        Counter.builder("par.plans.issued").description("Plans issued, by the level and kind of the issuing unit")
                .tag("level", issuer.level().name()).tag("kind", issuer.kind().name()).register(meters).increment();
    }

    /** A plan the official may not see is answered as one that does not exist: no one learns what another unit plans. */
    private Versioned<Plan> load(String id, Access access) {
        return plans.find(id).filter(plan -> visible(plan.value(), access))
                .orElseThrow(() -> new NotFoundException("Không tìm thấy kế hoạch '" + id + "'."));
    }

    /**
     * Its issuer's and those above's, once issued (the plans the official implements), and the sub-plans of a plan whose
     * reports go through the official's unit: that office is told when they are late.
     */
    private static boolean visible(Plan plan, Access access) {
        return access.sees(plan.issuerCode()) || plan.wasIssued() && access.isAbove(plan.issuerCode())
                || plan.parentPlanId() != null && access.plansReportedThrough().contains(plan.parentPlanId());
    }

    private HistoryEntry change(String action, Access access) {
        return new HistoryEntry(action, clock.instant(), access.official().actor());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OutboxMessage issuedEvent(Plan plan, Access access) {
        PlanContent content = plan.content();
        List<PlanActivity> activities = content.activities().stream().map(a -> new PlanActivity(a.label(), a.content(), a.product(),
                a.leadUnits(), a.cooperatingUnits(), a.timeframe())).toList();
        return messages.create(EventCatalog.PLAN_ISSUED, plan.id(), subject(plan), access.official().actor(), new PlanIssued(plan.id(), plan.number(), content.title(),
                content.year(), plan.issuerCode(), plan.issuerName(), plan.provinceCode(), plan.issuedOn(), content.signer(),
                plan.parentPlanId(), plan.rootPlanId(), plan.obligationId(), activities, content.reportingClause(),
                content.cascade().dueDate()));
    }

    private static String subject(Plan plan) {
        return "plans/" + plan.id();
    }
}
