package vn.gov.par.console.plan;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.gov.par.console.services.PlatformApi;
import vn.gov.par.console.services.ServiceProblemException;
import vn.gov.par.console.signin.Official;

/**
 * "Nhập kế hoạch từ văn bản": an officer uploads the unit's plan written in Word or kept as text; plan-service saves it as
 * a draft, and the page shows the original beside what was read, what needs a person first, each with where it was found,
 * and leads to the draft's form to correct it.
 */
@Controller
class PlanImportPages {

    private final PlatformApi api;

    PlanImportPages(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/plans/import")
    String form() {
        return "plan/import";
    }

    @PostMapping(path = "/plans/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String importDocument(@RequestParam("file") MultipartFile file, @ModelAttribute("official") Official official, Model model,
            HttpServletResponse response) throws IOException {
        byte[] content = file.getBytes();
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "ke-hoach" : file.getOriginalFilename();
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        try {
            ImportedPlan imported = api.plans().post().uri("/api/plan-imports?issuerCode={unit}", official.unitCode())
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(ImportedPlan.class);
            return "redirect:/plans/" + imported.planId() + "/import";
        } catch (ServiceProblemException refused) {
            model.addAttribute("problem", refused.toShowInPlace());
            response.setStatus(refused.problem().status());
            return "plan/import";
        }
    }

    /** The review of the import that made the draft: what was read, beside the original, as often as the official needs it. */
    @GetMapping("/plans/{id}/import")
    String review(@PathVariable String id, Model model) {
        ImportedPlan imported = api.plans().get().uri("/api/plan-imports/{id}", id).retrieve().body(ImportedPlan.class);
        model.addAttribute("imported", imported);
        model.addAttribute("reporting", reportingSchedule(id));
        return "plan/imported";
    }

    /** The findings the official ticked as looked at: right as read, or corrected in the draft. */
    @PostMapping("/plans/{id}/import/confirmations")
    String confirm(@PathVariable String id, @RequestParam(name = "fields", required = false) List<String> fields, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        if (fields == null || fields.isEmpty()) {
            redirect.addFlashAttribute("notice", "Chưa chọn mục nào để xác nhận.");
            return "redirect:/plans/" + id + "/import";
        }
        try {
            api.plans().post().uri("/api/plan-imports/{id}/confirmations", id).contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("fields", fields)).retrieve().toBodilessEntity();
        } catch (ServiceProblemException refused) {
            model.addAttribute("problem", refused.toShowInPlace());
            response.setStatus(refused.problem().status());
            return review(id, model);
        }
        redirect.addFlashAttribute("notice", "Đã xác nhận " + fields.size() + " mục.");
        return "redirect:/plans/" + id + "/import";
    }

    /**
     * The reports the draft's reporting clause will ask for, as report-service reads it; none when the draft has no clause
     * or report-service cannot say now (the page still shows the rest).
     */
    private ReportingScheduleReading reportingSchedule(String planId) {
        try {
            PlanView draft = api.plans().get().uri("/api/plans/{id}", planId).retrieve().body(PlanView.class);
            if (draft == null || draft.content().reportingClause() == null) {
                return null;
            }
            return api.reports().post().uri("/api/reporting-schedules/parse").contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("text", draft.content().reportingClause(), "year", draft.content().year())).retrieve()
                    .body(ReportingScheduleReading.class);
        } catch (ServiceProblemException unavailable) {
            if (unavailable.problem().status() == HttpStatus.UNAUTHORIZED.value()) {
                throw unavailable;
            }
            return null;
        }
    }
}
