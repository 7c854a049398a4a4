package vn.gov.par.console.report;

import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;
import vn.gov.par.console.services.Page;
import vn.gov.par.console.services.PlatformApi;
import vn.gov.par.console.services.Problem;
import vn.gov.par.console.services.ServiceProblemException;
import vn.gov.par.console.signin.Official;
import vn.gov.par.console.web.Formats;

/**
 * "Báo cáo": the unit's own reports and those sent to it for review; one report with its draft to write, its versions
 * and the recipient's decision. The service decides who may do what; the page only shows each action to those the
 * service would let take it, and shows a refusal above the form it came from, with what was typed kept.
 */
@Controller
class ReportPages {

    static final int PAGE_SIZE = 20;
    /** A unit has far fewer reports waiting for its decision than this; the queue stops there rather than page. */
    static final int QUEUE_LIMIT = 100;

    private final PlatformApi api;
    private final Formats formats;

    ReportPages(PlatformApi api, Formats formats) {
        this.api = api;
        this.formats = formats;
    }

    @GetMapping("/reports")
    String list(@ModelAttribute("official") Official official, @RequestParam(required = false) String periodType,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        if (official.unitCode() == null) {
            return "home/no-unit";
        }
        PeriodType period = PeriodType.parse(periodType);
        ReportStatus wanted = parseStatus(status);
        UriComponentsBuilder mine = UriComponentsBuilder.fromPath("/api/reports").queryParam("unitCode", official.unitCode())
                .queryParam("page", Math.max(page, 0)).queryParam("size", PAGE_SIZE);
        if (period != null) {
            mine.queryParam("periodType", period.name());
        }
        if (wanted != null) {
            mine.queryParam("status", wanted.name());
        }
        Page<ReportSummary> own = reports(mine.toUriString());
        model.addAttribute("mine", own);
        model.addAttribute("unitNames", unitNames(own.content().stream().map(ReportSummary::recipientUnitCode).toList()));
        model.addAttribute("queue", reports(UriComponentsBuilder.fromPath("/api/reports")
                .queryParam("recipientUnitCode", official.unitCode()).queryParam("status", "SUBMITTED")
                .queryParam("size", QUEUE_LIMIT).toUriString()));
        model.addAttribute("periodType", period);
        model.addAttribute("status", wanted);
        model.addAttribute("periodTypes", PeriodType.values());
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("today", formats.today());
        return "report/list";
    }

    @GetMapping("/reports/{id}")
    String show(@ModelAttribute("official") Official official, @PathVariable String id, Model model) {
        Report report = report(id);
        return page(official, report, model, mayWrite(official, report) ? DraftForm.of(draft(id)) : null, null, null, null);
    }

    @PostMapping("/reports/{id}/draft")
    String saveDraft(@ModelAttribute("official") Official official, @PathVariable String id, @ModelAttribute("form") DraftForm form,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> unreadable = form.unreadableNumbers();
        if (!unreadable.isEmpty()) {
            response.setStatus(422);
            Problem problem = new Problem(422, "unreadable-number", "Chưa lưu được bản nháp",
                    "Có " + unreadable.size() + " ô số lượng hoặc chỉ tiêu không phải số nguyên; vui lòng sửa lại.", unreadable, List.of());
            return page(official, report(id), model, form, "draft", problem, null);
        }
        try {
            api.reports().put().uri("/api/reports/{id}/draft", id).body(form.content()).retrieve().toBodilessEntity();
        } catch (ServiceProblemException e) {
            return refused(e, official, id, model, form, "draft", null, response);
        }
        redirect.addFlashAttribute("notice", "Đã lưu bản nháp báo cáo.");
        return "redirect:/reports/" + id;
    }

    @PostMapping("/reports/{id}/submit")
    String submit(@ModelAttribute("official") Official official, @PathVariable String id, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            api.reports().post().uri("/api/reports/{id}/submit", id).body(Map.of("by", official.name())).retrieve().toBodilessEntity();
        } catch (ServiceProblemException e) {
            return refused(e, official, id, model, null, "submit", null, response);
        }
        redirect.addFlashAttribute("notice", "Đã nộp báo cáo; báo cáo chờ đơn vị nhận tiếp nhận.");
        return "redirect:/reports/" + id;
    }

    @PostMapping("/reports/{id}/accept")
    String accept(@ModelAttribute("official") Official official, @PathVariable String id, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            api.reports().post().uri("/api/reports/{id}/accept", id).body(Map.of("by", official.name())).retrieve().toBodilessEntity();
        } catch (ServiceProblemException e) {
            return refused(e, official, id, model, null, "review", null, response);
        }
        redirect.addFlashAttribute("notice", "Đã tiếp nhận báo cáo.");
        return "redirect:/reports/" + id;
    }

    @PostMapping("/reports/{id}/return")
    String returnForCorrection(@ModelAttribute("official") Official official, @PathVariable String id,
            @RequestParam(defaultValue = "") String comment, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            api.reports().post().uri("/api/reports/{id}/return", id).body(Map.of("by", official.name(), "comment", comment)).retrieve()
                    .toBodilessEntity();
        } catch (ServiceProblemException e) {
            return refused(e, official, id, model, null, "review", comment, response);
        }
        redirect.addFlashAttribute("notice", "Đã trả lại báo cáo để đơn vị bổ sung, chỉnh sửa.");
        return "redirect:/reports/" + id;
    }

    /** What may the official write here: the reporting unit's officer or leader, while the report is still its to write. */
    static boolean mayWrite(Official official, Report report) {
        return official.actsFor(report.unitCode(), Official.OFFICER) && report.isEditable();
    }

    static boolean mayReview(Official official, Report report) {
        return official.actsFor(report.recipientUnitCode(), Official.LEADER) && report.isAwaitingReview();
    }

    /**
     * The report page again with the service's refusal above the form it came from. A session the services no longer
     * accept, or a service that does not answer, goes to the problem page as any other page would.
     */
    private String refused(ServiceProblemException e, Official official, String id, Model model, DraftForm typed, String failed,
            String comment, HttpServletResponse response) {
        Problem problem = e.problem();
        if (problem.status() == HttpStatus.UNAUTHORIZED.value() || problem.status() >= 500) {
            throw e;
        }
        Report report = report(id);
        DraftForm form = typed != null ? typed : mayWrite(official, report) ? DraftForm.of(draft(id)) : null;
        response.setStatus(problem.status());
        return page(official, report, model, form, failed, problem, comment);
    }

    private String page(Official official, Report report, Model model, DraftForm form, String failed, Problem problem, String comment) {
        model.addAttribute("report", report);
        model.addAttribute("unitNames", unitNames(List.of(report.recipientUnitCode())));
        model.addAttribute("form", form);
        model.addAttribute("mayWrite", mayWrite(official, report));
        model.addAttribute("mayReview", mayReview(official, report));
        model.addAttribute("problemAt", problem == null ? null : where(failed, report, form, mayWrite(official, report), mayReview(official, report)));
        model.addAttribute("problem", problem);
        model.addAttribute("comment", comment);
        model.addAttribute("indicators", ReportContent.Indicator.values());
        model.addAttribute("today", formats.today());
        return "report/report";
    }

    /** The names of a few units (those the unit reports to), each asked once; a unit the directory does not know by its code. */
    private Map<String, String> unitNames(java.util.Collection<String> codes) {
        Map<String, String> names = new java.util.HashMap<>();
        for (String code : new java.util.LinkedHashSet<>(codes)) {
            if (code == null || names.containsKey(code)) {
                continue;
            }
            try {
                UnitName unit = api.plans().get().uri("/api/units/{code}", code).retrieve().body(UnitName.class);
                names.put(code, unit != null && unit.name() != null ? unit.name() : code);
            } catch (ServiceProblemException unknown) {
                if (unknown.problem().status() == HttpStatus.UNAUTHORIZED.value()) {
                    throw unknown;
                }
                names.put(code, code);
            }
        }
        return names;
    }

    record UnitName(String code, String name) {
    }

    /** Above the form the refused request came from, when the page still shows it; otherwise at the top of the page. */
    private static String where(String failed, Report report, DraftForm form, boolean mayWrite, boolean mayReview) {
        boolean shown = switch (failed == null ? "" : failed) {
            case "draft" -> form != null;
            case "submit" -> mayWrite && report.isReadyToSubmit();
            case "review" -> mayReview;
            default -> false;
        };
        return shown ? failed : "top";
    }

    private Report report(String id) {
        return api.reports().get().uri("/api/reports/{id}", id).retrieve().body(Report.class);
    }

    private ReportContent draft(String id) {
        ReportContent draft = api.reports().get().uri("/api/reports/{id}/draft", id).retrieve().body(ReportContent.class);
        return draft == null ? new ReportContent(List.of(), Map.of(), null, null) : draft;
    }

    private Page<ReportSummary> reports(String uri) {
        Page<ReportSummary> page = api.reports().get().uri(uri).retrieve().body(new ParameterizedTypeReference<Page<ReportSummary>>() { });
        return page == null ? new Page<>(List.of(), 0, PAGE_SIZE, 0) : page;
    }

    private static ReportStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ReportStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
