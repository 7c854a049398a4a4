package vn.gov.par.plan.plan.web;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import vn.gov.par.plan.plan.AssignmentPreview;
import vn.gov.par.plan.plan.Plan;
import vn.gov.par.plan.plan.PlanContent;
import vn.gov.par.plan.plan.PlanService;
import vn.gov.par.plan.plan.PlanStatus;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.web.PageView;
import vn.gov.par.support.web.apidocs.ProblemResponse;

@Tag(name = "Kế hoạch · Plans", description = "Soạn, ban hành, kết thúc và hủy kế hoạch. · Draft, issue, close and cancel plans.")
@RestController
@RequestMapping("/api/plans")
class PlanController {

    private final PlanService plans;

    PlanController(PlanService plans) {
        this.plans = plans;
    }

    record CreatePlanRequest(@NotBlank(message = "Thiếu mã đơn vị ban hành (issuerCode).") String issuerCode,
            @NotNull(message = "Thiếu nội dung kế hoạch (content).") PlanContent content) {
    }

    /**
     * @param issuedOn          the day the plan was signed, when it is recorded later; today when not given
     * @param confirmUnassigned the issuer has seen what names nobody (GET .../assignments) and issues the plan as it is
     */
    record IssueRequest(@NotBlank(message = "Thiếu số kế hoạch (number).") String number, LocalDate issuedOn, Boolean confirmUnassigned) {
    }

    record CancelRequest(@NotBlank(message = "Thiếu lý do hủy (reason).") String reason) {
    }

    @Operation(summary = "Tạo kế hoạch dự thảo · Create a draft plan", description = """
            Tạo kế hoạch ở trạng thái dự thảo cho đơn vị ban hành `issuerCode`: căn cứ, mục đích, yêu cầu, các hoạt động với \
            cơ quan chủ trì, phối hợp, sản phẩm và thời gian thực hiện, điều khoản báo cáo và yêu cầu cấp dưới ban hành kế hoạch \
            (`cascade`). Dự thảo chưa phát sự kiện nào.

            Creates a DRAFT plan for the issuing unit `issuerCode`: basis, objectives, requirements, activities with lead and \
            cooperating agencies, product and timeframe, the reporting clause, and what the units below must issue (`cascade`). \
            A draft publishes no event.

            Chỉ cán bộ hoặc lãnh đạo của đơn vị `issuerCode`. · Only an officer or leader of the issuing unit.""")
    @ProblemResponse(status = 404, description = "Không có đơn vị ban hành `issuerCode` trong danh mục. · No unit `issuerCode` in the directory.")
    @ProblemResponse(status = 422, description = "Nội dung dự thảo không hợp lệ (`invalid-plan`); `errors` liệt kê từng điểm. · The draft is invalid (`invalid-plan`); `errors` lists each point.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Plan create(@Valid @RequestBody CreatePlanRequest request, Access access) {
        return plans.create(request.issuerCode(), request.content(), access);
    }

    @Operation(summary = "Xem một kế hoạch · Read one plan", description = """
            Kế hoạch với toàn bộ nội dung, trạng thái (DRAFT, ISSUED, CLOSED, CANCELLED), số, ngày ban hành và kế hoạch cấp trên \
            mà nó thực hiện; có lịch sử ai đã tạo, sửa, ban hành, kết thúc, hủy và lúc nào (`history`). Xem được kế hoạch của đơn vị             mình, đơn vị cấp dưới, kế hoạch đã ban hành của cấp trên và kế hoạch cấp dưới của kế hoạch gửi báo cáo qua đơn vị mình ("qua Sở Nội vụ"); kế hoạch khác trả 404 như không có. · The plan with all its             content, status, number, issue date, the parent plan it implements, and who created, revised, issued, closed or             cancelled it and when (`history`). One sees the plans of one's unit and the units below, and those the units above             issued, and the sub-plans of the plans whose reports go through one's unit; any other is a 404, as if it did not exist.""")
    @GetMapping("/{id}")
    Plan get(@PathVariable String id, Access access) {
        return plans.get(id, access);
    }

    @Operation(summary = "Sửa nội dung dự thảo · Revise a draft's content", description = """
            Thay toàn bộ nội dung của kế hoạch dự thảo (kể cả bản dự thảo chuẩn bị sẵn cho đơn vị cấp dưới). Kế hoạch đã ban hành \
            thì không sửa được. · Replaces the whole content of a DRAFT plan (including a sub-plan draft prepared from the \
            parent). An issued plan cannot be revised. Chỉ cán bộ hoặc lãnh đạo của đơn vị ban hành. · Only an officer or leader             of the issuing unit.""")
    @ProblemResponse(status = 409, description = "Kế hoạch không còn là dự thảo (`invalid-transition`), hoặc vừa bị người khác sửa (`concurrent-update`). · The plan is no longer a draft, or someone else has just changed it.")
    @ProblemResponse(status = 422, description = "Nội dung không hợp lệ (`invalid-plan`, `plan-content-missing`). · The content is invalid.")
    @PutMapping("/{id}/content")
    Plan revise(@PathVariable String id, @RequestBody PlanContent content, Access access) {
        return plans.revise(id, content, access);
    }

    @Operation(summary = "Ban hành kế hoạch · Issue a plan", description = """
            Ban hành kế hoạch dự thảo với số kế hoạch (mẫu `35/KH-UBND`) và ngày ký `issuedOn` (không ghi thì là hôm nay; \
            không được sau hôm nay, không trước ngày ban hành kế hoạch cấp trên). Phát sự kiện `PlanIssued`; từ đó mỗi đơn vị \
            cấp dưới được giao nghĩa vụ ban hành kế hoạch trước `cascade.dueDate`, các hoạt động được giao cho cơ quan chủ trì, \
            phối hợp, và lịch báo cáo được lập, tính từ ngày ký. Kế hoạch không có `cascade` không giao nghĩa vụ nào.

            Issues a DRAFT plan under its official number (form `35/KH-UBND`), dated `issuedOn`, the day it was signed (today \
            when not given; never after today, nor before the parent plan was issued). Publishes `PlanIssued`, from which every \
            unit below gets the obligation to issue its own plan by `cascade.dueDate`, the activities are assigned to lead and \
            cooperating agencies, and the reporting schedule is set, counting from the day signed. A plan without `cascade` \
            orders no sub-plans.

            Chỉ lãnh đạo (LANH_DAO) của đơn vị ban hành. · Only a leader of the issuing unit.""")
    @ProblemResponse(status = 409, description = "Kế hoạch không còn là dự thảo (`invalid-transition`), số kế hoạch đã được dùng, hoặc kế hoạch vừa bị người khác sửa (`concurrent-update`). · The plan is not a draft, the number is taken, or someone else has just changed it.")
    @ProblemResponse(status = 422, description = "Chưa đủ điều kiện ban hành (`plan-not-issuable`): số sai mẫu, thiếu người ký, ngày ký sau hôm nay, thời hạn cho cấp dưới thiếu, không đọc được hoặc trước ngày ký; `errors` liệt kê từng điểm; hoặc còn nội dung chưa giao được cho đơn vị nào mà chưa xác nhận `confirmUnassigned` (`unassigned-activities`), `errors` liệt kê từng hoạt động. · Not issuable: a malformed number, no signer, a signing day after today, a deadline for the units below missing, unreadable or before the signing day; or texts that name nobody, or a plan that gives nobody work, not confirmed (`unassigned-activities`); `errors` lists each.")
    @PostMapping("/{id}/issue")
    Plan issue(@PathVariable String id, @Valid @RequestBody IssueRequest request, Access access) {
        return plans.issue(id, request.number(), request.issuedOn(), Boolean.TRUE.equals(request.confirmUnassigned()), access);
    }

    @Operation(summary = "Giao việc dự kiến · Who the plan would assign", description = """
            Với từng hoạt động: các đơn vị chủ trì và phối hợp mà văn bản nêu, đọc theo danh mục đơn vị như khi kế hoạch được ban \
            hành (đơn vị được nêu ở cả hai thì là chủ trì), và các cụm không khớp đơn vị nào (`unresolved`, với phần không khớp \
            và nhóm không có đơn vị nào). Xem trước khi ban hành; kế hoạch còn cụm không khớp, hoặc không giao được việc cho ai, \
            chỉ ban hành được khi xác nhận (`confirmUnassigned`).

            For each activity: the lead and cooperating units its texts name, read against the directory as they will be once \
            the plan is issued (a unit named in both leads), and the texts that name nobody (`unresolved`, with the parts that \
            match no unit and the groups no unit belongs to). See it before issuing; a plan with such texts, or one that gives \
            nobody work, is issued only when confirmed (`confirmUnassigned`).""")
    @GetMapping("/{id}/assignments")
    AssignmentPreview assignments(@PathVariable String id, Access access) {
        return plans.assignments(id, access);
    }

    @Operation(summary = "Kết thúc kế hoạch · Close a plan", description = """
            Kết thúc kế hoạch đã ban hành khi năm thực hiện đã xong; phát `PlanClosed`, các nhắc việc còn lại của kế hoạch dừng. \
            Chỉ lãnh đạo (LANH_DAO) của đơn vị ban hành. · Closes an ISSUED plan once its year is done; publishes `PlanClosed`,             and its remaining reminders stop. Only a leader of the issuing unit.""")
    @ProblemResponse(status = 409, description = "Kế hoạch chưa ban hành hoặc đã kết thúc, đã hủy (`invalid-transition`). · The plan is not issued, or already closed or cancelled.")
    @PostMapping("/{id}/close")
    Plan close(@PathVariable String id, Access access) {
        return plans.close(id, access);
    }

    @Operation(summary = "Hủy kế hoạch · Cancel a plan", description = """
            Hủy kế hoạch dự thảo hoặc đã ban hành, kèm lý do; phát `PlanCancelled`: nghĩa vụ, nhiệm vụ, báo cáo và nhắc việc \
            của kế hoạch dừng lại. · Cancels a DRAFT or ISSUED plan, with a reason; publishes `PlanCancelled`: the plan's \
            obligations, tasks, reports and reminders stop. Chỉ lãnh đạo (LANH_DAO) của đơn vị ban hành. · Only a leader of the             issuing unit.""")
    @ProblemResponse(status = 409, description = "Kế hoạch đã kết thúc hoặc đã hủy (`invalid-transition`). · The plan is already closed or cancelled.")
    @ProblemResponse(status = 422, description = "Thiếu lý do hủy (`cancel-reason-missing`). · No reason given.")
    @PostMapping("/{id}/cancel")
    Plan cancel(@PathVariable String id, @Valid @RequestBody CancelRequest request, Access access) {
        return plans.cancel(id, request.reason(), access);
    }

    @Operation(summary = "Danh sách kế hoạch · List plans", description = """
            Các kế hoạch theo đơn vị ban hành, năm và trạng thái, mới nhất trước, từng trang (`page` từ 0, `size` tối đa 200). \
            Chỉ gồm kế hoạch của đơn vị mình, các đơn vị cấp dưới, kế hoạch đã ban hành của cấp trên và kế hoạch cấp dưới của kế hoạch gửi báo cáo qua đơn vị mình. · Plans by issuer, year             and status, newest first, a page at a time (`page` from 0, `size` at most 200): only those of one's unit and the             units below, those the units above issued, and the sub-plans of the plans whose reports go through one's unit.""")
    @GetMapping
    PageView<Plan> list(@RequestParam(required = false) String issuerCode, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) PlanStatus status,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "page phải >= 0") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "size phải >= 1") @Max(value = 200, message = "size tối đa 200") int size,
            Access access) {
        return plans.list(issuerCode, year, status, page, size, access);
    }
}
