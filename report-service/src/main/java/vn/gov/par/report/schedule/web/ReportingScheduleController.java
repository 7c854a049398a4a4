package vn.gov.par.report.schedule.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import vn.gov.par.report.plan.ReportPlan;
import vn.gov.par.report.plan.ReportPlans;
import vn.gov.par.report.report.Obligations;
import vn.gov.par.support.reporting.PeriodType;
import vn.gov.par.support.reporting.ReportingClauseParser;
import vn.gov.par.support.reporting.ReportingRules;
import vn.gov.par.support.reporting.ReportingSchedule;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.web.PageView;
import vn.gov.par.support.web.apidocs.ProblemResponse;

@Tag(name = "Lịch báo cáo · Reporting schedules", description = "Kỳ báo cáo và hạn nộp đọc từ điều khoản báo cáo của kế hoạch, hoặc do người đặt khi không đọc được. · Report periods and due dates read from a plan's reporting clause, or set by a person when it cannot be read.")
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
    @Operation(summary = "Xem trước cách đọc điều khoản báo cáo · Preview how a reporting clause is read", description = """
            Đọc thử điều khoản báo cáo như khi kế hoạch được ban hành, để người soạn kiểm tra trước. Cần nêu điều khoản (`text`) \
            và năm kế hoạch (`year`, từ 2000 đến 2100), cả hai bắt buộc. Kết quả: các kỳ báo cáo (mỗi thời điểm kết thúc kỳ một \
            báo cáo: quý, 6 tháng, 9 tháng, năm), mỗi kỳ với ngày bắt đầu, ngày chốt số liệu và hạn nộp; ngày nộp nêu trong điều \
            khoản, báo cáo đột xuất, nơi nhận và cơ quan đầu mối. Điều khoản không đọc được chắc chắn không phải là lỗi: kết quả có \
            `recognised` = false và lý do trong `problem`. Không lưu gì, không phát sự kiện nào.

            Reads a reporting clause as it will be read when the plan is issued, for its author to check beforehand. Needs the \
            clause (`text`) and the plan year (`year`, 2000 to 2100), both required. The answer: the report periods (one report \
            per period end: quarter, 6 months, 9 months, year), each with its start, data cut-off and due date; the due day the \
            clause states, ad hoc reports, the recipient and the office reports go through. A clause that cannot be read with \
            confidence is no error: the answer has `recognised` false and the reason in `problem`. Stores and publishes nothing.

            Mọi tài khoản đã đăng nhập đều dùng được. · Open to every signed-in official.""")
    @PostMapping("/api/reporting-schedules/parse")
    ReportingSchedule parse(@Valid @RequestBody ParseRequest request) {
        return ReportingClauseParser.parse(request.text(), request.year(), rules);
    }

    /**
     * Issued plans whose reporting clause could not be read, each with the reason ({@code scheduleProblem}): no
     * report is expected under them until a person sets their schedule. Only those issued by the official's unit or a unit
     * below it.
     */
    @Operation(summary = "Kế hoạch chưa có lịch báo cáo · Plans awaiting a reporting schedule", description = """
            Các kế hoạch đã ban hành, còn hiệu lực, có điều khoản báo cáo không đọc được và chưa ai đặt lịch, mỗi kế hoạch kèm lý \
            do (`scheduleProblem`): chưa có báo cáo nào được yêu cầu theo các kế hoạch này cho tới khi có người đặt lịch bằng tay. \
            Xếp theo ngày ban hành, từng trang (`page` từ 0, `size` tối đa 500). Chỉ gồm kế hoạch do đơn vị mình và các đơn vị \
            cấp dưới ban hành. · Issued, active plans whose reporting clause could not be read and whose schedule nobody has set \
            yet, each with the reason (`scheduleProblem`): no report is expected under them until a person sets their schedule. \
            By issue date, a page at a time (`page` from 0, `size` at most 500). Only the plans issued by one's own unit and the \
            units below it.""")
    @GetMapping("/api/reporting-schedules/unrecognised")
    PageView<ReportPlan> unrecognised(@RequestParam(defaultValue = "0") @Min(value = 0, message = "page phải >= 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "size phải >= 1") @Max(value = 500, message = "size tối đa 500") int size,
            Access access) {
        return plans.unrecognised(page, size, access);
    }

    /**
     * Sets by hand the schedule of a plan whose clause could not be read: every unit obliged under it owes its
     * reports from now on, and the schedule is announced (ReportPeriodsScheduled).
     */
    @Operation(summary = "Đặt lịch báo cáo bằng tay · Set a plan's reporting schedule by hand", description = """
            Đặt lịch báo cáo cho kế hoạch có điều khoản báo cáo không đọc được. Cần nêu các kỳ báo cáo (`periodTypes`, bắt buộc, \
            ít nhất một trong Q1, Q2, Q3, Q4, HALF_YEAR, NINE_MONTHS, YEAR; mỗi thời điểm kết thúc kỳ chỉ một báo cáo, nên không \
            chọn cùng lúc Q2 và HALF_YEAR, Q3 và NINE_MONTHS, Q4 và YEAR) và người đặt lịch (`by`, bắt buộc); hạn nộp (`dueDay`, \
            không bắt buộc) là ngày trong tháng cuối mỗi kỳ, phải sau ngày chốt số liệu (ngày 14) và có trong tháng đó, mặc định \
            ngày 20. Từ đó mỗi đơn vị đã và sẽ được giao thực hiện kế hoạch phải nộp một báo cáo cho mỗi kỳ có hạn nộp từ ngày ban \
            hành kế hoạch trở đi. Phát `ReportPeriodsScheduled` và, cho mỗi đơn vị, một `ReportsDue` nêu các báo cáo được yêu cầu. Gửi lại đúng lịch \
            đã đặt không thay đổi gì (chỉ bổ sung báo cáo còn thiếu nếu lần trước bị gián đoạn).

            Sets the reporting schedule of a plan whose reporting clause could not be read. Needs the report periods \
            (`periodTypes`, required, at least one of Q1, Q2, Q3, Q4, HALF_YEAR, NINE_MONTHS, YEAR; one report per period end, so \
            not Q2 with HALF_YEAR, Q3 with NINE_MONTHS, Q4 with YEAR) and who sets it (`by`, required); the due day (`dueDay`, \
            optional) is the day of each period's last month reports are due, after the data cut-off (the 14th) and present in \
            that month, the 20th by default. From then on every unit obliged under the plan, now or later, owes one report per \
            period due on or after the plan's issue date. Publishes `ReportPeriodsScheduled` and, per unit, a `ReportsDue` naming \
            the reports expected. Sending the schedule already set again changes nothing (it only completes reports an interrupted first \
            attempt left out).

            Chỉ cán bộ hoặc lãnh đạo của đơn vị ban hành kế hoạch (`issuerCode`); tài khoản đặt lịch được ghi vào lịch sử \
            (`history`) và các sự kiện. · Only an officer or leader of the plan's issuing unit; the account that sets it is kept in \
            the history and on the events.""")
    @ProblemResponse(status = 404, description = "Không có kế hoạch `planId` đã ban hành (chưa ban hành, hoặc chưa nhận được sự kiện ban hành), hoặc kế hoạch không do đơn vị mình hay đơn vị cấp dưới ban hành (`not-found`). · No issued plan `planId` (not issued, or its issue not yet received), or one issued by neither one's own unit nor a unit below it.")
    @ProblemResponse(status = 409, description = "Kế hoạch đã kết thúc hoặc bị hủy (`plan-not-active`), lịch đã được đọc từ điều khoản báo cáo nên không đặt lại bằng tay (`schedule-read-from-clause`), lịch khác đã được đặt (`schedule-already-set`, nêu người đặt), hoặc kế hoạch vừa bị người khác sửa (`concurrent-update`). · The plan is closed or cancelled, its schedule was read from the clause, another schedule was already set, or someone else has just changed it.")
    @ProblemResponse(status = 422, description = "Lịch báo cáo không hợp lệ (`invalid-reporting-schedule`): không chọn kỳ nào, chọn một kỳ hai lần hoặc hai kỳ cùng kết thúc một tháng, hạn nộp không sau ngày chốt số liệu hoặc không có trong tháng; `errors` liệt kê từng điểm. · The schedule is invalid: no period, a period twice or two ending in the same month, a due day not after the cut-off or missing from a month; `errors` lists each.")
    @PutMapping("/api/plans/{planId}/reporting-schedule")
    ReportPlan setByHand(@PathVariable String planId, @Valid @RequestBody ScheduleRequest request, Access access) {
        return obligations.setScheduleByHand(planId, request.periodTypes(), request.dueDay(), request.by().strip(), access);
    }
}
