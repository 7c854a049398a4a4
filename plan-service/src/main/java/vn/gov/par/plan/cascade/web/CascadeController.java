package vn.gov.par.plan.cascade.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.gov.par.plan.cascade.CascadeQueries;
import vn.gov.par.plan.cascade.CascadeTree;

@RestController
class CascadeController {

    private final CascadeQueries cascades;

    CascadeController(CascadeQueries cascades) {
        this.cascades = cascades;
    }

    @GetMapping("/api/plans/{id}/cascade")
    CascadeTree cascade(@PathVariable String id) {
        return cascades.cascadeOf(id);
    }
}
