package vn.gov.par.console.admin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.format.annotation.DateTimeFormat;
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
import vn.gov.par.console.services.Problem;
import vn.gov.par.console.services.ServiceProblemException;
import vn.gov.par.console.signin.Official;
import vn.gov.par.console.web.Formats;

/**
 * "Ngày nghỉ và điều chỉnh lịch": a year's holidays as reminders count them, and the days off or working days
 * administrators recorded. The calendar holds nationwide, so notification-service lets only an administrator of the
 * unit heading the directory change it; others see it without the form, by the same rule.
 */
@Controller
class CalendarPage {

    private static final int FIRST_YEAR = 1968;
    private static final int LAST_YEAR = 2199;

    private final PlatformApi api;
    private final Formats formats;

    CalendarPage(PlatformApi api, Formats formats) {
        this.api = api;
        this.formats = formats;
    }

    /** @param date an adjustment to change: the form starts from it */
    @GetMapping("/admin/calendar")
    String calendar(@ModelAttribute("official") Official official, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String date, Model model) {
        List<CalendarDays.Adjustment> adjustments = adjustments();
        AdjustmentForm form = adjustments.stream().filter(adjustment -> adjustment.date().toString().equals(date)).findFirst()
                .map(AdjustmentForm::of).orElseGet(AdjustmentForm::new);
        model.addAttribute("form", form);
        return show(official, year, adjustments, model);
    }

    @PostMapping("/admin/calendar/adjustments")
    String adjust(@ModelAttribute("official") Official official, @ModelAttribute("form") AdjustmentForm form, Model model,
            RedirectAttributes redirect) {
        if (!form.hasDate()) {
            model.addAttribute("problem", new Problem(400, "date-missing", "Chưa ghi nhận được", "Hãy chọn ngày cần ghi nhận.",
                    Map.of("date", "Hãy chọn ngày."), List.of()));
            return show(official, null, adjustments(), model);
        }
        try {
            CalendarDays.Adjustment recorded = api.notifications().put().uri("/api/calendar-adjustments/{date}", form.getDate())
                    .contentType(MediaType.APPLICATION_JSON).body(form.request()).retrieve().body(CalendarDays.Adjustment.class);
            redirect.addFlashAttribute("notice", "Đã ghi nhận ngày " + formats.date(recorded.date()) + " là "
                    + (recorded.dayOff() ? "ngày nghỉ" : "ngày làm việc") + " (" + recorded.name() + "). Các nhắc việc chưa gửi được lập lại lịch.");
            return "redirect:/admin/calendar?year=" + recorded.date().getYear();
        } catch (ServiceProblemException refused) {
            model.addAttribute("problem", besideFields(refused.toShowInPlace()));
            return show(official, yearOf(form.getDate()), adjustments(), model);
        }
    }

    @PostMapping("/admin/calendar/adjustments/{date}/remove")
    String remove(@ModelAttribute("official") Official official, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model, RedirectAttributes redirect) {
        try {
            api.notifications().delete().uri("/api/calendar-adjustments/{date}", date.toString()).retrieve().toBodilessEntity();
            redirect.addFlashAttribute("notice", "Đã xóa điều chỉnh của ngày " + formats.date(date)
                    + ": ngày này trở lại như lịch mặc định. Các nhắc việc chưa gửi được lập lại lịch.");
            return "redirect:/admin/calendar?year=" + date.getYear();
        } catch (ServiceProblemException refused) {
            model.addAttribute("problem", refused.toShowInPlace());
            model.addAttribute("form", new AdjustmentForm());
            return show(official, date.getYear(), adjustments(), model);
        }
    }

    private String show(Official official, Integer year, List<CalendarDays.Adjustment> adjustments, Model model) {
        int shown = year == null || year < FIRST_YEAR || year > LAST_YEAR ? formats.today().getYear() : year;
        model.addAttribute("year", shown);
        model.addAttribute("holidays", api.notifications().get().uri("/api/holidays?year={year}", shown).retrieve()
                .body(new ParameterizedTypeReference<List<CalendarDays.Holiday>>() { }));
        model.addAttribute("adjustments", adjustments);
        model.addAttribute("canChange", headsTheDirectory(official));
        return "admin/calendar";
    }

    private List<CalendarDays.Adjustment> adjustments() {
        return api.notifications().get().uri("/api/calendar-adjustments").retrieve()
                .body(new ParameterizedTypeReference<List<CalendarDays.Adjustment>>() { });
    }

    /**
     * Whether the official's unit is at the head of the directory, as the service requires to change the calendar; a
     * directory with several units at the top has no head, and the service's refusal then says so.
     */
    private boolean headsTheDirectory(Official official) {
        return official.unitCode() != null
                && api.plans().get().uri("/api/units/{code}", official.unitCode()).retrieve().body(Unit.class).isTop();
    }

    /** The date the service could not read (a bad path parameter) beside the date field; field errors beside theirs. */
    private static Problem besideFields(Problem problem) {
        Map<String, String> fields = new LinkedHashMap<>(problem.fieldMessages());
        if ("invalid-parameter".equals(problem.code())) {
            fields.putIfAbsent("date", problem.detail());
        }
        return new Problem(problem.status(), problem.code(), problem.title(), problem.detail(), fields, problem.reasons());
    }

    private static Integer yearOf(String date) {
        try {
            return LocalDate.parse(date).getYear();
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
