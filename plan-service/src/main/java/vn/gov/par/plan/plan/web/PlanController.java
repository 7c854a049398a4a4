package vn.gov.par.plan.plan.web;

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

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import vn.gov.par.plan.plan.Plan;
import vn.gov.par.plan.plan.PlanContent;
import vn.gov.par.plan.plan.PlanService;
import vn.gov.par.plan.plan.PlanStatus;
import vn.gov.par.support.web.PageView;

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

    record IssueRequest(@NotBlank(message = "Thiếu số kế hoạch (number).") String number) {
    }

    record CancelRequest(@NotBlank(message = "Thiếu lý do hủy (reason).") String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Plan create(@Valid @RequestBody CreatePlanRequest request) {
        return plans.create(request.issuerCode(), request.content());
    }

    @GetMapping("/{id}")
    Plan get(@PathVariable String id) {
        return plans.get(id);
    }

    @PutMapping("/{id}/content")
    Plan revise(@PathVariable String id, @RequestBody PlanContent content) {
        return plans.revise(id, content);
    }

    @PostMapping("/{id}/issue")
    Plan issue(@PathVariable String id, @Valid @RequestBody IssueRequest request) {
        return plans.issue(id, request.number());
    }

    @PostMapping("/{id}/close")
    Plan close(@PathVariable String id) {
        return plans.close(id);
    }

    @PostMapping("/{id}/cancel")
    Plan cancel(@PathVariable String id, @Valid @RequestBody CancelRequest request) {
        return plans.cancel(id, request.reason());
    }

    @GetMapping
    PageView<Plan> list(@RequestParam(required = false) String issuerCode, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) PlanStatus status,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "page phải >= 0") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "size phải >= 1") @Max(value = 200, message = "size tối đa 200") int size) {
        return plans.list(issuerCode, year, status, page, size);
    }
}
