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
 * "Nhập danh bạ": a CSV of contacts goes whole to notification-service, which replaces the contacts of every unit the
 * file names or, if one row is bad, stores nothing and names every bad row; they are all shown above the file as sent.
 */
@Controller
class ContactImportPage {

    /** notification-service's answer to an import: how many units the file named. */
    record ImportOutcome(int units) {
    }

    private final PlatformApi api;
    private final Formats formats;

    ContactImportPage(PlatformApi api, Formats formats) {
        this.api = api;
        this.formats = formats;
    }

    @GetMapping("/admin/contacts/import")
    String form(Model model) {
        model.addAttribute("form", new CsvImportForm());
        return "admin/contacts-import";
    }

    @PostMapping("/admin/contacts/import")
    String importContacts(@ModelAttribute("form") CsvImportForm form, Model model, RedirectAttributes redirect) {
        if (form.isBlank()) {
            model.addAttribute("empty", true);
            return "admin/contacts-import";
        }
        try {
            ImportOutcome outcome = api.notifications().post().uri("/api/contacts/import").contentType(CsvImportForm.TEXT_CSV)
                    .body(form.take()).retrieve().body(ImportOutcome.class);
            redirect.addFlashAttribute("notice", "Đã nhập danh bạ của " + formats.number(outcome.units())
                    + " đơn vị; đầu mối liên hệ của mỗi đơn vị có trong tệp được thay bằng các dòng của đơn vị đó.");
            return "redirect:/admin/contacts";
        } catch (ServiceProblemException refused) {
            model.addAttribute("problem", refused.toShowInPlace());
            return "admin/contacts-import";
        }
    }
}
