package vn.gov.par.report.schedule.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import vn.gov.par.report.plan.ReportPlan;
import vn.gov.par.report.plan.ReportPlans;
import vn.gov.par.report.schedule.ReportingClauseParser;
import vn.gov.par.report.schedule.ReportingRules;
import vn.gov.par.report.schedule.ReportingSchedule;

@RestController
class ReportingScheduleController {

    private final ReportingRules rules;
    private final ReportPlans plans;

    ReportingScheduleController(ReportingRules rules, ReportPlans plans) {
        this.rules = rules;
        this.plans = plans;
    }

    record ParseRequest(@NotNull(message = "Thiếu điều khoản báo cáo (text).") String text,
            @NotNull(message = "Thiếu năm kế hoạch (year).") @Min(value = 2000, message = "Năm phải từ 2000.")
            @Max(value = 2100, message = "Năm phải đến 2100.") Integer year) {
    }

    /** How a reporting clause will be read, before the plan is issued. */
    @PostMapping("/api/reporting-schedules/parse")
    ReportingSchedule parse(@Valid @RequestBody ParseRequest request) {
        return ReportingClauseParser.parse(request.text(), request.year(), rules);
    }

    /** Issued plans whose reporting clause could not be read: no report is expected under them until a person settles it. */
    @GetMapping("/api/reporting-schedules/unrecognised")
    List<ReportPlan> unrecognised() {
        return plans.unrecognised();
    }
}
