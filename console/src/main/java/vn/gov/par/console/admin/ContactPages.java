package vn.gov.par.console.admin;

import java.time.Instant;
import java.util.ArrayList;
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
import org.springframework.web.util.UriComponentsBuilder;

import vn.gov.par.console.services.PlatformApi;
import vn.gov.par.console.services.Problem;
import vn.gov.par.console.services.ServiceProblemException;
import vn.gov.par.console.signin.Official;

/**
 * "Liên hệ": who receives a unit's reminders, edited whole; the units nobody can be mailed at; the addresses the mail
 * server refused, each cleared once it is fixed so that reminders use it again.
 */
@Controller
class ContactPages {

    /** A unit nobody can be mailed at, as notification-service knows it from the unit events. */
    record KnownUnit(String code, String name, String level, String kind, String parentCode) {
    }

    /** An address the mail server refused for good, with its answer, since when. */
    record UndeliverableAddress(String email, String reason, Instant since) {
    }

    private final PlatformApi api;

    ContactPages(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/admin/contacts")
    String overview(@ModelAttribute("official") Official official, @RequestParam(required = false) String unitCode, Model model) {
        if (unitCode != null && !unitCode.isBlank()) {
            return "redirect:" + unitPage(unitCode.strip());
        }
        model.addAttribute("unreachable", api.notifications().get().uri("/api/contacts/unreachable").retrieve()
                .body(new ParameterizedTypeReference<List<KnownUnit>>() { }));
        model.addAttribute("undeliverable", api.notifications().get().uri("/api/contacts/undeliverable").retrieve()
                .body(new ParameterizedTypeReference<List<UndeliverableAddress>>() { }));
        model.addAttribute("unitCode", official.unitCode());
        return "admin/contacts";
    }

    @PostMapping("/admin/contacts/undeliverable/clear")
    String clearUndeliverable(@ModelAttribute("official") Official official, @RequestParam String email, Model model,
            RedirectAttributes redirect) {
        try {
            api.notifications().delete().uri("/api/contacts/undeliverable/{email}", email.strip()).retrieve().toBodilessEntity();
            redirect.addFlashAttribute("notice", "Đã gỡ địa chỉ " + email.strip() + " khỏi danh sách bị từ chối: thư nhắc việc sẽ gửi lại đến địa chỉ này.");
            return "redirect:/admin/contacts";
        } catch (ServiceProblemException refused) {
            model.addAttribute("problem", refused.toShowInPlace());
            return overview(official, null, model);
        }
    }

    @GetMapping("/admin/contacts/{unitCode}")
    String unit(@PathVariable String unitCode, Model model) {
        UnitContacts contacts = contacts(unitCode);
        model.addAttribute("contacts", contacts);
        model.addAttribute("form", ContactsForm.of(contacts));
        return showUnit(unitCode, model);
    }

    @PostMapping("/admin/contacts/{unitCode}")
    String replace(@PathVariable String unitCode, @ModelAttribute("form") ContactsForm form, @RequestParam(required = false) String change,
            Model model, RedirectAttributes redirect) {
        if ("add-person".equals(change)) {
            form.addPerson();
            model.addAttribute("contacts", contacts(unitCode));
            return showUnit(unitCode, model);
        }
        form.dropEmptyRows();
        try {
            api.notifications().put().uri("/api/contacts/{unitCode}", unitCode).contentType(MediaType.APPLICATION_JSON).body(form.request())
                    .retrieve().toBodilessEntity();
            redirect.addFlashAttribute("notice", "Đã lưu đầu mối liên hệ: thư nhắc việc từ nay gửi theo danh bạ mới.");
            return "redirect:" + unitPage(unitCode);
        } catch (ServiceProblemException refused) {
            form.addPerson();
            model.addAttribute("contacts", contacts(unitCode));
            model.addAttribute("problem", besideFields(refused.toShowInPlace(), form));
            return showUnit(unitCode, model);
        }
    }

    private String showUnit(String unitCode, Model model) {
        model.addAttribute("unit", api.plans().get().uri("/api/units/{code}", unitCode).retrieve().body(Unit.class));
        return "admin/unit-contacts";
    }

    private UnitContacts contacts(String unitCode) {
        return api.notifications().get().uri("/api/contacts/{unitCode}", unitCode).retrieve().body(UnitContacts.class);
    }

    /** Each bad address beside its field; a row about the unit itself (not in the directory) among the reasons above. */
    private static Problem besideFields(Problem problem, ContactsForm form) {
        Map<String, String> fields = new LinkedHashMap<>(problem.fieldMessages());
        List<String> reasons = new ArrayList<>(problem.reasons());
        for (Problem.RowError error : problem.rowErrors()) {
            if ("unitCode".equals(error.field())) {
                reasons.add(error.message());
            } else {
                fields.merge(form.fieldOfRow(error.row(), error.field()), error.message(), (a, b) -> a + " " + b);
            }
        }
        return new Problem(problem.status(), problem.code(), problem.title(), problem.detail(), fields, reasons);
    }

    private static String unitPage(String unitCode) {
        return UriComponentsBuilder.fromPath("/admin/contacts/{unitCode}").buildAndExpand(unitCode).encode().toUriString();
    }
}
