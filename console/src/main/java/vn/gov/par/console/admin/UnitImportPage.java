package vn.gov.par.console.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.gov.par.console.services.PlatformApi;
import vn.gov.par.console.services.ServiceProblemException;
import vn.gov.par.console.web.Formats;

/**
 * "Nhập danh mục đơn vị từ tệp CSV": the file goes whole to plan-service, which stores all of it or, if one row is
 * bad, nothing, naming every bad row; they are all shown, above the file as it was sent.
 */
@Controller
class UnitImportPage {

    /** plan-service's answer to an import: how many rows it read and what became of them. */
    record ImportOutcome(int received, int created, int updated, int unchanged) {
    }

    private final PlatformApi api;
    private final Formats formats;

    UnitImportPage(PlatformApi api, Formats formats) {
        this.api = api;
        this.formats = formats;
    }

    @GetMapping("/admin/units/import")
    String form(Model model) {
        model.addAttribute("form", new CsvImportForm());
        return "admin/units-import";
    }

    @PostMapping("/admin/units/import")
    String importUnits(@ModelAttribute("form") CsvImportForm form, Model model, RedirectAttributes redirect) {
        if (form.isBlank()) {
            model.addAttribute("empty", true);
            return "admin/units-import";
        }
        try {
            ImportOutcome outcome = api.plans().post().uri("/api/units/import").contentType(CsvImportForm.TEXT_CSV).body(form.take())
                    .retrieve().body(ImportOutcome.class);
            redirect.addFlashAttribute("notice", "Đã nhập " + formats.number(outcome.received()) + " đơn vị: "
                    + formats.number(outcome.created()) + " đơn vị mới, " + formats.number(outcome.updated()) + " đơn vị được cập nhật, "
                    + formats.number(outcome.unchanged()) + " đơn vị không thay đổi.");
            return "redirect:/admin/units";
        } catch (ServiceProblemException refused) {
            model.addAttribute("problem", refused.toShowInPlace());
            return "admin/units-import";
        }
    }
}
