package vn.gov.par.report.rollup.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.gov.par.report.ledger.ExecutionScore;
import vn.gov.par.report.rollup.ReportRollup;
import vn.gov.par.report.rollup.RollupDocument;
import vn.gov.par.report.rollup.RollupQueries;
import vn.gov.par.support.reporting.PeriodType;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.web.apidocs.ProblemResponse;

@Tag(name = "Tổng hợp và chấm điểm · Roll-ups and scores", description = "Tổng hợp báo cáo của một kỳ theo các cấp, và điểm thực hiện kế hoạch của đơn vị. · A period's reports rolled up through the levels, and a unit's plan-execution score.")
@RestController
class RollupController {

    private static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final RollupQueries rollups;

    RollupController(RollupQueries rollups) {
        this.rollups = rollups;
    }

    /**
     * A unit's own report and every report from below it, for one period of a plan's cascade: the reports below
     * whose period ends with this one count, whatever their plan calls it (a commune's Quý II in a 6-month roll-up).
     */
    @Operation(summary = "Tổng hợp báo cáo một kỳ · Roll up a period's reports", description = """
            Báo cáo của đơn vị `unitCode` và của mọi đơn vị trực thuộc, ở mọi cấp, cho kỳ `periodType` (Q1, Q2, Q3, Q4, HALF_YEAR, \
            NINE_MONTHS, YEAR) theo kế hoạch gốc `rootPlanId` và các kế hoạch thực hiện nó ở cấp dưới. Báo cáo cấp dưới có kỳ kết \
            thúc cùng tháng cũng được tính, dù kế hoạch của nó gọi kỳ khác đi (báo cáo Quý II của xã trong tổng hợp 6 tháng); báo \
            cáo đã hủy không tính. Chỉ phiên bản nộp mới nhất đang chờ xem xét hoặc đã được tiếp nhận mới được tính; báo cáo bị trả \
            lại được tính là trả lại cho tới khi nộp lại. Kết quả: số báo cáo phải nộp, nộp đúng hạn, trễ hạn, bị trả lại, chưa \
            nộp, tỷ lệ đúng hạn và tỷ lệ đã nộp, tính riêng cho báo cáo các đơn vị gửi về chính đơn vị này (`owedToUnit`), báo \
            cáo của đơn vị gửi cấp trên (`own`) và toàn bộ báo cáo trên địa bàn, kể cả báo cáo gửi các đơn vị cấp dưới \
            (`subtree`); chỉ tiêu của đơn vị, của cấp dưới và tổng cộng; từng báo cáo theo thứ tự cây đơn \
            vị, với điểm thực hiện kế hoạch của đơn vị tính đến hết kỳ (hoặc đến hôm nay nếu kỳ chưa hết). Chỉ tổng hợp được cho \
            đơn vị mình hoặc đơn vị cấp dưới, và chỉ tính các báo cáo tài khoản được xem (của đơn vị mình và cấp dưới).

            The report of unit `unitCode` and of every unit below it, at any depth, for period `periodType` under the root plan \
            `rootPlanId` and the plans implementing it below. A report below whose period ends in the same month counts too, \
            whatever its plan calls the period (a commune's Quý II in a 6-month roll-up); cancelled reports do not. Only the \
            latest version, under review or accepted, counts; a returned report counts as returned until resubmitted. The answer: \
            reports expected, submitted on time, late, returned, missing, the on-time rate and completeness, counted apart for \
            the reports sent to this unit (`owedToUnit`), the unit's own sent above (`own`) and every report of its subtree, \
            also those sent to the units below (`subtree`); the unit's own \
            indicators, those from below and their totals; each report in hierarchy order, with the unit's plan-execution score \
            up to the period's end (or today, before it ends). Only for one's own unit or a unit below it, counting only the \
            reports one may read (those of one's unit and the units below).""")
    @ProblemResponse(status = 404, description = "Không có kế hoạch `rootPlanId` (chưa ban hành hoặc chưa nhận được sự kiện ban hành), không có báo cáo nào của kỳ này được yêu cầu từ đơn vị `unitCode` và các đơn vị trực thuộc, hoặc đơn vị `unitCode` không phải đơn vị mình hay cấp dưới (`not-found`). · No plan `rootPlanId` (not issued, or its issue not yet received), no report for this period is expected from unit `unitCode` or any unit below it, or `unitCode` is neither one's own unit nor one below it.")
    @GetMapping("/api/rollups/reports")
    ReportRollup rollup(@RequestParam String unitCode, @RequestParam String rootPlanId, @RequestParam PeriodType periodType,
            Access access) {
        return rollups.rollup(unitCode, rootPlanId, periodType, access);
    }

    /** The same, as a Word document in the usual administrative layout. */
    @Operation(summary = "Tổng hợp báo cáo một kỳ, bản Word · A period's roll-up as a Word document", description = """
            Cùng nội dung tổng hợp như `/api/rollups/reports`, trả về dưới dạng tệp Word (.docx, \
            `application/vnd.openxmlformats-officedocument.wordprocessingml.document`), tải về với tên dạng \
            `bao-cao-tong-hop-694-half_year.docx` (mã đơn vị, kỳ báo cáo viết thường). Văn bản theo thể thức Nghị định \
            30/2020/NĐ-CP: khổ A4, phông Times New Roman, phần đầu với tên đơn vị và Quốc hiệu, tiêu ngữ, tên báo cáo, tình hình \
            nộp báo cáo, bảng chỉ tiêu và bảng từng đơn vị; `preparedBy` (không bắt buộc) là tên người ký ghi dưới phần chữ ký, để trống nếu không nêu.

            The same roll-up as `/api/rollups/reports`, answered as a Word document (.docx), downloaded under a name such \
            as `bao-cao-tong-hop-694-half_year.docx` (unit code, period type in lower case). Laid out as Decree 30/2020/NĐ-CP \
            sets out: A4, Times New Roman, the heading with the unit and the national motto, the title, the submission figures, \
            the indicator table and the per-unit table; `preparedBy` (optional) is the name printed under the signature, left blank when absent.""")
    @ProblemResponse(status = 404, description = "Không có kế hoạch `rootPlanId` (chưa ban hành hoặc chưa nhận được sự kiện ban hành), không có báo cáo nào của kỳ này được yêu cầu từ đơn vị `unitCode` và các đơn vị trực thuộc, hoặc đơn vị `unitCode` không phải đơn vị mình hay cấp dưới (`not-found`). · No plan `rootPlanId` (not issued, or its issue not yet received), no report for this period is expected from unit `unitCode` or any unit below it, or `unitCode` is neither one's own unit nor one below it.")
    @GetMapping("/api/rollups/reports.docx")
    ResponseEntity<byte[]> rollupDocument(@RequestParam String unitCode, @RequestParam String rootPlanId,
            @RequestParam PeriodType periodType, @RequestParam(required = false) String preparedBy, Access access) {
        ReportRollup rollup = rollups.rollup(unitCode, rootPlanId, periodType, access);
        String fileName = "bao-cao-tong-hop-" + unitCode + "-" + periodType.name().toLowerCase() + ".docx";
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(RollupDocument.render(rollup, preparedBy));
    }

    /** The unit's plan execution for the year, scored as the commune PAR-index guidance does. */
    @Operation(summary = "Điểm thực hiện kế hoạch · Plan-execution score", description = """
            Kết quả thực hiện kế hoạch trong năm `year` của đơn vị `unitCode` tính đến hôm nay, chấm như hướng dẫn chấm Chỉ số cải \
            cách hành chính cấp xã: số lần thực hiện đã đến hạn của các nhiệm vụ đơn vị chủ trì (nhiệm vụ chỉ phối hợp không tính), \
            số lần đã hoàn thành, tỷ lệ và điểm. Hoàn thành 100% được điểm tối đa (`maxPoints`), từ 90% đến dưới 100% được điểm \
            theo tỷ lệ, dưới 90% không có điểm; khi chưa có việc nào đến hạn thì tỷ lệ và điểm để trống (null). Đơn vị không chủ \
            trì nhiệm vụ nào cũng nhận kết quả, với 0 việc đến hạn. Chỉ xem được điểm của đơn vị mình hoặc đơn vị cấp dưới.

            Unit `unitCode`'s plan execution in year `year` up to today, scored as the commune PAR-index guidance does: the \
            occurrences due so far of the tasks it leads (tasks it only cooperates on do not count), how many were done, the \
            share and the score. All done earns the full points (`maxPoints`), 90% to under 100% earns that share of them, under \
            90% earns nothing; while nothing is due yet, share and score are null. A unit leading no task gets an answer too, \
            with nothing due. Only for one's own unit or a unit below it.""")
    @ProblemResponse(status = 404, description = "Đơn vị `unitCode` không phải đơn vị mình hay đơn vị cấp dưới, hoặc không có trong danh mục (`not-found`). · `unitCode` is neither one's own unit nor one below it, or is not in the directory.")
    @GetMapping("/api/scores/plan-execution")
    ExecutionScore executionScore(@RequestParam String unitCode, @RequestParam int year, Access access) {
        return rollups.executionScore(unitCode, year, access);
    }
}
