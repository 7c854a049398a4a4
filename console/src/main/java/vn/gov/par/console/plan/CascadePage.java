package vn.gov.par.console.plan;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.gov.par.console.services.PlatformApi;
import vn.gov.par.console.services.ServiceProblemException;

/**
 * "Tình hình ban hành kế hoạch thực hiện": who below a plan has issued the plan implementing it, level by level. Only
 * one level is asked of plan-service at a time, so a national plan's cascade is never loaded whole; a unit is opened
 * by asking for the cascade of its own plan, the next level's rows put in below it (or its own page, without script).
 */
@Controller
class CascadePage {

    private final PlatformApi api;

    CascadePage(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/plans/{id}/cascade")
    String cascade(@PathVariable String id, @RequestParam(required = false) String status, Model model) {
        ObligationStatus filter = ObligationStatus.parse(status);
        model.addAttribute("cascade", firstLevel(id, filter));
        model.addAttribute("status", filter);
        model.addAttribute("statuses", ObligationStatus.values());
        model.addAttribute("depth", 1);
        return "plan/cascade";
    }

    /**
     * The rows of the units directly below a unit's plan, indented to {@code depth}. htmx puts in only what is answered
     * successfully, so a refusal comes back as a row saying it, where the official is looking.
     */
    @GetMapping("/plans/{id}/cascade/nodes")
    String nodes(@PathVariable String id, @RequestParam(required = false) String status, @RequestParam(defaultValue = "2") int depth,
            Model model) {
        ObligationStatus filter = ObligationStatus.parse(status);
        model.addAttribute("status", filter);
        model.addAttribute("depth", Math.max(depth, 1));
        try {
            model.addAttribute("nodes", firstLevel(id, filter).children());
        } catch (ServiceProblemException refused) {
            model.addAttribute("problem", refused.toShowInPlace());
        }
        return "plan/cascade :: nodes";
    }

    private Cascade firstLevel(String planId, ObligationStatus filter) {
        String query = filter == null ? "?depth=1" : "?depth=1&status=" + filter.name();
        return api.plans().get().uri("/api/plans/{id}/cascade" + query, planId).retrieve().body(Cascade.class);
    }
}
