package vn.gov.par.report.report.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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
import vn.gov.par.report.report.Report;
import vn.gov.par.report.report.ReportContent;
import vn.gov.par.report.report.ReportStatus;
import vn.gov.par.report.report.Reports;
import vn.gov.par.support.reporting.PeriodType;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.calendar.WorkingCalendar;
import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.persistence.VisibleUnits;
import vn.gov.par.support.web.Deadlined;
import vn.gov.par.support.web.PageView;
import vn.gov.par.support.web.apidocs.ProblemResponse;

@Tag(name = "Báo cáo định kỳ · Periodic reports", description = "Báo cáo từng đơn vị phải nộp cho mỗi kỳ của kế hoạch: soạn, nộp, tiếp nhận, trả lại. · The report each unit owes for each period of a plan: draft, submit, accept, return.")
@RestController
class ReportController {

    private final Reports reports;
    private final AggregateStore<Report> store;
    private final WorkingCalendarView calendar;

    ReportController(Reports reports, AggregateStore<Report> store, WorkingCalendarView calendar) {
        this.reports = reports;
        this.store = store;
        this.calendar = calendar;
    }

    record ActorRequest(@NotBlank(message = "Cần nêu người thực hiện (by).") String by) {
    }

    record ReturnRequest(@NotBlank(message = "Cần nêu người trả lại (by).") String by,
            @NotBlank(message = "Cần nêu lý do trả lại (comment).") String comment) {
    }

    /**
     * Every expected report, started or not, filtered: a unit asks for its own by {@code unitCode}, the issuer of a
     * plan for those sent to it by {@code recipientUnitCode}, and a supervising unit for those of every unit below
     * it, at any depth, by {@code underUnit}; of those, only the ones the official sees (its own unit's and those of the
     * units below it).
     */
    @Operation(summary = "Danh sách báo cáo · List reports", description = """
            Mọi báo cáo phải nộp, đã bắt đầu soạn hay chưa, lọc theo đơn vị nộp (`unitCode`: đơn vị xem báo cáo của mình), đơn vị \
            nhận (`recipientUnitCode`: đơn vị ban hành kế hoạch xem các báo cáo gửi tới mình), đơn vị cấp trên (`underUnit`: báo \
            cáo của mọi đơn vị trực thuộc, ở mọi cấp), kế hoạch (`planId`), kỳ báo cáo (`periodType`: Q1, Q2, Q3, Q4, HALF_YEAR, \
            NINE_MONTHS, YEAR) và trạng thái (EXPECTED, DRAFT, SUBMITTED, RETURNED, ACCEPTED, CANCELLED); xếp theo hạn nộp rồi mã \
            đơn vị, từng trang (`page` từ 0, `size` tối đa 500). Chỉ gồm báo cáo của đơn vị mình và các đơn vị cấp dưới (báo cáo \
            gửi tới đơn vị mình đều từ cấp dưới nên có trong đó), và báo cáo của các kế hoạch gửi báo cáo qua đơn vị mình ("qua Sở \
            Nội vụ").

            Every expected report, started or not, filtered by the reporting unit (`unitCode`: a unit's own), the recipient \
            (`recipientUnitCode`: what a plan's issuer receives), a supervising unit (`underUnit`: the reports of every unit below \
            it, at any depth), the plan, the period type and the status; by due date then unit code, a page at a time (`page` \
            from 0, `size` at most 500). Only the reports of one's own unit and of the units below it (those owed to one's unit \
            all come from below, so they are among them), and those of the plans whose reports go through one's unit.""")
    @GetMapping("/api/reports")
    PageView<Deadlined<Report>> list(@RequestParam(required = false) String recipientUnitCode, @RequestParam(required = false) String unitCode,
            @RequestParam(required = false) String underUnit,
            @RequestParam(required = false) String planId, @RequestParam(required = false) PeriodType periodType,
            @RequestParam(required = false) ReportStatus status,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "page phải >= 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "size phải >= 1") @Max(value = 500, message = "size tối đa 500") int size,
            Access access) {
        List<Criteria> parts = new ArrayList<>();
        // Reports owed to a unit all come from below it, so a recipient the official sees keeps the list to what it sees.
        VisibleUnits.of(access, recipientUnitCode, unitCode, underUnit).ifPresent(parts::add);
        add(parts, "recipientUnitCode", recipientUnitCode);
        add(parts, "unitCode", unitCode);
        add(parts, "ancestorCodes", underUnit);
        add(parts, "planId", planId);
        add(parts, "periodType", periodType);
        add(parts, "status", status);
        Query query = Query.query(parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts));
        long total = store.count(query);
        WorkingCalendar days = calendar.current();
        return new PageView<>(store.find(query.with(Sort.by("dueDate", "unitCode")).skip((long) page * size).limit(size)), page, size, total)
                .map(report -> Deadlined.of(report, report.dueDate(), days));
    }

    @Operation(summary = "Xem một báo cáo · Read one report", description = """
            Báo cáo với kế hoạch, đơn vị nộp, đơn vị nhận (và cơ quan đầu mối `via` nếu có), kỳ báo cáo (từ ngày, ngày chốt số \
            liệu, hạn nộp), trạng thái, bản nháp đang soạn và mọi lần nộp: mỗi lần là một phiên bản giữ nguyên như đã nộp, kèm kết \
            quả xem xét (tiếp nhận, hoặc trả lại với ý kiến). · The report with its plan, reporting unit, recipient (and the office \
            it goes through, `via`), period (from, data cut-off, due date), status, working draft and every submission, each kept \
            as a version as sent, with its review (accepted, or returned with a comment).

            Lịch sử (`history`) ghi tài khoản đã nộp, tiếp nhận, trả lại (mã, họ tên, đơn vị) và thời điểm. Xem được báo cáo của \
            đơn vị mình và các đơn vị cấp dưới; báo cáo khác trả 404 như không có. · The history (`history`) names the account \
            that submitted, accepted or returned it (subject, name, unit) and when. One sees the reports of one's own unit and of \
            the units below it; any other is a 404, as if it did not exist.

            Báo cáo của đơn vị đã giải thể, sáp nhập mang ngày đó (`unitRetiredOn`) và giữ tên đơn vị: các kỳ đến hạn sau ngày đó \
            mà chưa nộp bị hủy (CANCELLED, đơn vị kế thừa nộp thay), các kỳ trước giữ nguyên trạng thái; đơn vị nhận vẫn tiếp nhận \
            hoặc trả lại được bản đã nộp. · The reports of a unit dissolved or merged away carry that day (`unitRetiredOn`) and \
            keep the unit's name: those falling due after it and not submitted are cancelled (its successor owes them instead), \
            the earlier ones keep their status; the recipient still accepts or returns what was submitted.""")
    @GetMapping("/api/reports/{id}")
    Deadlined<Report> get(@PathVariable String id, Access access) {
        Report report = reports.get(id, access);
        return Deadlined.of(report, report.dueDate(), calendar.current());
    }

    /** The working copy; before the unit saves one, prepared from its task progress in the period. */
    @Operation(summary = "Xem bản nháp báo cáo · Read a report's draft", description = """
            Bản nháp đơn vị đang soạn; khi đơn vị chưa lưu bản nào, một bản chuẩn bị sẵn: mỗi hoạt động của kế hoạch với kết quả \
            và số lượng lấy từ các nhiệm vụ đơn vị đã hoàn thành trong kỳ, các chỉ tiêu bằng 0. Việc xem không lưu gì. · The \
            unit's working copy; before it saves one, a draft prepared for it: each activity of the plan with what the unit's \
            tasks completed in the period produced, the indicators at zero. Reading it stores nothing. Báo cáo ngoài phạm vi được \
            xem (đơn vị mình và cấp dưới) trả 404. · A report outside what one sees (one's unit and those below) is a 404.""")
    @GetMapping("/api/reports/{id}/draft")
    ReportContent draft(@PathVariable String id, Access access) {
        return reports.draftOf(id, access);
    }

    @Operation(summary = "Lưu bản nháp báo cáo · Save a report's draft", description = """
            Thay toàn bộ bản nháp bằng nội dung gửi lên: kết quả từng hoạt động (`activities`: `activityLabel`, `activityContent`, \
            `result`, `count`), mười chỉ tiêu định lượng (`indicators`: tin bài, lượt phát thanh, truyền hình, phóng sự, bài trên \
            mạng xã hội, hội nghị, tập huấn và lượt người tham dự, tờ rơi, pa nô, cuộc thi và lượt người dự thi; chỉ tiêu không \
            nêu tính bằng 0), khó khăn, vướng mắc (`difficulties`) và đề xuất, kiến nghị (`proposals`). Số lượng và chỉ tiêu \
            không được âm. Lưu được khi báo cáo chưa soạn, đang soạn hoặc bị trả lại; báo cáo chuyển sang DRAFT, sẵn sàng để nộp. \
            Việc lưu không phát sự kiện nào.

            Replaces the whole draft with the content sent: each activity's result (`activities`), the ten standard indicators \
            (`indicators`: one left out counts as 0), difficulties and proposals. No count or indicator may be negative. A report \
            not started, in draft or returned can be saved; it becomes DRAFT, ready to submit. Saving publishes no event.

            Chỉ cán bộ hoặc lãnh đạo của đơn vị nộp báo cáo (`unitCode`). · Only an officer or leader of the reporting unit.""")
    @ProblemResponse(status = 409, description = "Đơn vị nộp đã giải thể, sáp nhập nên không còn soạn, nộp báo cáo (`unit-retired`, nêu ngày giải thể), báo cáo đã nộp và đang chờ xem xét (`report-under-review`), đã được tiếp nhận nên bị khóa (`report-locked`, nêu người tiếp nhận và thời điểm), kế hoạch đã bị hủy nên báo cáo không còn phải nộp (`report-cancelled`), hoặc báo cáo vừa bị người khác sửa (`concurrent-update`). · The reporting unit was dissolved or merged away and writes no more reports (naming the day), the report is submitted and under review, accepted and locked, no longer owed (its plan was cancelled), or someone else has just changed it.")
    @ProblemResponse(status = 422, description = "Nội dung báo cáo không hợp lệ (`invalid-report`): chỉ tiêu hoặc số lượng âm; `errors` liệt kê từng điểm. · The content is invalid: a negative indicator or count; `errors` lists each.")
    @PutMapping("/api/reports/{id}/draft")
    Report saveDraft(@PathVariable String id, @Valid @NotNull(message = "Thiếu nội dung báo cáo.") @RequestBody ReportContent content,
            Access access) {
        return reports.saveDraft(id, content, access);
    }

    @Operation(summary = "Nộp báo cáo · Submit a report", description = """
            Nộp bản nháp đã lưu tới đơn vị nhận. Cần nêu người nộp (`by`, bắt buộc). Mỗi lần nộp được lưu thành một phiên bản mới, \
            với thời điểm, người nộp và việc nộp đúng hạn hay trễ hạn (so với hạn nộp của kỳ); báo cáo chuyển sang SUBMITTED, chờ \
            đơn vị nhận xem xét. Phát sự kiện `ReportSubmitted`. Chỉ nộp được báo cáo ở trạng thái DRAFT: báo cáo bị trả lại phải \
            lưu lại bản nháp (PUT `/api/reports/{id}/draft`) trước khi nộp lại.

            Submits the saved draft to the recipient. Needs who submits it (`by`, required). Every submission is kept as a new \
            version, with its time, its submitter and whether it was on time (against the period's due date); the report becomes \
            SUBMITTED, awaiting the recipient's review. Publishes `ReportSubmitted`. Only a DRAFT report can be submitted: a \
            returned one must have its draft saved again (PUT `/api/reports/{id}/draft`) before it is resubmitted.

            Chỉ cán bộ hoặc lãnh đạo của đơn vị nộp báo cáo (`unitCode`); tài khoản nộp được ghi vào lịch sử (`history`) và sự \
            kiện. · Only an officer or leader of the reporting unit; the account that submits is kept in the history and on the \
            event.""")
    @ProblemResponse(status = 409, description = "Đơn vị nộp đã giải thể, sáp nhập nên không còn nộp báo cáo (`unit-retired`, nêu ngày giải thể), không có bản nháp để nộp (`nothing-to-submit`: chưa lưu bản nháp, bị trả lại mà chưa lưu lại, hoặc đã nộp và đang chờ xem xét), báo cáo đã được tiếp nhận nên bị khóa (`report-locked`), kế hoạch đã bị hủy (`report-cancelled`), hoặc báo cáo vừa bị người khác sửa (`concurrent-update`). · The reporting unit was dissolved or merged away and submits no more (naming the day), nothing to submit (no draft saved, returned and not saved again, or already submitted), accepted and locked, no longer owed, or someone else has just changed it.")
    @ProblemResponse(status = 422, description = "Bản nháp đã lưu không hợp lệ (`invalid-report`); `errors` liệt kê từng điểm. · The saved draft is invalid; `errors` lists each point.")
    @PostMapping("/api/reports/{id}/submit")
    Report submit(@PathVariable String id, @Valid @RequestBody ActorRequest request, Access access) {
        return reports.submit(id, request.by(), access);
    }

    @Operation(summary = "Tiếp nhận báo cáo · Accept a report", description = """
            Đơn vị nhận chấp nhận phiên bản vừa nộp. Cần nêu người tiếp nhận (`by`, bắt buộc). Báo cáo chuyển sang ACCEPTED và bị \
            khóa: không sửa, nộp lại hay xem xét lại được nữa (yêu cầu bị từ chối, nêu người tiếp nhận và thời điểm). Phát sự kiện \
            `ReportAccepted`.

            The recipient accepts the version just submitted. Needs who accepts it (`by`, required). The report becomes ACCEPTED \
            and is locked: it can no longer be edited, resubmitted or reviewed (such a request is refused, naming who accepted it \
            and when). Publishes `ReportAccepted`.

            Chỉ lãnh đạo (LANH_DAO) của đơn vị nhận báo cáo (`recipientUnitCode`); tài khoản tiếp nhận được ghi vào lịch sử \
            (`history`) và sự kiện. · Only a leader of the recipient unit; the account that accepts is kept in the history and on \
            the event.""")
    @ProblemResponse(status = 409, description = "Báo cáo chưa được nộp hoặc đã bị trả lại nên chưa có gì để xem xét (`nothing-to-review`), đã được tiếp nhận (`report-locked`), kế hoạch đã bị hủy (`report-cancelled`), hoặc báo cáo vừa bị người khác sửa (`concurrent-update`). · The report is not awaiting review (not submitted, or already returned), already accepted, no longer owed, or someone else has just changed it.")
    @PostMapping("/api/reports/{id}/accept")
    Report accept(@PathVariable String id, @Valid @RequestBody ActorRequest request, Access access) {
        return reports.accept(id, request.by(), access);
    }

    @Operation(summary = "Trả lại báo cáo · Return a report for correction", description = """
            Đơn vị nhận trả lại phiên bản vừa nộp để bổ sung, chỉnh sửa. Cần nêu người trả lại (`by`) và lý do (`comment`), cả hai \
            bắt buộc. Báo cáo chuyển sang RETURNED; phiên bản bị trả lại vẫn được giữ nhưng không còn được tính khi tổng hợp, cho \
            tới khi đơn vị lưu lại bản nháp và nộp lại (đúng hạn hay trễ hạn tính theo lần nộp lại). Phát sự kiện `ReportReturned`, \
            kèm ý kiến trả lại.

            The recipient sends the version just submitted back for correction. Needs who returns it (`by`) and why (`comment`), \
            both required. The report becomes RETURNED; the returned version is kept but no longer counts in roll-ups until the \
            unit saves its draft again and resubmits (its timeliness is then the resubmission's). Publishes `ReportReturned`, with \
            the comment.

            Chỉ lãnh đạo (LANH_DAO) của đơn vị nhận báo cáo (`recipientUnitCode`); tài khoản trả lại được ghi vào lịch sử \
            (`history`) và sự kiện. · Only a leader of the recipient unit; the account that returns it is kept in the history and \
            on the event.""")
    @ProblemResponse(status = 409, description = "Báo cáo chưa được nộp hoặc đã bị trả lại nên chưa có gì để xem xét (`nothing-to-review`), đã được tiếp nhận (`report-locked`), kế hoạch đã bị hủy (`report-cancelled`), hoặc báo cáo vừa bị người khác sửa (`concurrent-update`). · The report is not awaiting review (not submitted, or already returned), already accepted, no longer owed, or someone else has just changed it.")
    @PostMapping("/api/reports/{id}/return")
    Report returnForCorrection(@PathVariable String id, @Valid @RequestBody ReturnRequest request, Access access) {
        return reports.returnForCorrection(id, request.by(), request.comment(), access);
    }

    private static void add(List<Criteria> parts, String field, Object value) {
        if (value != null) {
            parts.add(Criteria.where(field).is(value));
        }
    }
}
