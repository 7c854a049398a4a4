package vn.gov.par.report.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.gov.par.contracts.Actor;
import vn.gov.par.support.reporting.ReportPeriod;
import vn.gov.par.support.access.HistoryEntry;
import vn.gov.par.support.domain.RuleViolationException;

/**
 * What report-service keeps of an issued plan: who issued it, its activities (the rows of every report
 * under it), and its reporting clause as written beside the periods read from it or set by a person.
 *
 * @param issuedOn           reports falling due before it are not expected: nobody owes a report due before it was asked for
 * @param scheduleRecognised whether the periods are known, read from the clause or set by hand; while false the plan
 *                           is listed for a person and no report is expected under it
 * @param scheduleProblem    why the clause could not be read, as the parser said; kept after a person sets the schedule
 * @param scheduleSetBy      who set the schedule by hand, as the request named them, or null when it was read from the clause
 *                           (or not yet set)
 * @param state              ACTIVE; CLOSED (nothing new is expected under it); CANCELLED (nothing unsubmitted stands)
 * @param history            which signed-in official set the schedule by hand ({@code SCHEDULE_SET}), and when
 */
public record ReportPlan(
        String planId,
        String rootPlanId,
        String number,
        String title,
        int year,
        LocalDate issuedOn,
        String issuerCode,
        String issuerName,
        String provinceCode,
        List<PlanActivityLine> activities,
        String reportingClause,
        boolean scheduleRecognised,
        String scheduleProblem,
        String scheduleSetBy,
        Instant scheduleSetAt,
        String via,
        List<ReportPeriod> periods,
        State state,
        List<HistoryEntry> history) {

    public enum State { ACTIVE, CLOSED, CANCELLED }

    public record PlanActivityLine(String label, String content) {
    }

    public ReportPlan {
        activities = activities == null ? List.of() : List.copyOf(activities);
        periods = periods == null ? List.of() : List.copyOf(periods);
        state = state == null ? State.ACTIVE : state;
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** Whether reports arise under it now: its periods are known and it is neither closed nor cancelled. */
    public boolean expectsNewReports() {
        return scheduleRecognised && state == State.ACTIVE;
    }

    /** The periods whose reports a unit owes: those falling due on or after the plan was issued. */
    public List<ReportPeriod> periodsOwed() {
        return periods.stream().filter(p -> issuedOn == null || !p.dueDate().isBefore(issuedOn)).toList();
    }

    /**
     * A person's schedule for a clause that could not be read. A clause read by the parser is not overridden, and a
     * schedule once set stands: the same periods again change nothing (a retried request), others are refused.
     */
    public ReportPlan scheduledByHand(List<ReportPeriod> newPeriods, String by, Actor actor, Instant at) {
        if (state != State.ACTIVE) {
            throw RuleViolationException.conflict("plan-not-active", "Kế hoạch " + number + " đã "
                    + (state == State.CANCELLED ? "bị hủy" : "kết thúc") + "; không đặt lịch báo cáo được nữa.");
        }
        if (scheduleRecognised && scheduleSetBy == null) {
            throw RuleViolationException.conflict("schedule-read-from-clause", "Lịch báo cáo của kế hoạch " + number
                    + " đã được đọc từ điều khoản báo cáo; không đặt lại bằng tay.");
        }
        if (scheduleSetBy != null) {
            if (periods.equals(newPeriods)) {
                return this;
            }
            throw RuleViolationException.conflict("schedule-already-set", "Lịch báo cáo của kế hoạch " + number + " đã được "
                    + scheduleSetBy + " đặt; báo cáo đã được yêu cầu theo lịch đó.");
        }
        List<HistoryEntry> longer = new ArrayList<>(history);
        longer.add(new HistoryEntry("SCHEDULE_SET", at, actor));
        return new ReportPlan(planId, rootPlanId, number, title, year, issuedOn, issuerCode, issuerName, provinceCode, activities,
                reportingClause, true, scheduleProblem, by, at, via, newPeriods, state, longer);
    }

    public ReportPlan in(State newState) {
        return new ReportPlan(planId, rootPlanId, number, title, year, issuedOn, issuerCode, issuerName, provinceCode, activities,
                reportingClause, scheduleRecognised, scheduleProblem, scheduleSetBy, scheduleSetAt, via, periods, newState, history);
    }
}
