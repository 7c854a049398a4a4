package vn.gov.par.report.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.plan.SubPlanObligationCreated;
import vn.gov.par.contracts.report.ReportAccepted;
import vn.gov.par.contracts.report.ReportDue;
import vn.gov.par.contracts.report.ReportObligationFacts;
import vn.gov.par.contracts.report.ReportOverdue;
import vn.gov.par.contracts.report.ReportReturned;
import vn.gov.par.contracts.report.ReportSubmitted;
import vn.gov.par.report.ledger.TaskLedger;
import vn.gov.par.report.plan.ReportPlan;
import vn.gov.par.report.plan.ReportPlans;
import vn.gov.par.report.schedule.ReportPeriod;
import vn.gov.par.support.directory.KnownUnit;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.domain.DerivedId;
import vn.gov.par.support.domain.NotFoundException;
import vn.gov.par.support.outbox.EventOutbox;
import vn.gov.par.support.outbox.OutboxMessage;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.ConcurrentUpdateException;
import vn.gov.par.support.persistence.Versioned;

/** Expected reports, their lifecycle, and the events each step implies. */
@Service
public class Reports {

    private final AggregateStore<Report> reports;
    private final ReportPlans plans;
    private final UnitDirectoryView directory;
    private final TaskLedger ledger;
    private final EventOutbox outbox;
    private final Clock clock;

    public Reports(AggregateStore<Report> reports, ReportPlans plans, UnitDirectoryView directory, TaskLedger ledger, EventOutbox outbox,
            Clock clock) {
        this.reports = reports;
        this.plans = plans;
        this.directory = directory;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A unit that must implement a plan must also report under it: one report per period the plan's clause
     * names that falls due after the plan was issued. The plan's own event precedes its obligations on the
     * plan's partition, so its schedule is known.
     */
    public void onSubPlanObligationCreated(SubPlanObligationCreated obligation) {
        ReportPlan plan = plans.find(obligation.parentPlanId()).orElseThrow(() -> new IllegalStateException(
                "Plan " + obligation.parentPlanId() + " has obligations but its PlanIssued was not seen"));
        KnownUnit unit = directory.find(obligation.unitCode()).orElseThrow(() -> new IllegalStateException(
                "Unit " + obligation.unitCode() + " is not yet in report-service's directory"));
        for (ReportPeriod period : plan.periods().stream().filter(p -> !p.dueDate().isBefore(plan.issuedOn())).toList()) {
            Report report = new Report(DerivedId.of("report", plan.planId(), unit.code(), period.type()), plan.planId(), plan.rootPlanId(),
                    plan.number(), plan.title(), plan.year(), unit.code(), unit.name(), unit.level(), unit.provinceCode(), unit.ancestorCodes(),
                    plan.issuerCode(), plan.via(), period.type(), period.name(), period.from(), period.to(), period.dueDate(),
                    ReportStatus.EXPECTED, null, List.of(), false);
            reports.insertIfAbsent(report, List.of(outbox.message(EventCatalog.REPORT_DUE, report.provinceCode(), subject(report),
                    new ReportDue(facts(report)))));
        }
    }

    public Report get(String id) {
        return load(id).value();
    }

    /** The unit's draft: its saved working copy, or one prepared from its task progress in the period. */
    public ReportContent draftOf(String id) {
        Report report = get(id);
        return report.draft() != null ? report.draft() : ledger.prefill(report, plans.find(report.planId()).orElseThrow());
    }

    public Report saveDraft(String id, ReportContent content) {
        Versioned<Report> current = load(id);
        Report saved = current.value().saveDraft(content);
        reports.update(saved, current.revision(), List.of());
        return saved;
    }

    public Report submit(String id, String by) {
        Versioned<Report> current = load(id);
        Report submitted = current.value().submit(by, clock.instant(), LocalDate.now(clock));
        Submission version = submitted.latestSubmission().orElseThrow();
        reports.update(submitted, current.revision(), List.of(outbox.message(EventCatalog.REPORT_SUBMITTED, submitted.provinceCode(),
                subject(submitted), new ReportSubmitted(facts(submitted), version.version(), version.submittedAt(), version.onTime()))));
        return submitted;
    }

    public Report accept(String id, String by) {
        Versioned<Report> current = load(id);
        Report accepted = current.value().accept(by, clock.instant());
        Submission version = accepted.latestSubmission().orElseThrow();
        reports.update(accepted, current.revision(), List.of(outbox.message(EventCatalog.REPORT_ACCEPTED, accepted.provinceCode(),
                subject(accepted), new ReportAccepted(facts(accepted), version.version(), version.review().at(), by))));
        return accepted;
    }

    public Report returnForCorrection(String id, String by, String comment) {
        Versioned<Report> current = load(id);
        Report returned = current.value().returnForCorrection(by, comment, clock.instant());
        Submission version = returned.latestSubmission().orElseThrow();
        reports.update(returned, current.revision(), List.of(outbox.message(EventCatalog.REPORT_RETURNED, returned.provinceCode(),
                subject(returned), new ReportReturned(facts(returned), version.version(), version.review().at(), by,
                        version.review().comment()))));
        return returned;
    }

    /**
     * Announces, once each, the reports never submitted by their due date. Several instances may sweep at
     * once: a write conditional on the revision read lets only one of them publish.
     */
    public int sweepOverdue() {
        LocalDate today = LocalDate.now(clock);
        int announced = 0;
        Query candidates = Query.query(Criteria.where("overdueAnnounced").is(false).and("dueDate").lt(today).and("submissions.0").exists(false)).limit(2000);
        for (Versioned<Report> r : reports.findVersioned(candidates)) {
            var overdue = r.value().markOverdue(today);
            if (overdue.isPresent()) {
                try {
                    reports.update(overdue.get(), r.revision(), List.of(outbox.message(EventCatalog.REPORT_OVERDUE, r.value().provinceCode(),
                            subject(r.value()), new ReportOverdue(facts(r.value())))));
                    announced++;
                } catch (ConcurrentUpdateException anotherSweeperWasFirst) {
                    // it published; nothing left to do here
                }
            }
        }
        return announced;
    }

    private Versioned<Report> load(String id) {
        return reports.find(id).orElseThrow(() -> new NotFoundException("Không tìm thấy báo cáo '" + id + "'."));
    }

    static ReportObligationFacts facts(Report r) {
        return new ReportObligationFacts(r.id(), r.planId(), r.planNumber(), r.planTitle(), r.unitCode(), r.unitName(), r.provinceCode(),
                r.recipientUnitCode(), r.via(), r.periodType().name(), r.periodName(), r.periodFrom(), r.periodTo(), r.dueDate());
    }

    private static String subject(Report report) {
        return "reports/" + report.id();
    }
}
