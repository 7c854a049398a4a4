package vn.gov.par.report.rollup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.gov.par.report.ledger.ExecutionScore;
import vn.gov.par.report.ledger.ExecutionScores;
import vn.gov.par.report.plan.ReportPlan;
import vn.gov.par.report.plan.ReportPlans;
import vn.gov.par.report.report.Indicators;
import vn.gov.par.report.report.Report;
import vn.gov.par.report.report.ReportStatus;
import vn.gov.par.report.report.Submission;
import vn.gov.par.report.rollup.ReportRollup.Submissions;
import vn.gov.par.support.reporting.PeriodType;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.domain.NotFoundException;
import vn.gov.par.support.persistence.AggregateStore;

/**
 * A unit's consolidated view of a report period, over its own report and everything below it, in one query; and a unit's
 * plan-execution score. An official asks them of its own unit or of a unit below it (any other is answered as unknown),
 * and a roll-up adds up only the reports the official may read one by one.
 */
@Service
public class RollupQueries {

    /** Each unit followed by the units below it: ordered by the path from the top of the hierarchy. */
    private static final Comparator<Report> HIERARCHY_ORDER = Comparator.comparing((Report r) -> {
        List<String> path = new ArrayList<>(r.ancestorCodes());
        path.add(r.unitCode());
        return String.join("/", path);
    }).thenComparing(Report::periodType);

    private final AggregateStore<Report> reports;
    private final ReportPlans plans;
    private final UnitDirectoryView directory;
    private final ExecutionScores scores;
    private final Clock clock;

    public RollupQueries(AggregateStore<Report> reports, ReportPlans plans, UnitDirectoryView directory, ExecutionScores scores,
            Clock clock) {
        this.reports = reports;
        this.plans = plans;
        this.directory = directory;
        this.scores = scores;
        this.clock = clock;
    }

    /**
     * The roll-up of a unit the official sees (404 otherwise, as for a unit nothing is expected from). Of the reports
     * below it, only those the official may read are counted: a report still placed where its unit sat before a move
     * (an accepted one stays put) is left out of the roll-up of an official who does not see that place.
     */
    public ReportRollup rollup(String unitCode, String rootPlanId, PeriodType periodType, Access access) {
        ReportPlan root = plans.find(rootPlanId).orElseThrow(() -> new NotFoundException("Không tìm thấy kế hoạch '" + rootPlanId + "'."));
        List<Report> expected = visibleInSubtree(unitCode, rootPlanId, periodType, access);
        if (expected.isEmpty()) {
            throw new NotFoundException("Không có báo cáo " + periodType.label(root.year()) + " nào được yêu cầu từ đơn vị '" + unitCode
                    + "' theo kế hoạch này.");
        }
        Report sample = expected.stream().filter(r -> r.periodType() == periodType).findFirst().orElse(expected.get(0));
        LocalDate asOf = LocalDate.now(clock);
        LocalDate scoredUntil = asOf.isBefore(sample.periodTo()) ? asOf : sample.periodTo();
        Map<String, ExecutionScore> execution = scores.of(expected.stream().map(Report::unitCode).distinct().toList(), root.year(),
                scoredUntil);
        int depthOfUnit = depthOf(unitCode, expected);
        List<ReportRollup.UnitLine> lines = expected.stream().sorted(HIERARCHY_ORDER)
                .map(r -> line(r, depthOfUnit, execution.get(r.unitCode()))).toList();
        Indicators own = sum(expected.stream().filter(r -> r.unitCode().equals(unitCode)).toList());
        Indicators below = sum(expected.stream().filter(r -> !r.unitCode().equals(unitCode)).toList());
        return new ReportRollup(unitCode, unitName(unitCode, expected), rootPlanId, root.number(), root.title(), periodType.name(),
                periodType.label(root.year()), sample.periodFrom(), sample.periodTo(), asOf, own, below, own.plus(below),
                Submissions.of(lines.stream().filter(l -> unitCode.equals(l.recipientUnitCode())).toList()),
                Submissions.of(lines.stream().filter(l -> l.unitCode().equals(unitCode)).toList()), Submissions.of(lines), lines);
    }

    /** The unit's plan execution for the year up to today, if the official sees the unit. */
    public ExecutionScore executionScore(String unitCode, int year, Access access) {
        if (!seesUnit(unitCode, access)) {
            throw new NotFoundException("Không tìm thấy đơn vị có mã '" + unitCode + "'.");
        }
        return scores.of(unitCode, year, LocalDate.now(clock));
    }

    /** The reports of the subtree the official may read, one by one; none when it may not see the unit itself. */
    private List<Report> visibleInSubtree(String unitCode, String rootPlanId, PeriodType periodType, Access access) {
        if (access.seesEverything()) {
            return expectedInSubtree(unitCode, rootPlanId, periodType);
        }
        if (!access.sees(unitCode)) {
            return List.of();
        }
        return expectedInSubtree(unitCode, rootPlanId, periodType).stream().filter(r -> access.sees(r.unitCode(), r.ancestorCodes()))
                .toList();
    }

    /** Its own unit, or one the units directory places below it. */
    private static boolean seesUnit(String unitCode, Access access) {
        return access.seesEverything() || access.sees(unitCode);
    }

    /** Reports of the unit and every unit below it whose period ends with the one asked for, cancelled ones left out. */
    private List<Report> expectedInSubtree(String unitCode, String rootPlanId, PeriodType periodType) {
        Criteria inSubtree = new Criteria().orOperator(Criteria.where("unitCode").is(unitCode), Criteria.where("ancestorCodes").is(unitCode));
        return reports.find(Query.query(new Criteria().andOperator(Criteria.where("rootPlanId").is(rootPlanId),
                Criteria.where("periodType").in(periodType.endingTogether()), Criteria.where("status").ne(ReportStatus.CANCELLED),
                inSubtree)));
    }

    private int depthOf(String unitCode, List<Report> expected) {
        return expected.stream().filter(r -> r.unitCode().equals(unitCode)).findFirst().map(r -> r.ancestorCodes().size())
                .or(() -> directory.find(unitCode).map(u -> u.ancestorCodes().size()))
                .orElseGet(() -> expected.stream().mapToInt(r -> r.ancestorCodes().size()).min().orElse(1) - 1);
    }

    private String unitName(String unitCode, List<Report> expected) {
        return directory.find(unitCode).map(u -> u.name())
                .or(() -> expected.stream().filter(r -> r.unitCode().equals(unitCode)).findFirst().map(Report::unitName))
                .orElse(unitCode);
    }

    private static ReportRollup.UnitLine line(Report r, int depthOfUnit, ExecutionScore execution) {
        Optional<Submission> standing = r.standingSubmission();
        String submission = standing.map(s -> s.onTime() ? "ON_TIME" : "LATE")
                .orElse(r.submissions().isEmpty() ? "MISSING" : "RETURNED");
        return new ReportRollup.UnitLine(r.unitCode(), r.unitName(), r.unitLevel(), r.ancestorCodes().size() - depthOfUnit,
                r.recipientUnitCode(), r.periodType().name(), submission, r.status().name(), r.dueDate(), standing.map(Submission::submittedAt).orElse(null),
                standing.map(s -> s.content().indicators()).orElse(null), execution);
    }

    private static Indicators sum(List<Report> reports) {
        return reports.stream().flatMap(r -> r.standingSubmission().stream()).map(s -> s.content().indicators())
                .reduce(Indicators.zero(), Indicators::plus);
    }
}
