package vn.gov.par.console.task;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriBuilder;

import jakarta.servlet.http.HttpServletResponse;
import vn.gov.par.console.services.Page;
import vn.gov.par.console.services.PlatformApi;
import vn.gov.par.console.services.Problem;
import vn.gov.par.console.services.ServiceProblemException;
import vn.gov.par.console.signin.Official;
import vn.gov.par.console.web.Formats;

/**
 * "Nhiệm vụ": the occurrences of a unit's tasks, filtered and paged, and one occurrence with its progress history and,
 * for an official acting for its unit, the form that records progress.
 */
@Controller
class TaskPages {

    /** Rows on a page of the list. */
    static final int PAGE_SIZE = 50;
    /** When the console filters itself (role, finding an occurrence), it reads the service's pages at this size ... */
    static final int SCAN_SIZE = 500;
    /** ... and reads at most this many of them. */
    static final int SCAN_PAGES = 20;

    private static final ParameterizedTypeReference<Page<Occurrence>> PAGE = new ParameterizedTypeReference<>() { };

    private final PlatformApi api;
    private final Formats formats;

    TaskPages(PlatformApi api, Formats formats) {
        this.api = api;
        this.formats = formats;
    }

    @GetMapping("/tasks")
    String list(@ModelAttribute("official") Official official, @ModelAttribute("filter") TaskFilter asked, Model model) {
        if (official.unitCode() == null) {
            return "home/no-unit";
        }
        TaskFilter filter = asked.normalised(official.unitCode());
        Map<String, String> messages = new LinkedHashMap<>();
        LocalDate dueFrom = TaskFilter.date(filter.dueFrom(), "dueFrom", messages);
        LocalDate dueTo = TaskFilter.date(filter.dueTo(), "dueTo", messages);
        if (dueFrom != null && dueTo != null && dueTo.isBefore(dueFrom)) {
            messages.put("dueTo", "Ngày cuối phải không trước ngày đầu.");
        }
        Problem problem = messages.isEmpty() ? null
                : new Problem(400, "invalid-filter", "Bộ lọc chưa hợp lệ", "Hãy sửa các ô được đánh dấu rồi lọc lại.", messages, List.of());
        model.addAttribute("filter", filter);
        model.addAttribute("problem", problem);
        model.addAttribute("list", problem != null ? TaskList.empty(PAGE_SIZE) : occurrences(filter, dueFrom, dueTo));
        model.addAttribute("today", formats.today());
        model.addAttribute("roles", TaskFilter.ROLES);
        model.addAttribute("statuses", TaskFilter.STATUSES);
        return "task/list";
    }

    private TaskList occurrences(TaskFilter filter, LocalDate dueFrom, LocalDate dueTo) {
        int page = filter.page();
        if (filter.role() == null) {
            Page<Occurrence> answer = fetch(filter, dueFrom, dueTo, page, PAGE_SIZE);
            return new TaskList(answer.content(), page, PAGE_SIZE, answer.totalElements(), answer.hasNext(), false);
        }
        // task-service has no role filter: read its pages in order, keep this role's rows, until this page and one more
        // row are found or the pages run out.
        Predicate<Occurrence> ofRole = o -> filter.role().equals(o.role());
        List<Occurrence> matching = new ArrayList<>();
        int wanted = (page + 1) * PAGE_SIZE + 1;
        boolean exhausted = false;
        for (int servicePage = 0; servicePage < SCAN_PAGES && matching.size() < wanted; servicePage++) {
            Page<Occurrence> answer = fetch(filter, dueFrom, dueTo, servicePage, SCAN_SIZE);
            answer.content().stream().filter(ofRole).forEach(matching::add);
            if (!answer.hasNext()) {
                exhausted = true;
                break;
            }
        }
        int from = Math.min(page * PAGE_SIZE, matching.size());
        int to = Math.min(from + PAGE_SIZE, matching.size());
        boolean hasNext = matching.size() > to;
        return new TaskList(matching.subList(from, to), page, PAGE_SIZE, exhausted ? (long) matching.size() : null, hasNext,
                !exhausted && !hasNext);
    }

    private Page<Occurrence> fetch(TaskFilter filter, LocalDate dueFrom, LocalDate dueTo, int page, int size) {
        Page<Occurrence> answer = api.tasks().get().uri(uri -> {
            UriBuilder query = uri.path("/api/tasks").queryParam(filter.isSubtree() ? "underUnit" : "unitCode", filter.unitCode());
            optional(query, "status", filter.status());
            optional(query, "dueFrom", dueFrom);
            optional(query, "dueTo", dueTo);
            return query.queryParam("page", page).queryParam("size", size).build();
        }).retrieve().body(PAGE);
        return answer == null ? new Page<>(List.of(), page, size, 0) : answer;
    }

    private static void optional(UriBuilder query, String name, Object value) {
        if (value != null) {
            query.queryParam(name, value);
        }
    }

    /**
     * A task as reminders mailed before they named the occurrence linked it: its first occurrence still to do (the
     * one a reminder is about), or its last one when all are done.
     */
    @GetMapping("/tasks/{taskId}")
    String task(@PathVariable String taskId) {
        TaskDetail detail = api.tasks().get().uri("/api/tasks/{taskId}", taskId).retrieve().body(TaskDetail.class);
        List<Occurrence> occurrences = detail == null ? List.of() : detail.occurrences();
        Occurrence target = occurrences.stream().filter(o -> !o.status().startsWith("DONE")).findFirst()
                .orElse(occurrences.isEmpty() ? null : occurrences.get(occurrences.size() - 1));
        return target == null ? notFound(taskId) : "redirect:" + occurrenceLink(target.id(), taskId);
    }

    @GetMapping("/tasks/occurrences/{id}")
    String occurrence(@PathVariable String id, @RequestParam(required = false) String task,
            @ModelAttribute("official") Official official, Model model) {
        Located found = locate(id, task, official);
        model.addAttribute("form", ProgressForm.from(found.occurrence()));
        show(found, official, model);
        return "task/occurrence";
    }

    @PostMapping("/tasks/occurrences/{id}/progress")
    String recordProgress(@PathVariable String id, @ModelAttribute("form") ProgressForm form, @ModelAttribute("official") Official official,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> messages = new LinkedHashMap<>();
        ProgressForm.ProgressRequest request = form.toRequest(messages);
        Problem problem;
        if (messages.isEmpty()) {
            try {
                Occurrence after = api.tasks().post().uri("/api/occurrences/{id}/progress", id).body(request).retrieve()
                        .body(Occurrence.class);
                String taskId = after != null && after.taskId() != null ? after.taskId() : form.task();
                redirect.addFlashAttribute("notice", "Đã ghi nhận tiến độ." + (after == null ? ""
                        : " Trạng thái hiện nay: " + after.tracking(formats.today()).label() + "."));
                return "redirect:" + occurrenceLink(id, taskId);
            } catch (ServiceProblemException refused) {
                problem = besideFields(refused.toShowInPlace());
            }
        } else {
            problem = new Problem(400, "invalid-progress", "Tiến độ chưa hợp lệ", "Hãy sửa các ô được đánh dấu rồi ghi lại.", messages,
                    List.of());
        }
        show(locate(id, form.task(), official), official, model);
        model.addAttribute("problem", problem);
        response.setStatus(problem.status());
        return "task/occurrence";
    }

    private void show(Located found, Official official, Model model) {
        model.addAttribute("task", found.detail().task());
        model.addAttribute("occurrence", found.occurrence());
        model.addAttribute("others", found.detail().othersThan(found.occurrence().id()));
        model.addAttribute("canRecord", official.actsFor(found.occurrence().unitCode(), Official.OFFICER));
        model.addAttribute("today", formats.today());
    }

    static String occurrenceLink(String occurrenceId, String taskId) {
        return "/tasks/occurrences/" + URLEncoder.encode(occurrenceId, StandardCharsets.UTF_8)
                + (taskId == null ? "" : "?task=" + URLEncoder.encode(taskId, StandardCharsets.UTF_8));
    }

    /**
     * Each message of the service's refusal beside its field: a link's message beside the links, and the refusals the
     * service names by code only (a done without its date, a date to come, a negative count) beside theirs.
     */
    static Problem besideFields(Problem problem) {
        Map<String, String> fields = new LinkedHashMap<>();
        problem.fieldMessages().forEach((field, message) ->
                fields.merge(field.startsWith("links[") ? "links" : field, message, (a, b) -> a.equals(b) ? a : a + " " + b));
        String field = switch (problem.code()) {
            case "done-date-missing", "done-date-in-future" -> "doneOn";
            case "negative-count" -> "count";
            default -> null;
        };
        if (field != null && !fields.containsKey(field) && !problem.detail().isBlank()) {
            fields.put(field, problem.detail());
        }
        return new Problem(problem.status(), problem.code(), problem.title(), problem.detail(), fields, problem.reasons());
    }

    private record Located(TaskDetail detail, Occurrence occurrence) {
    }

    /** task-service reads an occurrence only with its task: every link to one (lists, home page, reminders) names both. */
    private Located locate(String occurrenceId, String taskId, Official official) {
        if (taskId == null || taskId.isBlank()) {
            return notFound(occurrenceId);
        }
        TaskDetail detail = api.tasks().get().uri("/api/tasks/{taskId}", taskId).retrieve().body(TaskDetail.class);
        return detail == null ? notFound(occurrenceId)
                : detail.occurrence(occurrenceId).map(o -> new Located(detail, o)).orElseGet(() -> notFound(occurrenceId));
    }

    private static <T> T notFound(String occurrenceId) {
        throw new ServiceProblemException(new Problem(404, "not-found", "Không tìm thấy",
                "Không tìm thấy lần thực hiện nhiệm vụ '" + occurrenceId + "' trong công việc của đơn vị. Hãy mở nó từ danh sách Nhiệm vụ.",
                Map.of(), List.of()));
    }
}
