package vn.gov.par.console.task;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import vn.gov.par.console.plan.PlanView;
import vn.gov.par.console.services.PlatformApi;
import vn.gov.par.console.signin.Official;

/**
 * "Tổng hợp theo đơn vị trực thuộc": how far each unit directly below one's own has got with its work, and one's own
 * unit beside them.
 *
 * <p>Over every plan, task-service counts a unit's own work only ({@code /api/rollups/units/{code}}), so a district's
 * line leaves out its communes; for one plan ({@code planId}, with the sub-plans that implement it) it counts each unit
 * with everything below it ({@code /api/rollups/plans/{planId}}), which is what a province needs to see which district
 * lags.
 */
@Controller
class WorkRollupPage {

    private static final ParameterizedTypeReference<List<UnitWork.Unit>> UNITS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<UnitWork.PlanLine>> PLAN_LINES = new ParameterizedTypeReference<>() { };

    private final PlatformApi api;

    WorkRollupPage(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/tasks/rollup")
    String rollup(@ModelAttribute("official") Official official, @RequestParam(required = false) String planId, Model model) {
        if (official.unitCode() == null) {
            return "home/no-unit";
        }
        String unit = official.unitCode();
        List<UnitWork.Unit> children = api.plans().get().uri("/api/units/{code}/children", unit).retrieve().body(UNITS);
        children = children == null ? List.of() : children;
        List<UnitWork> lines;
        UnitWork own;
        if (planId == null || planId.isBlank()) {
            lines = children.stream().map(child -> new UnitWork(child.code(), child.name(), unitCounts(child.code()))).toList();
            own = new UnitWork(unit, official.unitName(), unitCounts(unit));
        } else {
            model.addAttribute("plan", api.plans().get().uri("/api/plans/{id}", planId).retrieve().body(PlanView.class));
            List<UnitWork.PlanLine> answer = api.tasks().get().uri(uri -> uri.path("/api/rollups/plans/{planId}")
                    .queryParam("underUnit", unit).build(planId)).retrieve().body(PLAN_LINES);
            Map<String, UnitWork.PlanLine> byUnit = (answer == null ? List.<UnitWork.PlanLine>of() : answer).stream()
                    .collect(Collectors.toMap(UnitWork.PlanLine::unitCode, Function.identity(), (a, b) -> a));
            // A unit below with no work under the plan is shown too, with nothing counted: it may be the one that lags.
            lines = children.stream().map(child -> new UnitWork(child.code(), child.name(),
                    byUnit.containsKey(child.code()) ? byUnit.get(child.code()).subtree() : UnitWork.Counts.none())).toList();
            UnitWork.PlanLine mine = byUnit.get(unit);
            own = new UnitWork(unit, official.unitName(), mine == null ? UnitWork.Counts.none() : mine.own());
        }
        model.addAttribute("planId", planId == null || planId.isBlank() ? null : planId);
        model.addAttribute("lines", lines);
        model.addAttribute("own", own);
        return "task/rollup";
    }

    private UnitWork.Counts unitCounts(String unitCode) {
        UnitWork.Counts counts = api.tasks().get().uri("/api/rollups/units/{code}", unitCode).retrieve().body(UnitWork.Counts.class);
        return counts == null ? UnitWork.Counts.none() : counts;
    }
}
