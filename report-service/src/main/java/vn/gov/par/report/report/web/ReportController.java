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

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import vn.gov.par.report.report.Report;
import vn.gov.par.report.report.ReportContent;
import vn.gov.par.report.report.ReportStatus;
import vn.gov.par.report.report.Reports;
import vn.gov.par.report.schedule.PeriodType;
import vn.gov.par.support.persistence.AggregateStore;
import vn.gov.par.support.web.PageView;

@RestController
class ReportController {

    private final Reports reports;
    private final AggregateStore<Report> store;

    ReportController(Reports reports, AggregateStore<Report> store) {
        this.reports = reports;
        this.store = store;
    }

    record ActorRequest(@NotBlank(message = "Cần nêu người thực hiện (by).") String by) {
    }

    record ReturnRequest(@NotBlank(message = "Cần nêu người trả lại (by).") String by,
            @NotBlank(message = "Cần nêu lý do trả lại (comment).") String comment) {
    }

    /**
     * Every expected report, started or not, filtered: a unit asks for its own by {@code unitCode}, the issuer of a
     * plan for those sent to it by {@code recipientUnitCode}, and a supervising unit for those of every unit below
     * it, at any depth, by {@code underUnit}.
     */
    @GetMapping("/api/reports")
    PageView<Report> list(@RequestParam(required = false) String recipientUnitCode, @RequestParam(required = false) String unitCode,
            @RequestParam(required = false) String underUnit,
            @RequestParam(required = false) String planId, @RequestParam(required = false) PeriodType periodType,
            @RequestParam(required = false) ReportStatus status,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "page phải >= 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "size phải >= 1") @Max(value = 500, message = "size tối đa 500") int size) {
        List<Criteria> parts = new ArrayList<>();
        add(parts, "recipientUnitCode", recipientUnitCode);
        add(parts, "unitCode", unitCode);
        add(parts, "ancestorCodes", underUnit);
        add(parts, "planId", planId);
        add(parts, "periodType", periodType);
        add(parts, "status", status);
        Query query = Query.query(parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts));
        long total = store.count(query);
        return new PageView<>(store.find(query.with(Sort.by("dueDate", "unitCode")).skip((long) page * size).limit(size)), page, size, total);
    }

    @GetMapping("/api/reports/{id}")
    Report get(@PathVariable String id) {
        return reports.get(id);
    }

    /** The working copy; before the unit saves one, prepared from its task progress in the period. */
    @GetMapping("/api/reports/{id}/draft")
    ReportContent draft(@PathVariable String id) {
        return reports.draftOf(id);
    }

    @PutMapping("/api/reports/{id}/draft")
    Report saveDraft(@PathVariable String id, @Valid @NotNull(message = "Thiếu nội dung báo cáo.") @RequestBody ReportContent content) {
        return reports.saveDraft(id, content);
    }

    @PostMapping("/api/reports/{id}/submit")
    Report submit(@PathVariable String id, @Valid @RequestBody ActorRequest request) {
        return reports.submit(id, request.by());
    }

    @PostMapping("/api/reports/{id}/accept")
    Report accept(@PathVariable String id, @Valid @RequestBody ActorRequest request) {
        return reports.accept(id, request.by());
    }

    @PostMapping("/api/reports/{id}/return")
    Report returnForCorrection(@PathVariable String id, @Valid @RequestBody ReturnRequest request) {
        return reports.returnForCorrection(id, request.by(), request.comment());
    }

    private static void add(List<Criteria> parts, String field, Object value) {
        if (value != null) {
            parts.add(Criteria.where(field).is(value));
        }
    }
}
