package vn.gov.par.task.task.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.domain.NotFoundException;
import vn.gov.par.support.web.PageView;
import vn.gov.par.task.assignment.IssuedPlans;
import vn.gov.par.task.task.OccurrenceStatus;
import vn.gov.par.task.task.ProgressEntry;
import vn.gov.par.task.task.StatusCounts;
import vn.gov.par.task.task.Task;
import vn.gov.par.task.task.TaskOccurrence;
import vn.gov.par.task.task.TaskQueries;
import vn.gov.par.task.task.Tasks;

@RestController
class TaskController {

    private final Tasks tasks;
    private final TaskQueries queries;
    private final IssuedPlans issuedPlans;
    private final UnitDirectoryView directory;
    private final Clock clock;

    TaskController(Tasks tasks, TaskQueries queries, IssuedPlans issuedPlans, UnitDirectoryView directory, Clock clock) {
        this.tasks = tasks;
        this.queries = queries;
        this.issuedPlans = issuedPlans;
        this.directory = directory;
        this.clock = clock;
    }

    record ProgressRequest(@NotNull(message = "Cần nêu đã hoàn thành hay chưa (done).") Boolean done, LocalDate doneOn,
            @PositiveOrZero(message = "Số lượng sản phẩm không được âm.") Integer count,
            @Size(max = 50, message = "Tối đa 50 đường dẫn.") List<@NotBlank(message = "Đường dẫn không được để trống.") String> links,
            @Size(max = 4000, message = "Ghi chú tối đa 4000 ký tự.") String note) {
    }

    record ScheduleRequest(@NotEmpty(message = "Cần ít nhất một hạn hoàn thành (dueDates).")
            List<@NotNull(message = "Hạn hoàn thành không được để trống.") LocalDate> dueDates) {
    }

    /** Occurrences of tasks (what is due when, for whom), filtered and paged, soonest first. */
    @GetMapping("/api/tasks")
    PageView<TaskOccurrence> list(@RequestParam(required = false) String unitCode, @RequestParam(required = false) String planId,
            @RequestParam(required = false) String provinceCode, @RequestParam(required = false) String underUnit,
            @RequestParam(required = false) OccurrenceStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "page phải >= 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "size phải >= 1") @Max(value = 500, message = "size tối đa 500") int size) {
        return queries.list(new TaskQueries.Filter(unitCode, planId, status, dueFrom, dueTo, provinceCode, underUnit), page, size);
    }

    /** The tasks a plan gave, in the plan's order, with their schedules. */
    @GetMapping("/api/plans/{planId}/tasks")
    PageView<Task> tasksOfPlan(@PathVariable String planId, @RequestParam(required = false) String unitCode,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "page phải >= 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "size phải >= 1") @Max(value = 500, message = "size tối đa 500") int size) {
        return queries.tasksOf(planId, unitCode, page, size);
    }

    @GetMapping("/api/tasks/{taskId}")
    TaskQueries.TaskWithOccurrences task(@PathVariable String taskId) {
        return queries.task(taskId);
    }

    /** Tasks whose timeframe text could not be read, for a person to schedule by hand. */
    @GetMapping("/api/tasks/unrecognised-schedules")
    List<Task> unrecognised(@RequestParam(required = false) String planId, @RequestParam(required = false) String unitCode) {
        return queries.unrecognisedSchedules(planId, unitCode);
    }

    @PutMapping("/api/tasks/{taskId}/schedule")
    Task setSchedule(@PathVariable String taskId, @Valid @RequestBody ScheduleRequest request) {
        return tasks.setSchedule(taskId, request.dueDates());
    }

    @PostMapping("/api/occurrences/{occurrenceId}/progress")
    TaskOccurrence recordProgress(@PathVariable String occurrenceId, @Valid @RequestBody ProgressRequest request) {
        return tasks.recordProgress(occurrenceId, new ProgressEntry(clock.instant(), request.done(), request.doneOn(), request.count(),
                request.links(), request.note()));
    }

    @GetMapping("/api/rollups/units/{unitCode}")
    StatusCounts unitRollup(@PathVariable String unitCode, @RequestParam(required = false) String planId) {
        requireUnit(unitCode);
        if (planId != null) {
            requirePlan(planId);
        }
        return queries.unitCounts(unitCode, planId);
    }

    @GetMapping("/api/rollups/plans/{planId}")
    List<TaskQueries.UnitRollup> planRollup(@PathVariable String planId, @RequestParam String underUnit) {
        requirePlan(planId);
        requireUnit(underUnit);
        return queries.planRollup(planId, underUnit);
    }

    /** An empty roll-up would read as "nothing to do": a plan or unit this service does not know is said to be unknown. */
    private void requirePlan(String planId) {
        if (!issuedPlans.isKnown(planId)) {
            throw new NotFoundException("Không tìm thấy kế hoạch '" + planId + "'.");
        }
    }

    private void requireUnit(String unitCode) {
        if (directory.find(unitCode).isEmpty()) {
            throw new NotFoundException("Không tìm thấy đơn vị '" + unitCode + "'.");
        }
    }
}
