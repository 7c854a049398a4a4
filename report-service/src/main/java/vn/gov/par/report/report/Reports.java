package vn.gov.par.report.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import vn.gov.par.contracts.EventCatalog;
import vn.gov.par.contracts.report.ReportAccepted;
import vn.gov.par.contracts.report.ReportObligationFacts;
import vn.gov.par.contracts.report.ReportOverdue;
import vn.gov.par.contracts.report.ReportReturned;
import vn.gov.par.contracts.report.ReportSubmitted;
import vn.gov.par.report.ledger.TaskLedger;
import vn.gov.par.report.plan.ReportPlans;
import vn.gov.par.support.calendar.WorkingCalendar;
import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.access.Role;
import vn.gov.par.support.domain.NotFoundException;
import vn.gov.par.support.metrics.CountGauge;
import vn.gov.par.support.outbox.OutboxMessageFactory;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.Versioned;

/** Expected reports, their lifecycle, and the events each step implies. */
@Service
public class Reports {

    private static final int SWEEP_BATCH = 2000;

    private final AggregateStore<Report> reports;
    private final ReportPlans plans;
    private final TaskLedger ledger;
    private final OutboxMessageFactory messages;
    private final Clock clock;
    private final MeterRegistry meters;
    private final WorkingCalendarView calendar;

    public Reports(AggregateStore<Report> reports, ReportPlans plans, TaskLedger ledger, OutboxMessageFactory messages, Clock clock,
            MeterRegistry meters, WorkingCalendarView calendar) {
        this.calendar = calendar;
        this.reports = reports;
        this.plans = plans;
        this.ledger = ledger;
        this.messages = messages;
        this.clock = clock;
        this.meters = meters;
    }

    /** The report, if the official may see it: its own unit's, or one of a unit below. */
    public Report get(String id, Access access) {
        return load(id, access).value();
    }

    /** The unit's draft: its saved working copy, or one prepared from its task progress in the period. */
    public ReportContent draftOf(String id, Access access) {
        Report report = get(id, access);
        return report.draft() != null ? report.draft() : ledger.prefill(report, plans.find(report.planId()).orElseThrow());
    }

    public Report saveDraft(String id, ReportContent content, Access access) {
        Versioned<Report> current = load(id, access);
        access.requireActsFor(current.value().unitCode(), Role.CAN_BO, "soạn báo cáo của đơn vị này");
        Report saved = current.value().saveDraft(content, clock.getZone());
        reports.update(saved, current.revision(), List.of());
        return saved;
    }

    public Report submit(String id, String by, Access access) {
        Versioned<Report> current = load(id, access);
        access.requireActsFor(current.value().unitCode(), Role.CAN_BO, "nộp báo cáo của đơn vị này");
        Report submitted = current.value().submit(by, access.official().actor(), clock, calendar.current());
        Submission version = submitted.latestSubmission().orElseThrow();
        reports.update(submitted, current.revision(), List.of(messages.create(EventCatalog.REPORT_SUBMITTED, submitted.provinceCode(),
                subject(submitted), access.official().actor(), new ReportSubmitted(facts(submitted), version.version(),
                        version.submittedAt(), version.onTime()))));
        return submitted;
    }

    /** Accepted by a leader of the unit the report is owed to. */
    public Report accept(String id, String by, Access access) {
        Versioned<Report> current = load(id, access);
        access.requireActsFor(current.value().recipientUnitCode(), Role.LANH_DAO, "tiếp nhận báo cáo gửi đơn vị này");
        Report accepted = current.value().accept(by, access.official().actor(), clock);
        Submission version = accepted.latestSubmission().orElseThrow();
        reports.update(accepted, current.revision(), List.of(messages.create(EventCatalog.REPORT_ACCEPTED, accepted.provinceCode(),
                subject(accepted), access.official().actor(), new ReportAccepted(facts(accepted), version.version(),
                        version.review().at(), by))));
        return accepted;
    }

    /** Returned by a leader of the unit the report is owed to. */
    public Report returnForCorrection(String id, String by, String comment, Access access) {
        Versioned<Report> current = load(id, access);
        access.requireActsFor(current.value().recipientUnitCode(), Role.LANH_DAO, "trả lại báo cáo gửi đơn vị này");
        Report returned = current.value().returnForCorrection(by, comment, access.official().actor(), clock);
        Submission version = returned.latestSubmission().orElseThrow();
        reports.update(returned, current.revision(), List.of(messages.create(EventCatalog.REPORT_RETURNED, returned.provinceCode(),
                subject(returned), access.official().actor(), new ReportReturned(facts(returned), version.version(),
                        version.review().at(), by, version.review().comment()))));
        return returned;
    }

    /**
     * Whether the official sees the report: that of its own unit or of a unit below it, as the report places its unit
     * (a report owed to a unit comes from below it, so its recipient sees it too), or one going through its unit.
     */
    public static boolean visible(Report report, Access access) {
        return access.seesEverything() || access.reads(report.unitCode(), report.ancestorCodes(), report.planId());
    }

    /**
     * Announces, once each, the reports never submitted by their due date (of units still in service: a retired unit is chased
     * no more, and its reports are not read again sweep after sweep), a batch at a time while whole batches are written,
     * in one write per province, which says how many of that province's were written. The scheduled sweep holds a lock so
     * that one instance sweeps at a time; the write conditional on the revision read still keeps a second
     * sweeper (a lock outlived, a sweep run by hand) or a submission made meanwhile from being announced over.
     */
    public int sweepOverdue() {
        LocalDate today = LocalDate.now(clock);
        WorkingCalendar workingCalendar = calendar.current();
        int announced = 0;
        int written;
        do {
            Query candidates = Query.query(Criteria.where("overdueAnnounced").is(false).and("dueDate").lt(workingCalendar.lateIfDueBefore(today))
                    .and("submissions.0").exists(false).and("status").ne(ReportStatus.CANCELLED).and("unitRetiredOn").is(null)).limit(SWEEP_BATCH);
            Map<String, Long> byProvince = reports.updateAllUnlessChanged(
                    Versioned.changed(reports.findVersioned(candidates), r -> r.markOverdue(today, workingCalendar)), Report::provinceCode,
                    after -> List.of(messages.create(EventCatalog.REPORT_OVERDUE, after.provinceCode(), subject(after), new ReportOverdue(facts(after)))));
            byProvince.forEach(this::countOverdueAnnounced);
            written = (int) byProvince.values().stream().mapToLong(Long::longValue).sum();
            announced += written;
        } while (written == SWEEP_BATCH);
        return announced;
    }

    private void countOverdueAnnounced(String provinceCode, long announced) {
        Counter.builder("par.reports.overdue.announced").description("Reports announced overdue by the sweep")
                .tags(Tags.of(CountGauge.province(provinceCode))).register(meters).increment(announced);
    }

    /** A report the official may not see is answered as one that does not exist: no one learns what another unit reports. */
    private Versioned<Report> load(String id, Access access) {
        return reports.find(id).filter(report -> visible(report.value(), access))
                .orElseThrow(() -> new NotFoundException("Không tìm thấy báo cáo '" + id + "'."));
    }

    static ReportObligationFacts facts(Report r) {
        return new ReportObligationFacts(r.id(), r.planId(), r.planNumber(), r.planTitle(), r.unitCode(), r.unitName(), r.provinceCode(),
                r.recipientUnitCode(), r.via(), r.periodType().name(), r.periodName(), r.periodFrom(), r.periodTo(), r.dueDate());
    }

    static String subject(Report report) {
        return "reports/" + report.id();
    }
}
