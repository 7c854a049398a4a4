package vn.gov.par.plan.cascade.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import vn.gov.par.plan.cascade.CascadeQueries;
import vn.gov.par.plan.cascade.CascadeTree;
import vn.gov.par.plan.cascade.ObligationStatus;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.web.apidocs.ProblemResponse;

@Tag(name = "Phân cấp kế hoạch · Cascade", description = "Ai đã ban hành kế hoạch thực hiện, ai còn nợ. · Who has issued their implementing plan, and who still owes one.")
@RestController
class CascadeController {

    private final CascadeQueries cascades;

    CascadeController(CascadeQueries cascades) {
        this.cascades = cascades;
    }

    @Operation(summary = "Cây phân cấp của kế hoạch · A plan's cascade tree", description = """
            Các nghĩa vụ ban hành kế hoạch mà kế hoạch này sinh ra, theo từng cấp xuống dưới: đơn vị, thời hạn, trạng thái (chưa \
            ban hành, đúng hạn, quá hạn), kế hoạch đã ban hành, với số lượng theo cấp. Mỗi nút có `below`: số lượng theo trạng \
            thái của mọi nghĩa vụ bên dưới nó (0 với đơn vị chưa ban hành). Mặc định trả cả cây; `depth` chỉ liệt kê từng ấy cấp \
            (`depth=1`: các đơn vị trực tiếp, `children` để trống), để mở tiếp một nút thì gọi lại với `subPlanId` của nó và \
            `depth=1`. `status` (PENDING, DRAFTED, ISSUED_ON_TIME, ISSUED_LATE, OVERDUE, CANCELLED) chỉ liệt kê nút có trạng \
            thái đó hoặc có nó ở bên dưới. `total` và `levels` luôn tính trên cả cây, dù liệt kê gì.

            The sub-plan obligations this plan created, level by level: unit, deadline, status (pending, on time, late), the \
            plan issued, with counts per level. Every node has `below`: the counts by status of every obligation beneath it \
            (zero for a unit that has not issued). The whole tree by default; `depth` lists only that many levels (`depth=1`: \
            the units directly below, `children` left empty); to open a node, ask again for its `subPlanId` with `depth=1`. \
            `status` lists only the nodes with that status or with it somewhere below them. `total` and `levels` always cover \
            the whole tree, whatever is listed.""")
    @ProblemResponse(status = 400, description = "`status` không phải một trạng thái đã nêu (`invalid-parameter`), hoặc `depth` nhỏ hơn 1 (`validation-failed`). · `status` is not one of those listed, or `depth` is below 1.")
    @GetMapping("/api/plans/{id}/cascade")
    CascadeTree cascade(@PathVariable String id,
            @RequestParam(required = false) @Min(value = 1, message = "depth phải từ 1 trở lên") Integer depth,
            @RequestParam(required = false) ObligationStatus status, Access access) {
        return cascades.cascadeOf(id, new CascadeTree.Listing(depth, status), access);
    }
}
