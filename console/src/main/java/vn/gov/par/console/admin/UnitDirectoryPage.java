package vn.gov.par.console.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.gov.par.console.services.PlatformApi;
import vn.gov.par.console.services.ServiceProblemException;
import vn.gov.par.console.signin.Official;

/**
 * "Đơn vị": the units directory as a tree from the official's unit down. Each unit's children are read only when it is
 * opened (htmx asks {@code /admin/units/{code}/children}), as a province holds hundreds of communes; without scripts
 * each unit is a link to its own page of the tree.
 */
@Controller
class UnitDirectoryPage {

    private static final ParameterizedTypeReference<List<Unit>> UNITS = new ParameterizedTypeReference<>() { };

    private final PlatformApi api;

    UnitDirectoryPage(PlatformApi api) {
        this.api = api;
    }

    /** @param code the unit to show the tree from, the official's own unit when absent */
    @GetMapping("/admin/units")
    String tree(@ModelAttribute("official") Official official, @RequestParam(required = false) String code, Model model) {
        String rootCode = code == null || code.isBlank() ? official.unitCode() : code.strip();
        if (rootCode == null) {
            return "home/no-unit";
        }
        Unit root = unit(rootCode);
        model.addAttribute("root", root);
        model.addAttribute("successor", root.isRetired() && root.retirement().successorCode() != null ? successor(root) : null);
        model.addAttribute("path", path(root, official.unitCode()));
        model.addAttribute("children", children(rootCode));
        return "admin/units";
    }

    /** The unit under a new name; refused, the tree comes back with the reason and the name typed. */
    @PostMapping("/admin/units/{code}/rename")
    String rename(@ModelAttribute("official") Official official, @PathVariable String code, @RequestParam(required = false) String name,
            Model model, RedirectAttributes redirect) {
        Map<String, String> body = Map.of("name", name == null ? "" : name);
        return change(official, code, () -> post(code, "rename", body), body, "Đã đổi tên đơn vị thành " + name + ".",
                "/admin/units?code=" + code, model, redirect);
    }

    /** The unit, and every unit below it, under another parent; refused, the tree comes back with the reason. */
    @PostMapping("/admin/units/{code}/move")
    String move(@ModelAttribute("official") Official official, @PathVariable String code, @RequestParam(required = false) String parentCode,
            Model model, RedirectAttributes redirect) {
        Map<String, String> body = Map.of("parentCode", parentCode == null ? "" : parentCode.strip());
        return change(official, code, () -> post(code, "move", body), body, "Đã chuyển đơn vị sang trực thuộc " + body.get("parentCode") + ".",
                "/admin/units?code=" + code, model, redirect);
    }

    /** The unit dissolved on a day, its open work going to a successor when one is given; refused, the tree comes back with the reason. */
    @PostMapping("/admin/units/{code}/retire")
    String retire(@ModelAttribute("official") Official official, @PathVariable String code, @RequestParam(required = false) String retiredOn,
            @RequestParam(required = false) String successorCode, Model model, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("retiredOn", blankToNull(retiredOn));
        body.put("successorCode", blankToNull(successorCode));
        String done = "Đã ghi nhận giải thể đơn vị" + (body.get("successorCode") == null ? "." : "; đơn vị " + body.get("successorCode")
                + " kế thừa công việc còn mở.");
        return change(official, code, () -> post(code, "retire", body), typed(body), done, "/admin/units?code=" + code, model, redirect);
    }

    /** Units merged into this one on a day, each retired with this one taking over; one refused, none changes. */
    @PostMapping("/admin/units/{code}/merge")
    String merge(@ModelAttribute("official") Official official, @PathVariable String code, @RequestParam(required = false) String unitCodes,
            @RequestParam(required = false) String mergedOn, Model model, RedirectAttributes redirect) {
        List<String> codes = unitCodes == null ? List.of()
                : Arrays.stream(unitCodes.split("[,;\\s]+")).map(String::strip).filter(c -> !c.isEmpty()).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitCodes", codes);
        body.put("mergedOn", blankToNull(mergedOn));
        return change(official, code, () -> post(code, "merge", body), Map.of("unitCodes", unitCodes == null ? "" : unitCodes, "mergedOn",
                mergedOn == null ? "" : mergedOn), "Đã sáp nhập " + String.join(", ", codes) + " vào đơn vị này.", "/admin/units?code=" + code,
                model, redirect);
    }

    /** A unit imported by mistake, taken out; refused (it has a history), the tree comes back with the reasons. */
    @PostMapping("/admin/units/{code}/delete")
    String delete(@ModelAttribute("official") Official official, @PathVariable String code, Model model, RedirectAttributes redirect) {
        Unit unit = unit(code);
        return change(official, code, () -> api.plans().delete().uri("/api/units/{code}", code).retrieve().toBodilessEntity(), Map.of(),
                "Đã xóa đơn vị " + unit.name() + ".", unit.parentCode() == null ? "/admin/units" : "/admin/units?code=" + unit.parentCode(),
                model, redirect);
    }

    /** A change of the unit; refused, the unit's tree comes back with the reason and what was typed ({@code typed}). */
    private String change(Official official, String code, Runnable call, Map<String, String> typed, String done, String then, Model model,
            RedirectAttributes redirect) {
        try {
            call.run();
            redirect.addFlashAttribute("notice", done);
            return "redirect:" + then;
        } catch (ServiceProblemException refused) {
            if (refused.problem().status() == 404) {
                throw refused;
            }
            model.addAttribute("problem", refused.toShowInPlace());
            model.addAllAttributes(typed);
            return tree(official, code, model);
        }
    }

    private void post(String code, String operation, Map<String, ?> body) {
        api.plans().post().uri("/api/units/{code}/" + operation, code).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toBodilessEntity();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What was typed, to put back in the form when a change is refused. */
    private static Map<String, String> typed(Map<String, Object> body) {
        Map<String, String> typed = new LinkedHashMap<>();
        body.forEach((name, value) -> typed.put(name, value == null ? "" : value.toString()));
        return typed;
    }

    /** The units directly below one, as the piece of tree htmx puts under it. */
    @GetMapping("/admin/units/{code}/children")
    String children(@PathVariable String code, Model model) {
        model.addAttribute("children", children(code));
        return "admin/units :: children";
    }

    /**
     * The units from the official's own unit down to the one shown, to go back up by; the units above the official's
     * are not listed, as the official administers none of them.
     */
    private List<Unit> path(Unit shown, String ownCode) {
        List<Unit> path = new ArrayList<>();
        int own = shown.ancestorCodes().indexOf(ownCode);
        if (own >= 0) {
            for (String ancestor : shown.ancestorCodes().subList(own, shown.ancestorCodes().size())) {
                path.add(unit(ancestor));
            }
        }
        return path;
    }

    /** The unit a retired one was merged into, by name when the official may see it. */
    private Unit successor(Unit retired) {
        try {
            return unit(retired.retirement().successorCode());
        } catch (ServiceProblemException notVisible) {
            return null;
        }
    }

    private Unit unit(String code) {
        return api.plans().get().uri("/api/units/{code}", code).retrieve().body(Unit.class);
    }

    private List<Unit> children(String code) {
        List<Unit> children = api.plans().get().uri("/api/units/{code}/children", code).retrieve().body(UNITS);
        return children == null ? List.of() : children;
    }
}
