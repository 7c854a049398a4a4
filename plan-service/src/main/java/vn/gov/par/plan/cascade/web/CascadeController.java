package vn.gov.par.plan.cascade.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.gov.par.plan.cascade.CascadeQueries;
import vn.gov.par.plan.cascade.CascadeTree;
import vn.gov.par.support.access.Access;

@Tag(name = "Phân cấp kế hoạch · Cascade", description = "Ai đã ban hành kế hoạch thực hiện, ai còn nợ. · Who has issued their implementing plan, and who still owes one.")
@RestController
class CascadeController {

    private final CascadeQueries cascades;

    CascadeController(CascadeQueries cascades) {
        this.cascades = cascades;
    }

    @Operation(summary = "Cây phân cấp của kế hoạch · A plan's cascade tree", description = """
            Các nghĩa vụ ban hành kế hoạch mà kế hoạch này sinh ra, theo từng cấp xuống dưới: đơn vị, thời hạn, trạng thái (chưa \
            ban hành, đúng hạn, quá hạn), kế hoạch đã ban hành, với số lượng theo cấp. · The sub-plan obligations this plan \
            created, level by level: unit, deadline, status (pending, on time, late), the plan issued, with counts per level.""")
    @GetMapping("/api/plans/{id}/cascade")
    CascadeTree cascade(@PathVariable String id, Access access) {
        return cascades.cascadeOf(id, access);
    }
}
