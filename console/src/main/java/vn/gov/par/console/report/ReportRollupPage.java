package vn.gov.par.console.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import vn.gov.par.console.plan.PlanView;
import vn.gov.par.console.services.Page;
import vn.gov.par.console.services.Pending;
import vn.gov.par.console.services.PlatformApi;
import vn.gov.par.console.services.ServiceProblemException;
import vn.gov.par.console.signin.Official;
import vn.gov.par.console.web.Formats;

/**
 * "Tổng hợp báo cáo": one period of a plan's cascade rolled up for the official's unit, per unit below it, with the
 * Word document report-service writes of it (downloaded through the console's own origin, {@code /api/**}).
 */
@Controller
class ReportRollupPage {

    /** A unit issues far fewer plans than this. */
    private static final int PLAN_LIMIT = 200;

    private final PlatformApi api;
    private final Formats formats;

    ReportRollupPage(PlatformApi api, Formats formats) {
        this.api = api;
        this.formats = formats;
    }

    /** A plan cascade the unit takes part in, named by the unit's own plan in it. */
    record PlanChoice(String rootPlanId, String label) {
    }

    /**
     * @param unitCode a unit below the official's, to drill down to (the service answers only within the official's
     *                 subtree); the official's own unit when absent
     */
    @GetMapping("/reports/rollup")
    String rollup(@ModelAttribute("official") Official official, @RequestParam(required = false) String rootPlanId,
            @RequestParam(required = false) String periodType, @RequestParam(required = false) String unitCode, Model model) {
        if (official.unitCode() == null) {
            return "home/no-unit";
        }
        String unit = unitCode == null || unitCode.isBlank() ? official.unitCode() : unitCode.strip();
        model.addAttribute("unitCode", unit);
        List<PlanChoice> plans = plans(official.unitCode());
        String root = rootPlanId != null && !rootPlanId.isBlank() ? rootPlanId.strip() : plans.isEmpty() ? null : plans.get(0).rootPlanId();
        PeriodType period = PeriodType.parse(periodType);
        if (period == null) {
            period = PeriodType.lastEndedQuarter(formats.today());
        }
        model.addAttribute("plans", plans);
        model.addAttribute("rootPlanId", root);
        model.addAttribute("rootListed", plans.stream().anyMatch(plan -> plan.rootPlanId().equals(root)));
        model.addAttribute("periodType", period);
        model.addAttribute("periodTypes", PeriodType.values());
        model.addAttribute("indicators", ReportContent.Indicator.values());
        if (root != null) {
            try {
                model.addAttribute("rollup", rollupOf(unit, root, period));
            } catch (ServiceProblemException e) {
                if (e.problem().status() != HttpStatus.NOT_FOUND.value()) {
                    throw e;
                }
                model.addAttribute("nothing", e.problem());
            }
        }
        return "report/rollup";
    }

    /**
     * "Tỷ lệ và tính kịp thời của báo cáo": every period of a plan's year for a unit and everything below it, each
     * leading to that period's roll-up, where the units below lead further down.
     */
    @GetMapping("/reports/rates")
    String rates(@ModelAttribute("official") Official official, @RequestParam(required = false) String rootPlanId,
            @RequestParam(required = false) String unitCode, Model model) {
        if (official.unitCode() == null) {
            return "home/no-unit";
        }
        String unit = unitCode == null || unitCode.isBlank() ? official.unitCode() : unitCode.strip();
        List<PlanChoice> plans = plans(official.unitCode());
        String root = rootPlanId != null && !rootPlanId.isBlank() ? rootPlanId.strip() : plans.isEmpty() ? null : plans.get(0).rootPlanId();
        // Every period asked for at once: the page waits for the slowest roll-up, not for the seven in turn.
        Map<PeriodType, Pending<ReportRollup>> asked = new LinkedHashMap<>();
        if (root != null) {
            for (PeriodType period : PeriodType.values()) {
                asked.put(period, api.meanwhile(() -> rollupOrNone(unit, root, period)));
            }
        }
        Map<PeriodType, ReportRollup> byPeriod = new LinkedHashMap<>();
        asked.forEach((period, rollup) -> byPeriod.put(period, rollup.get()));
        model.addAttribute("plans", plans);
        model.addAttribute("rootPlanId", root);
        model.addAttribute("rootListed", plans.stream().anyMatch(plan -> plan.rootPlanId().equals(root)));
        model.addAttribute("unitCode", unit);
        model.addAttribute("byPeriod", byPeriod);
        return "report/rates";
    }

    /** The roll-up of one period, or null when no report of that period is owed in this plan's cascade. */
    private ReportRollup rollupOrNone(String unit, String root, PeriodType period) {
        try {
            return rollupOf(unit, root, period);
        } catch (ServiceProblemException e) {
            if (e.problem().status() != HttpStatus.NOT_FOUND.value()) {
                throw e;
            }
            return null;
        }
    }

    private ReportRollup rollupOf(String unit, String root, PeriodType period) {
        return api.reports().get().uri("/api/rollups/reports?unitCode={unit}&rootPlanId={root}&periodType={period}", unit, root, period.name())
                .retrieve().body(ReportRollup.class);
    }

    /** The cascades of the plans the unit has issued, each once, named by the unit's latest plan in it. */
    private List<PlanChoice> plans(String unitCode) {
        Page<PlanView> issued = api.plans().get().uri("/api/plans?issuerCode={unit}&status=ISSUED&size=" + PLAN_LIMIT, unitCode).retrieve()
                .body(new ParameterizedTypeReference<Page<PlanView>>() { });
        Map<String, PlanChoice> byRoot = new LinkedHashMap<>();
        if (issued != null) {
            for (PlanView plan : issued.content()) {
                String root = plan.rootPlanId() != null ? plan.rootPlanId() : plan.id();
                String title = plan.content() == null ? "" : plan.content().title();
                String label = (plan.number() == null ? "" : plan.number() + " · ") + title;
                byRoot.putIfAbsent(root, new PlanChoice(root, label));
            }
        }
        return new ArrayList<>(byRoot.values());
    }
}
