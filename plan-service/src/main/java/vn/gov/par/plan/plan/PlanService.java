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
import vn.gov.par.support.domain.NotFoundException;
import vn.gov.par.support.outbox.OutboxMessageFactory;
import vn.gov.par.support.outbox.OutboxMessage;
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

    public Plan create(String issuerCode, PlanContent content) {
        Unit issuer = directory.get(issuerCode);
        Plan plan = Plan.draft(UUID.randomUUID().toString(), issuer.code(), issuer.name(), issuer.provinceCode(), content, clock.instant());
        plans.insertIfAbsent(plan, List.of());
        return plan;
    }

    public Plan get(String id) {
        return load(id).value();
    }

    public Plan revise(String id, PlanContent content) {
        Versioned<Plan> current = load(id);
        Plan revised = current.value().revise(content, clock.instant());
        plans.update(revised, current.revision(), List.of());
        return revised;
    }

    public Plan issue(String id, String number) {
        Versioned<Plan> current = load(id);
        Plan plan = current.value();
        CascadeDirective directive = plan.content().cascade();
        List<Unit> targets = directory.cascadeTargets(plan.issuerCode(), directive.subordinateGovernments(), directive.ownAgencies(),
                directive.agencyCodes());
        Plan issued = plan.issue(number, today(), !targets.isEmpty());
        numbers.claim(issued, issued.number());
        plans.update(issued, current.revision(), List.of(issuedEvent(issued)));
        countIssued(directory.get(issued.issuerCode()));
        return issued;
    }

    public Plan close(String id) {
        Versioned<Plan> current = load(id);
        Plan closed = current.value().close(today());
        plans.update(closed, current.revision(), List.of(messages.create(EventCatalog.PLAN_CLOSED, closed.id(), subject(closed),
                new PlanClosed(closed.id(), closed.issuerCode(), closed.provinceCode(), closed.closedOn()))));
        return closed;
    }

    public Plan cancel(String id, String reason) {
        Versioned<Plan> current = load(id);
        Plan cancelled = current.value().cancel(today(), reason);
        List<OutboxMessage> events = current.value().status() == PlanStatus.ISSUED
                ? List.of(messages.create(EventCatalog.PLAN_CANCELLED, cancelled.id(), subject(cancelled), new PlanCancelled(cancelled.id(),
                        cancelled.issuerCode(), cancelled.provinceCode(), cancelled.cancelledOn(), cancelled.cancelReason())))
                : List.of();
        plans.update(cancelled, current.revision(), events);
        return cancelled;
    }

    public PageView<Plan> list(String issuerCode, Integer year, PlanStatus status, int page, int size) {
        List<Criteria> parts = new ArrayList<>();
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

    private void countIssued(Unit issuer) {
        Counter.builder("par.plans.issued").description("Plans issued, by the level and kind of the issuing unit")
                .tag("level", issuer.level().name()).tag("kind", issuer.kind().name()).register(meters).increment();
    }

    private Versioned<Plan> load(String id) {
        return plans.find(id).orElseThrow(() -> new NotFoundException("Không tìm thấy kế hoạch '" + id + "'."));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OutboxMessage issuedEvent(Plan plan) {
        PlanContent content = plan.content();
        List<PlanActivity> activities = content.activities().stream().map(a -> new PlanActivity(a.label(), a.content(), a.product(),
                a.leadUnits(), a.cooperatingUnits(), a.timeframe())).toList();
        return messages.create(EventCatalog.PLAN_ISSUED, plan.id(), subject(plan), new PlanIssued(plan.id(), plan.number(), content.title(),
                content.year(), plan.issuerCode(), plan.issuerName(), plan.provinceCode(), plan.issuedOn(), content.signer(),
                plan.parentPlanId(), plan.rootPlanId(), plan.obligationId(), activities, content.reportingClause(),
                content.cascade().dueDate()));
    }

    private static String subject(Plan plan) {
        return "plans/" + plan.id();
    }
}
