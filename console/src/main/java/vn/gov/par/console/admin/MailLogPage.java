package vn.gov.par.console.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.gov.par.console.services.Page;
import vn.gov.par.console.services.PlatformApi;

/**
 * "Nhật ký thư": every attempt to mail a reminder, newest first, filtered as notification-service allows (unit,
 * recipient, plan, outcome); what could not be sent is what administrators look at first.
 */
@Controller
class MailLogPage {

    private static final int PAGE_SIZE = 50;

    private final PlatformApi api;

    MailLogPage(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/admin/mail-log")
    String mailLog(@RequestParam(required = false) String unitCode, @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String planId, @RequestParam(required = false) String outcome,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, Object> filters = new LinkedHashMap<>();
        given(unitCode).ifPresent(value -> filters.put("unitCode", value));
        given(recipient).ifPresent(value -> filters.put("recipient", value));
        given(planId).ifPresent(value -> filters.put("planId", value));
        given(outcome).ifPresent(value -> filters.put("outcome", value));
        filters.put("page", Math.max(page, 0));
        filters.put("size", PAGE_SIZE);
        model.addAttribute("entries", api.notifications().get().uri(builder -> {
            // Each value a template variable, encoded whole: an address's '+' must not reach the service as a space.
            filters.keySet().forEach(name -> builder.queryParam(name, "{" + name + "}"));
            return builder.path("/api/mail-log").build(filters);
        }).retrieve().body(new ParameterizedTypeReference<Page<MailLogEntry>>() { }));
        model.addAttribute("unitCode", unitCode);
        model.addAttribute("recipient", recipient);
        model.addAttribute("planId", planId);
        model.addAttribute("outcome", outcome);
        model.addAttribute("outcomes", MailLogEntry.OUTCOME_ORDER);
        model.addAttribute("outcomeLabels", MailLogEntry.OUTCOMES);
        return "admin/mail-log";
    }

    /** The recipient's address is matched exactly as written, so only the spaces around it are dropped. */
    private static Optional<String> given(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
