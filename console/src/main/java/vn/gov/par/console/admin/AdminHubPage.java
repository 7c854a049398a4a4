package vn.gov.par.console.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** "Quản trị": the administration sections, one link each. */
@Controller
class AdminHubPage {

    @GetMapping("/admin")
    String hub() {
        return "admin/hub";
    }
}
