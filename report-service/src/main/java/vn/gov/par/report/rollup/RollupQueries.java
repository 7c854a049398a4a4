package vn.gov.par.report.rollup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.gov.par.report.plan.ReportPlans;
import vn.gov.par.report.report.Indicators;
import vn.gov.par.report.report.Report;
import vn.gov.par.report.report.Submission;
import vn.gov.par.report.schedule.PeriodType;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.domain.NotFoundException;
import vn.gov.par.support.persistence.AggregateStore;

/** A unit's consolidated view of a report period, over its own report and everything below it, in one query. */
@Service
public class RollupQueries {

    private final AggregateStore<Report> reports;
    private final ReportPlans plans;
    private final UnitDirectoryView directory;
    private final Clock clock;

    public RollupQueries(AggregateStore<Report> reports, ReportPlans plans, UnitDirectoryView directory, Clock clock) {
        this.reports = reports;
        this.plans = plans;
        this.directory = directory;
        this.clock = clock;
    }

    public ReportRollup rollup(String unitCode, String rootPlanId, PeriodType periodType) {
        Criteria inSubtree = new Criteria().orOperator(Criteria.where("unitCode").is(unitCode), Criteria.where("ancestorCodes").is(unitCode));
        List<Report> expected = reports.find(Query.query(new Criteria().andOperator(
                Criteria.where("rootPlanId").is(rootPlanId), Criteria.where("periodType").is(periodType), inSubtree)));
        if (expected.isEmpty()) {
            throw new NotFoundException("Không có báo cáo " + periodType + " nào được yêu cầu từ đơn vị '" + unitCode + "' theo kế hoạch này.");
        }
        var root = plans.find(rootPlanId).orElseThrow(() -> new NotFoundException("Không tìm thấy kế hoạch '" + rootPlanId + "'."));
        int depthOfUnit = directory.find(unitCode).map(u -> u.ancestorCodes().size()).orElse(0);
        List<ReportRollup.UnitLine> lines = expected.stream()
                .sorted(Comparator.comparingInt((Report r) -> r.ancestorCodes().size()).thenComparing(Report::unitCode))
                .map(r -> line(r, depthOfUnit)).toList();
        Indicators totals = expected.stream().flatMap(r -> r.latestSubmission().stream()).map(s -> s.content().indicators())
                .reduce(Indicators.zero(), Indicators::plus);
        int onTime = count(lines, "ON_TIME");
        int late = count(lines, "LATE");
        Report any = expected.get(0);
        String unitName = directory.find(unitCode).map(u -> u.name()).orElse(unitCode);
        return new ReportRollup(unitCode, unitName, rootPlanId, root.number(), root.title(), periodType.name(), any.periodName(),
                any.periodFrom(), any.periodTo(), LocalDate.now(clock), totals, lines.size(), onTime, late, lines.size() - onTime - late,
                (double) onTime / lines.size(), (double) (onTime + late) / lines.size(), lines);
    }

    private static ReportRollup.UnitLine line(Report r, int depthOfUnit) {
        String submission = r.firstSubmission().map(s -> s.onTime() ? "ON_TIME" : "LATE").orElse("MISSING");
        return new ReportRollup.UnitLine(r.unitCode(), r.unitName(), r.unitLevel(), r.ancestorCodes().size() - depthOfUnit, submission,
                r.status().name(), r.dueDate(), r.firstSubmission().map(Submission::submittedAt).orElse(null),
                r.latestSubmission().map(s -> s.content().indicators()).orElse(null));
    }

    private static int count(List<ReportRollup.UnitLine> lines, String submission) {
        return (int) lines.stream().filter(l -> l.submission().equals(submission)).count();
    }
}
