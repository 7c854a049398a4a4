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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.calendar.WorkingCalendar;
import vn.gov.par.support.calendar.WorkingCalendarView;
import vn.gov.par.support.directory.UnitDirectoryView;
import vn.gov.par.support.domain.NotFoundException;
import vn.gov.par.support.web.Deadlined;
import vn.gov.par.support.web.PageView;
import vn.gov.par.support.web.apidocs.NeverNotFound;
import vn.gov.par.support.web.apidocs.ProblemResponse;
import vn.gov.par.task.assignment.IssuedPlans;
import vn.gov.par.task.task.OccurrenceStatus;
import vn.gov.par.task.task.ProgressEntry;
import vn.gov.par.task.task.StatusCounts;
import vn.gov.par.task.task.Task;
import vn.gov.par.task.task.TaskOccurrence;
import vn.gov.par.task.task.TaskQueries;
import vn.gov.par.task.task.Tasks;

@Tag(name = "Nhiệm vụ và tiến độ · Tasks and progress", description = "Nhiệm vụ giao cho cơ quan chủ trì, phối hợp, các lần thực hiện, ghi nhận tiến độ và tổng hợp theo đơn vị, kế hoạch. · Tasks assigned to lead and cooperating units, their occurrences, progress records and roll-ups by unit and plan.")
@RestController
class TaskController {

    private final Tasks tasks;
    private final TaskQueries queries;
    private final IssuedPlans issuedPlans;
    private final UnitDirectoryView directory;
    private final Clock clock;
    private final WorkingCalendarView calendar;

    TaskController(Tasks tasks, TaskQueries queries, IssuedPlans issuedPlans, UnitDirectoryView directory, Clock clock,
            WorkingCalendarView calendar) {
        this.tasks = tasks;
        this.queries = queries;
        this.issuedPlans = issuedPlans;
        this.directory = directory;
        this.clock = clock;
        this.calendar = calendar;
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
    @Operation(summary = "Danh sách lần thực hiện nhiệm vụ · List task occurrences", description = """
            Các lần thực hiện nhiệm vụ (bản tin tháng 3, cuộc thi quý I...), mỗi lần với đơn vị thực hiện, vai trò chủ trì hay \
            phối hợp, hạn hoàn thành, trạng thái và lịch sử tiến độ. Lọc theo đơn vị thực hiện `unitCode`, kế hoạch `planId` \
            (chỉ đúng kế hoạch đó), tỉnh `provinceCode`, đơn vị `underUnit` (đơn vị đó và mọi đơn vị cấp dưới), trạng thái \
            `status` (NOT_DUE chưa hoàn thành, còn trong hạn; OVERDUE quá hạn; DONE_ON_TIME hoàn thành đúng hạn; DONE_LATE hoàn \
            thành quá hạn; ON_DEMAND đột xuất, không có hạn) và khoảng hạn `dueFrom`, `dueTo` (ngày ISO, tính cả hai đầu). Sắp \
            theo hạn rồi mã đơn vị, từng trang (`page` từ 0, `size` tối đa 500). Chỉ gồm công việc của đơn vị người gọi và các \
            đơn vị cấp dưới, và của các kế hoạch gửi báo cáo qua đơn vị người gọi ("qua Sở Nội vụ"); không gồm việc đơn vị đã giải thể, sáp nhập trước hạn không còn phải làm (`releasedOn`, xem cùng \
            nhiệm vụ của nó).

            Task occurrences (the March bulletin, the first-quarter contest...), each with the unit doing it, its lead or \
            cooperating role, due date, status and progress history. Filtered by the unit doing the work `unitCode`, the plan \
            `planId` (that plan only), the province `provinceCode`, a unit `underUnit` (that unit and every unit below it), the \
            status `status` (NOT_DUE, OVERDUE, DONE_ON_TIME, DONE_LATE, ON_DEMAND: no due date) and the due-date range \
            `dueFrom`, `dueTo` (ISO dates, both inclusive). Ordered by due date then unit code, a page at a time (`page` from \
            0, `size` at most 500). Only the work of the caller's unit and the units below it is shown, and that of the \
            plans whose reports go through the caller's unit; not work a unit dissolved or merged away before it fell due no longer owes (`releasedOn`, read with its task).""")
    @GetMapping("/api/tasks")
    PageView<Deadlined<TaskOccurrence>> list(@RequestParam(required = false) String unitCode, @RequestParam(required = false) String planId,
            @RequestParam(required = false) String provinceCode, @RequestParam(required = false) String underUnit,
            @RequestParam(required = false) OccurrenceStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "page phải >= 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "size phải >= 1") @Max(value = 500, message = "size tối đa 500") int size,
            Access access) {
        WorkingCalendar days = calendar.current();
        return queries.list(new TaskQueries.Filter(unitCode, planId, status, dueFrom, dueTo, provinceCode, underUnit), page, size, access)
                .map(occurrence -> Deadlined.of(occurrence, occurrence.dueDate(), days));
    }

    /** The tasks a plan gave, in the plan's order, with their schedules. */
    @Operation(summary = "Nhiệm vụ của một kế hoạch · A plan's tasks", description = """
            Các nhiệm vụ kế hoạch `planId` giao, theo thứ tự hoạt động rồi mã đơn vị, có thể lọc theo đơn vị thực hiện \
            `unitCode`, từng trang (`size` tối đa 500). Mỗi nhiệm vụ giữ nguyên văn nội dung, sản phẩm và thời gian thực hiện \
            như kế hoạch ghi, bên cạnh điều đọc được từ đó: chỉ tiêu (`targetCount` mỗi `targetPer`), loại lịch và các hạn. \
            Việc thường xuyên, định kỳ chưa có lần thực hiện nào cho đến khi biết các kỳ báo cáo của kế hoạch. Kế hoạch chưa \
            được giao nhiệm vụ hoặc không tồn tại cho trang rỗng. Chỉ gồm nhiệm vụ của đơn vị người gọi và các đơn vị cấp dưới \
            (hoặc mọi nhiệm vụ của kế hoạch, nếu kế hoạch gửi báo cáo qua đơn vị người gọi).

            The tasks plan `planId` gave, in activity order then unit code, optionally for one unit `unitCode`, a page at a \
            time (`size` at most 500). Each keeps the content, product and timeframe as the plan wrote them, beside what was \
            understood of them: the target (`targetCount` per `targetPer`), the schedule kind and the due dates. Ongoing and \
            periodic work has no occurrence until the plan's report periods are known. A plan not yet assigned, or unknown, \
            gives an empty page. Only the tasks of the caller's unit and the units below it are shown (or all of the \
            plan's, when its reports go through the caller's unit).""")
    @NeverNotFound
    @GetMapping("/api/plans/{planId}/tasks")
    PageView<Task> tasksOfPlan(@PathVariable String planId, @RequestParam(required = false) String unitCode,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "page phải >= 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "size phải >= 1") @Max(value = 500, message = "size tối đa 500") int size,
            Access access) {
        return queries.tasksOf(planId, unitCode, page, size, access);
    }

    @Operation(summary = "Xem một nhiệm vụ · Read one task", description = """
            Nhiệm vụ với đơn vị thực hiện, vai trò chủ trì hay phối hợp, nội dung, sản phẩm, thời gian thực hiện và lịch, kèm \
            mọi lần thực hiện của nó theo hạn, mỗi lần với trạng thái và lịch sử tiến độ; nhiệm vụ ngoài phạm vi người gọi \
            được xem (đơn vị mình và cấp dưới, các kế hoạch gửi báo cáo qua đơn vị mình) được trả lời như không tồn tại. · The \
            task with its unit, lead or cooperating role, content, product, timeframe and schedule, and all its occurrences by \
            due date, each with its status and progress history; a task outside what the caller sees (its unit's and those \
            below, the plans reporting through its unit) is answered as if it did not exist.""")
    @GetMapping("/api/tasks/{taskId}")
    TaskView task(@PathVariable String taskId, Access access) {
        TaskQueries.TaskWithOccurrences found = queries.task(taskId, access);
        WorkingCalendar days = calendar.current();
        return new TaskView(found.task(), found.occurrences().stream().map(o -> Deadlined.of(o, o.dueDate(), days)).toList());
    }

    /** A task and its occurrences, each with the day it is judged by beside its due date as written. */
    record TaskView(Task task, List<Deadlined<TaskOccurrence>> occurrences) {
    }

    /** Tasks whose timeframe text could not be read, for a person to schedule by hand. */
    @Operation(summary = "Nhiệm vụ chưa đọc được thời gian thực hiện · Tasks with unread timeframes", description = """
            Các nhiệm vụ có thời gian thực hiện không hiểu được (`scheduleRecognised` = false), nên chưa có lần thực hiện nào, \
            chờ cán bộ đặt hạn bằng tay; lọc theo kế hoạch `planId` và đơn vị `unitCode`, sắp theo kế hoạch, thứ tự hoạt động \
            và đơn vị, không chia trang; chỉ gồm nhiệm vụ của đơn vị người gọi và các đơn vị cấp dưới. · The tasks whose \
            timeframe was not understood (`scheduleRecognised` = false), and so have no occurrence yet, waiting for a person \
            to set their due dates by hand; by plan `planId` and unit `unitCode`, ordered by plan, activity and unit, not \
            paged; only the tasks of the caller's unit and the units below it.""")
    @GetMapping("/api/tasks/unrecognised-schedules")
    List<Task> unrecognised(@RequestParam(required = false) String planId, @RequestParam(required = false) String unitCode,
            Access access) {
        return queries.unrecognisedSchedules(planId, unitCode, access);
    }

    @Operation(summary = "Đặt hạn hoàn thành bằng tay · Set a task's due dates by hand", description = """
            Đặt các hạn hoàn thành (`dueDates`, ngày ISO, đều trong năm kế hoạch) cho nhiệm vụ có thời gian thực hiện không \
            hiểu được; hạn trùng được gộp, sắp theo ngày, mỗi hạn thành một lần thực hiện ("Hạn 15/03/2025"). Chỉ đặt được một \
            lần: sau đó lịch của nhiệm vụ được coi là đã xác định. Phát lại `TaskAssigned` trên `task.events` với các lần thực \
            hiện mới, từ đó việc nhắc hạn và báo cáo tính đến các lần này. Trả về nhiệm vụ với lịch mới. Chỉ cán bộ, lãnh đạo \
            của đơn vị ban hành kế hoạch được đặt hạn; người đặt được ghi vào lịch sử của nhiệm vụ (`history`) và trên sự kiện.

            Sets the due dates (`dueDates`, ISO dates, all in the plan's year) of a task whose timeframe was not understood; \
            repeated dates are merged, sorted, and each becomes an occurrence ("Hạn 15/03/2025"). It can be done once: the \
            task's schedule then counts as known. Publishes `TaskAssigned` again on `task.events` with the new occurrences, \
            from which reminders and reports take them in. Answers the task with its new schedule. Only an officer or leader \
            of the unit that issued the plan may set them; who did is kept in the task's history (`history`) and on the event.""")
    @ProblemResponse(status = 409, description = "Kế hoạch đã bị hủy (`plan-cancelled`), đơn vị thực hiện đã giải thể hoặc sáp nhập (`unit-retired`), thời gian thực hiện đã hiểu được hoặc hạn đã được đặt (`schedule-already-set`), hoặc nhiệm vụ vừa bị người khác sửa (`concurrent-update`). · The plan was cancelled, the unit doing the work was dissolved or merged away, the timeframe was understood or the dates were already set, or someone else has just changed the task.")
    @ProblemResponse(status = 422, description = "Có hạn không thuộc năm của kế hoạch (`due-date-outside-plan-year`). · A due date outside the plan's year.")
    @PutMapping("/api/tasks/{taskId}/schedule")
    Task setSchedule(@PathVariable String taskId, @Valid @RequestBody ScheduleRequest request, Access access) {
        return tasks.setSchedule(taskId, request.dueDates(), access);
    }

    @Operation(summary = "Ghi nhận tiến độ · Record progress", description = """
            Ghi nhận tiến độ một lần thực hiện: đã hoàn thành hay chưa (`done`), ngày hoàn thành (`doneOn`, bắt buộc khi đã \
            hoàn thành, không sau hôm nay), số lượng sản phẩm (`count`), đường dẫn minh chứng (`links`, tối đa 50) và ghi chú \
            (`note`, tối đa 4000 ký tự). Tiến độ chỉ được ghi thêm, không sửa: điều chỉnh là một lần ghi mới, lần ghi sau cùng \
            quyết định trạng thái: hoàn thành đúng hạn nếu `doneOn` không sau hạn (việc đột xuất luôn đúng hạn), hoàn thành quá \
            hạn nếu sau hạn; chưa hoàn thành thì quá hạn nếu đã qua hạn. Phát `TaskCompleted` trên `task.events` khi lần thực \
            hiện được hoàn thành, hoặc khi ngày, số lượng, đường dẫn, ghi chú của lần hoàn thành thay đổi; phát `TaskReopened` \
            khi điều chỉnh từ đã hoàn thành về chưa hoàn thành (hạn có hiệu lực trở lại); các trường hợp khác không phát sự \
            kiện. Trả về lần thực hiện sau khi ghi. Chỉ cán bộ, lãnh đạo của đơn vị thực hiện được ghi nhận tiến độ; người ghi \
            được lưu cùng lần ghi (`recordedBy`) và trên sự kiện.

            Records progress on an occurrence: done or not (`done`), the day it was done (`doneOn`, required when done, not \
            after today), how many products (`count`), links to the evidence (`links`, at most 50) and a note (`note`, at most \
            4000 characters). Progress is only appended: a correction is a new entry, and the latest decides the status: done \
            on time if `doneOn` is not after the due date (on-demand work always is), done late if after; not done is overdue \
            once the due date has passed. Publishes `TaskCompleted` on `task.events` when the occurrence becomes done, or when \
            the date, count, links or note of its completion change; `TaskReopened` when corrected from done to not done (its \
            deadline stands again); nothing otherwise. Answers the occurrence as recorded. Only an officer or leader of the \
            unit doing the work may record progress; who recorded it is kept on the entry (`recordedBy`) and on the event.""")
    @ProblemResponse(status = 409, description = "Kế hoạch đã bị hủy (`plan-cancelled`) hoặc đơn vị thực hiện đã giải thể, sáp nhập (`unit-retired`), không ghi nhận tiến độ nữa, hoặc lần thực hiện vừa bị người khác sửa (`concurrent-update`). · The plan was cancelled, or the unit doing the work was dissolved or merged away, so progress is no longer recorded, or someone else has just changed the occurrence.")
    @ProblemResponse(status = 422, description = "Đã hoàn thành mà thiếu ngày hoàn thành (`done-date-missing`), hoặc ngày hoàn thành chưa tới (`done-date-in-future`). · Done without a date, or a date in the future.")
    @PostMapping("/api/occurrences/{occurrenceId}/progress")
    TaskOccurrence recordProgress(@PathVariable String occurrenceId, @Valid @RequestBody ProgressRequest request, Access access) {
        return tasks.recordProgress(occurrenceId, new ProgressEntry(clock.instant(), request.done(), request.doneOn(), request.count(),
                request.links(), request.note(), access.official().actor()), access);
    }

    @Operation(summary = "Tổng hợp tiến độ của một đơn vị · A unit's status counts", description = """
            Số lần thực hiện của chính đơn vị `unitCode` (không gồm đơn vị cấp dưới) theo trạng thái, trên mọi kế hoạch hoặc \
            riêng kế hoạch `planId`, cùng số lần đã đến hạn (`due`, hạn trước hôm nay), số đã hoàn thành trong đó (`dueDone`) và \
            tỷ lệ hoàn thành (`doneShare`, rỗng khi chưa có gì đến hạn). Việc làm xong sớm khi chưa đến hạn được tính là hoàn \
            thành đúng hạn nhưng chưa tính vào tỷ lệ. Chỉ hỏi được đơn vị của người gọi và các đơn vị cấp dưới.

            The counts per status of the occurrences of the unit `unitCode` itself (not the units below it), over every plan \
            or plan `planId` only, with how many are due (`due`, due before today), how many of those are done (`dueDone`) and \
            the share done (`doneShare`, null while nothing is due). Work done early whose day has not come counts as done on \
            time but not in the share. Only the caller's unit and the units below it can be asked about.""")
    @ProblemResponse(status = 404, description = "Không có đơn vị `unitCode` trong danh mục hoặc đơn vị nằm ngoài phạm vi người gọi được xem, hoặc dịch vụ chưa nhận kế hoạch `planId` hoặc người gọi không được xem kế hoạch đó (`not-found`). · No unit `unitCode` in the directory or one outside what the caller sees, or no plan `planId` known to this service or one the caller may not see.")
    @GetMapping("/api/rollups/units/{unitCode}")
    StatusCounts unitRollup(@PathVariable String unitCode, @RequestParam(required = false) String planId, Access access) {
        requireUnit(unitCode, access.sees(unitCode));
        if (planId != null) {
            requirePlan(planId, access);
        }
        return queries.unitCounts(unitCode, planId);
    }

    @Operation(summary = "Tổng hợp tiến độ kế hoạch theo đơn vị · A plan's roll-up by unit", description = """
            Với kế hoạch `planId` và các kế hoạch cấp dưới thực hiện nó: mỗi đơn vị từ `underUnit` trở xuống có nhiệm vụ, với \
            số lần thực hiện theo trạng thái của riêng đơn vị (`own`) và của cả đơn vị cùng cấp dưới (`subtree`), cùng tỷ lệ \
            hoàn thành như tổng hợp của một đơn vị; sắp từ cấp trên xuống rồi theo mã, để tỉnh, huyện thấy đơn vị nào chậm. \
            Chỉ tính và liệt kê đơn vị của người gọi và các đơn vị cấp dưới.

            For plan `planId` and the sub-plans that implement it: every unit at or below `underUnit` with work, with its \
            occurrences per status, its own (`own`) and with everything below it (`subtree`), and the share done as in a \
            unit's counts; from the top level down then by code, so a province or district sees which units lag. Only the \
            caller's unit and the units below it are counted and listed.""")
    @ProblemResponse(status = 404, description = "Dịch vụ chưa nhận kế hoạch `planId` hoặc người gọi không được xem kế hoạch đó, hoặc không có đơn vị `underUnit` trong danh mục hoặc đơn vị đó không phải đơn vị của người gọi, cấp dưới hay cấp trên (`not-found`). · No plan `planId` known to this service or one the caller may not see, or no unit `underUnit` in the directory or one that is neither the caller's, below it nor above it.")
    @GetMapping("/api/rollups/plans/{planId}")
    List<TaskQueries.UnitRollup> planRollup(@PathVariable String planId, @RequestParam String underUnit, Access access) {
        requirePlan(planId, access);
        // Asked about a unit above its own (its province, from a district), the official gets the lines of its own part.
        requireUnit(underUnit, access.sees(underUnit) || access.isAbove(underUnit));
        return queries.planRollup(planId, underUnit, access);
    }

    /**
     * An empty roll-up would read as "nothing to do": a plan or unit this service does not know is said to be unknown. A
     * plan the official may not see (one issued neither by its unit, a unit below nor a unit above) is answered alike.
     */
    private void requirePlan(String planId, Access access) {
        if (issuedPlans.issuerOf(planId).filter(issuer -> access.sees(issuer) || access.isAbove(issuer)).isEmpty()) {
            throw new NotFoundException("Không tìm thấy kế hoạch '" + planId + "'.");
        }
    }

    /** A unit outside what the official may ask about is answered as one the directory does not know. */
    private void requireUnit(String unitCode, boolean allowed) {
        if (!allowed || directory.find(unitCode).isEmpty()) {
            throw new NotFoundException("Không tìm thấy đơn vị '" + unitCode + "'.");
        }
    }
}
