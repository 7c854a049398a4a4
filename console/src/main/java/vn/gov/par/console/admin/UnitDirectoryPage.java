package vn.gov.par.console.admin;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.gov.par.console.services.PlatformApi;
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
        model.addAttribute("path", path(root, official.unitCode()));
        model.addAttribute("children", children(rootCode));
        return "admin/units";
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

    private Unit unit(String code) {
        return api.plans().get().uri("/api/units/{code}", code).retrieve().body(Unit.class);
    }

    private List<Unit> children(String code) {
        List<Unit> children = api.plans().get().uri("/api/units/{code}/children", code).retrieve().body(UNITS);
        return children == null ? List.of() : children;
    }
}
