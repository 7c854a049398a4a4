package vn.gov.par.task.assignment.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.web.PageView;
import vn.gov.par.support.web.apidocs.NeverNotFound;
import vn.gov.par.task.assignment.UnresolvedAssignee;
import vn.gov.par.task.assignment.UnresolvedAssignees;

@Tag(name = "Cơ quan thực hiện chưa xác định · Unresolved assignees", description = "Tên cơ quan chủ trì, phối hợp trong kế hoạch không khớp đơn vị nào trong danh mục, chờ cán bộ xử lý. · Lead and cooperating agency texts of plans that match no unit in the directory, waiting for a person.")
@RestController
class UnresolvedAssigneeController {

    private final UnresolvedAssignees unresolved;

    UnresolvedAssigneeController(UnresolvedAssignees unresolved) {
        this.unresolved = unresolved;
    }

    /** Across plans, for operators: what waits for a person to settle, all of it or that of one issuer's plans. */
    @Operation(summary = "Cơ quan thực hiện chưa xác định, mọi kế hoạch · Unresolved assignees across plans", description = """
            Dành cho người vận hành: các tên cơ quan chủ trì, phối hợp mà kế hoạch ghi nhưng không giao được cho đơn vị nào, \
            của mọi kế hoạch hoặc của các kế hoạch do đơn vị `issuerCode` ban hành, theo kế hoạch và thứ tự hoạt động, từng \
            trang (`page` từ 0, `size` tối đa 500). Mỗi mục giữ nguyên văn (`text`), kèm phần không khớp đơn vị nào \
            (`unmatched`), các nhóm chưa có đơn vị nào (`emptyGroups`, ví dụ "cac so, ban, nganh" trong kế hoạch cấp huyện; hai \
            trường này ở dạng không dấu, chữ thường) và cho biết có giao cho "các cơ quan, đơn vị liên quan" hay không \
            (`namesRelatedBodies`). Khi một đơn vị thuộc nhóm được thêm vào danh mục, đơn vị đó nhận nhiệm vụ và nhóm ra khỏi \
            danh sách; mục không còn gì chưa xác định thì không còn được liệt kê. Chỉ gồm kế hoạch do đơn vị người gọi hoặc các \
            đơn vị cấp dưới ban hành.

            For operators: the lead and cooperating agency texts plans wrote that gave no unit the work, across all plans or \
            those the unit `issuerCode` issued, by plan and activity order, a page at a time (`page` from 0, `size` at most \
            500). Each keeps the text as written (`text`), with the parts no unit matched (`unmatched`), the groups with no \
            unit yet (`emptyGroups`, e.g. "cac so, ban, nganh" in a district plan; both folded: no diacritics, lower case) and \
            whether it gives work to "các cơ quan, đơn vị liên quan" (`namesRelatedBodies`). Once a unit of a group joins the \
            directory, it gets the work and the group leaves the list; an entry with nothing left unresolved is no longer \
            listed. Only the plans issued by the caller's unit or the units below it are included.""")
    @GetMapping("/api/unresolved-assignees")
    PageView<UnresolvedAssignee> list(@RequestParam(required = false) String issuerCode,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "page phải >= 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "size phải >= 1") @Max(value = 500, message = "size tối đa 500") int size,
            Access access) {
        return unresolved.list(issuerCode, page, size, access);
    }

    /** The assignee texts of a plan that named no unit, as written. */
    @Operation(summary = "Cơ quan thực hiện chưa xác định của một kế hoạch · A plan's unresolved assignees", description = """
            Các tên cơ quan chủ trì, phối hợp của kế hoạch `planId` không khớp đơn vị nào, giữ nguyên văn, theo thứ tự hoạt \
            động, để cán bộ rà soát và giao việc. Kế hoạch chưa được giao nhiệm vụ hoặc không tồn tại cho danh sách rỗng; kế \
            hoạch không do đơn vị người gọi hoặc đơn vị cấp dưới ban hành cũng vậy. · The lead and cooperating agency texts of \
            plan `planId` that match no unit, as written, in activity order, for a person to review and assign. A plan not \
            yet assigned, or unknown, gives an empty list; so does one issued neither by the caller's unit nor by a unit \
            below it.""")
    @NeverNotFound
    @GetMapping("/api/plans/{planId}/unresolved-assignees")
    List<UnresolvedAssignee> ofPlan(@PathVariable String planId, Access access) {
        return unresolved.ofPlan(planId, access);
    }
}
