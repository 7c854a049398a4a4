package vn.gov.par.task.assignment.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import vn.gov.par.support.web.PageView;
import vn.gov.par.task.assignment.UnresolvedAssignee;
import vn.gov.par.task.assignment.UnresolvedAssignees;

@RestController
class UnresolvedAssigneeController {

    private final UnresolvedAssignees unresolved;

    UnresolvedAssigneeController(UnresolvedAssignees unresolved) {
        this.unresolved = unresolved;
    }

    /** Across plans, for operators: what waits for a person to settle, all of it or that of one issuer's plans. */
    @GetMapping("/api/unresolved-assignees")
    PageView<UnresolvedAssignee> list(@RequestParam(required = false) String issuerCode,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "page phải >= 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "size phải >= 1") @Max(value = 500, message = "size tối đa 500") int size) {
        return unresolved.list(issuerCode, page, size);
    }

    /** The assignee texts of a plan that named no unit, as written. */
    @GetMapping("/api/plans/{planId}/unresolved-assignees")
    List<UnresolvedAssignee> ofPlan(@PathVariable String planId) {
        return unresolved.ofPlan(planId);
    }
}
