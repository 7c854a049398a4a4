package vn.gov.par.console.home;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import vn.gov.par.console.plan.PlanView;
import vn.gov.par.console.report.ReportSummary;
import vn.gov.par.console.services.Page;
import vn.gov.par.console.services.Pending;
import vn.gov.par.console.services.PlatformApi;
import vn.gov.par.console.services.Problem;
import vn.gov.par.console.services.ServiceProblemException;
import vn.gov.par.console.signin.Official;
import vn.gov.par.console.task.Occurrence;
import vn.gov.par.console.web.Formats;

/** "Việc của đơn vị tôi": where an official lands after signing in; and the same for a unit below, "Việc của" that unit. */
@Controller
class HomePage {

    /** A unit has far fewer open items than this; the lists stop there rather than page. */
    private static final int LIMIT = 200;

    private final PlatformApi api;
    private final Formats formats;

    HomePage(PlatformApi api, Formats formats) {
        this.api = api;
        this.formats = formats;
    }

    @GetMapping("/")
    String home(@ModelAttribute("official") Official official, Model model) {
        if (official.unitCode() == null) {
            return "home/no-unit";
        }
        return work(official.unitCode(), null, model);
    }

    /**
     * The same page for a unit below the official's, where an escalation about it leads its supervisor: what it has
     * overdue and coming, the reports waiting for it, the sub-plans it owes. A unit not below the official's is not found.
     */
    @GetMapping("/units/{code}")
    String unit(@ModelAttribute("official") Official official, @PathVariable String code, Model model) {
        UnitName unit = api.plans().get().uri("/api/units/{code}", code).retrieve().body(UnitName.class);
        if (unit.code().equals(official.unitCode())) {
            return work(unit.code(), null, model);
        }
        // plan-service also shows the units above one's own; their work is not the official's to follow.
        if (unit.ancestorCodes() == null || !unit.ancestorCodes().contains(official.unitCode())) {
            throw new ServiceProblemException(new Problem(404, "not-found", "Không tìm thấy",
                    "Đơn vị '" + unit.name() + "' không thuộc phạm vi theo dõi của đơn vị bạn.", Map.of(), List.of(), List.of()));
        }
        return work(unit.code(), unit.name(), model);
    }

    /** How plan-service names the unit shown, and where it sits. */
    record UnitName(String code, String name, List<String> ancestorCodes) {
    }

    /** @param unitName the unit's name when it is not the official's own */
    private String work(String unit, String unitName, Model model) {
        LocalDate today = formats.today();
        LocalDate horizon = today.plusDays(MyUnitsWork.COMING_DAYS);
        // Asked of three services at once: the page waits for the slowest answer, not for the five in turn.
        Pending<List<ReportSummary>> ownReports = api.meanwhile(() -> reports("unitCode=" + unit));
        Pending<List<Occurrence>> dueSoon = api.meanwhile(() -> occurrences("unitCode=" + unit + "&status=NOT_DUE&dueFrom=" + today + "&dueTo=" + horizon));
        Pending<List<Occurrence>> overdue = api.meanwhile(() -> occurrences("unitCode=" + unit + "&status=OVERDUE"));
        Pending<List<ReportSummary>> awaitingAcceptance = api.meanwhile(() -> reports("recipientUnitCode=" + unit + "&status=SUBMITTED"));
        List<MyUnitsWork.OwedSubPlan> subPlansOwed = subPlansOwed(unit);
        MyUnitsWork work = new MyUnitsWork(dueSoon.get(), MyUnitsWork.dueBetween(ownReports.get(), today, horizon), overdue.get(),
                MyUnitsWork.dueBefore(ownReports.get(), today), awaitingAcceptance.get(), subPlansOwed);
        model.addAttribute("work", work);
        model.addAttribute("otherUnitName", unitName);
        model.addAttribute("today", today);
        model.addAttribute("horizon", horizon);
        return "home/home";
    }

    private List<Occurrence> occurrences(String filter) {
        Page<Occurrence> page = api.tasks().get().uri("/api/tasks?size=" + LIMIT + "&" + filter).retrieve()
                .body(new ParameterizedTypeReference<Page<Occurrence>>() { });
        return page == null ? List.of() : page.content();
    }

    private List<ReportSummary> reports(String filter) {
        Page<ReportSummary> page = api.reports().get().uri("/api/reports?size=" + LIMIT + "&" + filter).retrieve()
                .body(new ParameterizedTypeReference<Page<ReportSummary>>() { });
        return page == null ? List.of() : page.content();
    }

    private List<MyUnitsWork.OwedSubPlan> subPlansOwed(String unit) {
        Page<PlanView> drafts = api.plans().get().uri("/api/plans?issuerCode={unit}&status=DRAFT&size=" + LIMIT, unit).retrieve()
                .body(new ParameterizedTypeReference<Page<PlanView>>() { });
        if (drafts == null) {
            return List.of();
        }
        List<PlanView> owed = drafts.content().stream().filter(plan -> plan.obligationId() != null).toList();
        List<Pending<PlanView>> parents = owed.stream()
                .map(draft -> api.meanwhile(() -> api.plans().get().uri("/api/plans/{id}", draft.parentPlanId()).retrieve().body(PlanView.class)))
                .toList();
        return IntStream.range(0, owed.size()).mapToObj(i -> new MyUnitsWork.OwedSubPlan(owed.get(i), parents.get(i).get())).toList();
    }
}
