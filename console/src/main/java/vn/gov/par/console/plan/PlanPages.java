package vn.gov.par.console.plan;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.gov.par.console.services.Page;
import vn.gov.par.console.services.PlatformApi;
import vn.gov.par.console.services.Problem;
import vn.gov.par.console.services.ServiceProblemException;
import vn.gov.par.console.signin.Official;
import vn.gov.par.console.web.Formats;

/** "Kế hoạch": the plans an official sees, each as its document reads, and the draft's form, issue, close and cancel. */
@Controller
class PlanPages {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() { };

    private final PlatformApi api;
    private final Formats formats;

    PlanPages(PlatformApi api, Formats formats) {
        this.api = api;
        this.formats = formats;
    }

    @GetMapping("/plans")
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String status,
            @RequestParam(required = false) String issuerCode, @RequestParam(defaultValue = "0") int page, Model model) {
        String uri = UriComponentsBuilder.fromPath("/api/plans").queryParamIfPresent("year", java.util.Optional.ofNullable(year))
                .queryParamIfPresent("status", blank(status)).queryParamIfPresent("issuerCode", blank(issuerCode))
                .queryParam("page", page).queryParam("size", 20).build().toUriString();
        Page<PlanView> plans = api.plans().get().uri(uri).retrieve().body(new ParameterizedTypeReference<Page<PlanView>>() { });
        model.addAttribute("plans", plans);
        model.addAttribute("year", year);
        model.addAttribute("status", status);
        model.addAttribute("issuerCode", issuerCode);
        return "plan/list";
    }

    @GetMapping("/plans/{id}")
    String plan(@PathVariable String id, Model model) {
        PlanView plan = read(id);
        model.addAttribute("plan", plan);
        model.addAttribute("readings", readings(plan.content()));
        if (plan.isDraft()) {
            model.addAttribute("assignments", assignments(id));
            model.addAttribute("importedFrom", importedFrom(id));
        }
        if (plan.parentPlanId() != null) {
            model.addAttribute("parent", read(plan.parentPlanId()));
        }
        return "plan/detail";
    }

    @GetMapping("/plans/new")
    String newDraft(Model model) {
        model.addAttribute("form", PlanForm.blank(formats.today().getYear() + 1));
        return "plan/form";
    }

    @PostMapping("/plans")
    String create(@ModelAttribute("form") PlanForm form, @RequestParam(required = false) String change,
            @ModelAttribute("official") Official official, Model model, RedirectAttributes redirect) {
        if (applyRowChange(form, change)) {
            return "plan/form";
        }
        try {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("issuerCode", official.unitCode());
            request.put("content", form.writeOnto(Map.of()));
            PlanView created = api.plans().post().uri("/api/plans").contentType(MediaType.APPLICATION_JSON).body(request).retrieve()
                    .body(PlanView.class);
            redirect.addFlashAttribute("notice", "Đã lưu dự thảo kế hoạch.");
            return "redirect:/plans/" + created.id();
        } catch (ServiceProblemException refused) {
            model.addAttribute("problem", refused.toShowInPlace());
            return "plan/form";
        }
    }

    @GetMapping("/plans/{id}/edit")
    String edit(@PathVariable String id, @ModelAttribute("official") Official official, Model model) {
        PlanView plan = read(id);
        if (!official.actsFor(plan.issuerCode(), Official.OFFICER)) {
            throw new ServiceProblemException(Problem.refused(403, "not-own-unit", "Chỉ cán bộ, lãnh đạo của " + plan.issuerName()
                    + " mới được sửa dự thảo kế hoạch này; tài khoản của bạn thuộc " + official.unitName() + "."));
        }
        if (!plan.isDraft()) {
            throw new ServiceProblemException(Problem.refused(409, "invalid-transition", "Kế hoạch " + plan.number() + " "
                    + plan.statusLabel().toLowerCase(java.util.Locale.forLanguageTag("vi")) + ": chỉ dự thảo mới sửa được."));
        }
        model.addAttribute("plan", plan);
        model.addAttribute("form", PlanForm.of(plan.content()));
        return "plan/form";
    }

    @PostMapping("/plans/{id}/content")
    String revise(@PathVariable String id, @ModelAttribute("form") PlanForm form, @RequestParam(required = false) String change, Model model,
            RedirectAttributes redirect) {
        if (applyRowChange(form, change)) {
            model.addAttribute("plan", read(id));
            return "plan/form";
        }
        try {
            Map<String, Object> current = api.plans().get().uri("/api/plans/{id}", id).retrieve().body(JSON_OBJECT);
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) current.getOrDefault("content", Map.of());
            api.plans().put().uri("/api/plans/{id}/content", id).contentType(MediaType.APPLICATION_JSON).body(form.writeOnto(content))
                    .retrieve().toBodilessEntity();
            redirect.addFlashAttribute("notice", "Đã lưu dự thảo kế hoạch.");
            return "redirect:/plans/" + id;
        } catch (ServiceProblemException refused) {
            model.addAttribute("plan", read(id));
            model.addAttribute("problem", refused.toShowInPlace());
            return "plan/form";
        }
    }

    /** Issued under its number, dated the day it was signed when that is given (a plan signed on paper, recorded later). */
    @PostMapping("/plans/{id}/issue")
    String issue(@PathVariable String id, @RequestParam(required = false) String number,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedOn,
            @RequestParam(required = false) boolean confirmUnassigned, Model model, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", number == null ? "" : number.strip());
        if (issuedOn != null) {
            body.put("issuedOn", issuedOn.toString());
        }
        if (confirmUnassigned) {
            body.put("confirmUnassigned", true);
        }
        model.addAttribute("issuedOn", issuedOn);
        return act(id, "issue", body, "Đã ban hành kế hoạch số " + number + ".", model, redirect, "number", number);
    }

    @PostMapping("/plans/{id}/close")
    String close(@PathVariable String id, Model model, RedirectAttributes redirect) {
        return act(id, "close", null, "Đã kết thúc kế hoạch.", model, redirect, null, null);
    }

    @PostMapping("/plans/{id}/cancel")
    String cancel(@PathVariable String id, @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        return act(id, "cancel", Map.of("reason", reason == null ? "" : reason.strip()), "Đã hủy kế hoạch.", model, redirect, "reason", reason);
    }

    /** A transition of the plan; refused, the page comes back with the reason and what was typed. */
    private String act(String id, String transition, Object body, String done, Model model, RedirectAttributes redirect, String typedField,
            String typed) {
        try {
            var request = api.plans().post().uri("/api/plans/{id}/" + transition, id);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            request.retrieve().toBodilessEntity();
            redirect.addFlashAttribute("notice", done);
            return "redirect:/plans/" + id;
        } catch (ServiceProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            model.addAttribute("problem", refused.toShowInPlace());
            model.addAttribute("refusedAction", transition);
            if (typedField != null) {
                model.addAttribute(typedField, typed);
            }
            return plan(id, model);
        }
    }

    /** "Thêm hoạt động" and "Xóa" rows re-show the form with what was typed; true when the request was only that. */
    private static boolean applyRowChange(PlanForm form, String change) {
        if ("add-activity".equals(change)) {
            form.addActivity();
            return true;
        }
        if (change != null && change.startsWith("remove-activity-")) {
            form.removeActivity(Integer.parseInt(change.substring("remove-activity-".length())));
            return true;
        }
        return false;
    }

    private PlanView read(String id) {
        return api.plans().get().uri("/api/plans/{id}", id).retrieve().body(PlanView.class);
    }

    /** The file the draft was read from, when it was imported; null for one written in the form. */
    private String importedFrom(String id) {
        try {
            ImportedPlan imported = api.plans().get().uri("/api/plan-imports/{id}", id).retrieve().body(ImportedPlan.class);
            return imported == null ? null : imported.fileName();
        } catch (ServiceProblemException notImported) {
            if (notImported.problem().status() == 401) {
                throw notImported;
            }
            return null;
        }
    }

    /** Who the draft would give work to, as plan-service reads it; none when it cannot say now. */
    private AssignmentPreview assignments(String id) {
        try {
            return api.plans().get().uri("/api/plans/{id}/assignments", id).retrieve().body(AssignmentPreview.class);
        } catch (ServiceProblemException unavailable) {
            return null;
        }
    }

    /**
     * Each activity's timeframe as it will be read when the plan is issued, in the table's order (null where none is
     * written), asked in one call for the whole table; none when task-service cannot say now.
     */
    private List<TimeframeReading> readings(PlanView.Content content) {
        List<String> written = content.activities().stream().map(PlanView.Activity::timeframe).filter(PlanPages::isWritten).toList();
        try {
            Iterator<TimeframeReading> read = written.isEmpty() ? Collections.emptyIterator()
                    : api.tasks().post().uri("/api/timeframes/parse-all").contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("texts", written, "year", content.year())).retrieve()
                            .body(new ParameterizedTypeReference<List<TimeframeReading>>() { }).iterator();
            return content.activities().stream().map(activity -> isWritten(activity.timeframe()) ? read.next() : null).toList();
        } catch (ServiceProblemException unavailable) {
            return List.of();
        }
    }

    private static boolean isWritten(String timeframe) {
        return timeframe != null && !timeframe.isBlank();
    }

    private static java.util.Optional<String> blank(String value) {
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }
}
