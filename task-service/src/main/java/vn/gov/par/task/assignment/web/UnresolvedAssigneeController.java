package vn.gov.par.task.assignment.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.gov.par.task.assignment.UnresolvedAssignee;
import vn.gov.par.task.assignment.UnresolvedAssignees;

@RestController
class UnresolvedAssigneeController {

    private final UnresolvedAssignees unresolved;

    UnresolvedAssigneeController(UnresolvedAssignees unresolved) {
        this.unresolved = unresolved;
    }

    /** The assignee texts of a plan that named no unit, as written. */
    @GetMapping("/api/plans/{planId}/unresolved-assignees")
    List<UnresolvedAssignee> ofPlan(@PathVariable String planId) {
        return unresolved.ofPlan(planId);
    }
}
