package vn.gov.par.report.schedule.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import vn.gov.par.report.plan.ReportPlan;
import vn.gov.par.report.plan.ReportPlans;
import vn.gov.par.report.report.Obligations;
import vn.gov.par.report.schedule.PeriodType;
import vn.gov.par.report.schedule.ReportingClauseParser;
import vn.gov.par.report.schedule.ReportingRules;
import vn.gov.par.report.schedule.ReportingSchedule;
import vn.gov.par.support.web.PageView;

@RestController
class ReportingScheduleController {

    private final ReportingRules rules;
    private final ReportPlans plans;
    private final Obligations obligations;

    ReportingScheduleController(ReportingRules rules, ReportPlans plans, Obligations obligations) {
        this.rules = rules;
        this.plans = plans;
        this.obligations = obligations;
    }

    record ParseRequest(@NotNull(message = "Thiếu điều khoản báo cáo (text).") String text,
            @NotNull(message = "Thiếu năm kế hoạch (year).") @Min(value = 2000, message = "Năm phải từ 2000.")
            @Max(value = 2100, message = "Năm phải đến 2100.") Integer year) {
    }

    /**
     * A schedule set by a person.
     *
     * @param periodTypes the reports owed, one per period end: Q1..Q4, HALF_YEAR, NINE_MONTHS, YEAR
     * @param dueDay      the day of each period's last month reports are due; the default day when absent
     * @param by          who sets it
     */
    record ScheduleRequest(List<PeriodType> periodTypes, Integer dueDay,
            @NotBlank(message = "Cần nêu người đặt lịch báo cáo (by).") String by) {
    }

    /** How a reporting clause will be read, before the plan is issued. */
    @PostMapping("/api/reporting-schedules/parse")
    ReportingSchedule parse(@Valid @RequestBody ParseRequest request) {
        return ReportingClauseParser.parse(request.text(), request.year(), rules);
    }

    /**
     * Issued plans whose reporting clause could not be read, each with the reason ({@code scheduleProblem}): no
     * report is expected under them until a person sets their schedule.
     */
    @GetMapping("/api/reporting-schedules/unrecognised")
    PageView<ReportPlan> unrecognised(@RequestParam(defaultValue = "0") @Min(value = 0, message = "page phải >= 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "size phải >= 1") @Max(value = 500, message = "size tối đa 500") int size) {
        return plans.unrecognised(page, size);
    }

    /**
     * Sets by hand the schedule of a plan whose clause could not be read: every unit obliged under it owes its
     * reports from now on, and the schedule is announced (ReportPeriodsScheduled).
     */
    @PutMapping("/api/plans/{planId}/reporting-schedule")
    ReportPlan setByHand(@PathVariable String planId, @Valid @RequestBody ScheduleRequest request) {
        return obligations.setScheduleByHand(planId, request.periodTypes(), request.dueDay(), request.by().strip());
    }
}
