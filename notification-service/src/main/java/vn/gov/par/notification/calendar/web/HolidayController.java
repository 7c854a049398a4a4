package vn.gov.par.notification.calendar.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import vn.gov.par.support.calendar.Holiday;
import vn.gov.par.notification.calendar.WorkingCalendars;
import vn.gov.par.notification.reminder.Deadlines;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.web.apidocs.NeverNotFound;
import vn.gov.par.support.web.apidocs.ProblemResponse;

/** The holiday calendar reminders follow, which operators extend as the government announces days off. */
@Tag(name = "Lịch làm việc · Working calendar", description = "Ngày nghỉ lễ, Tết và các ngày nghỉ bù, ngày làm việc bù mà lịch nhắc việc tuân theo. · The holidays, compensatory days off and make-up working days reminders follow.")
@RestController
class HolidayController {

    private final WorkingCalendars calendars;
    private final Deadlines deadlines;

    HolidayController(WorkingCalendars calendars, Deadlines deadlines) {
        this.calendars = calendars;
        this.deadlines = deadlines;
    }

    record AdjustmentRequest(String name, @NotNull(message = "Cần nêu là ngày nghỉ hay ngày làm việc (dayOff).") Boolean dayOff) {
    }

    @Operation(summary = "Ngày nghỉ lễ trong năm · A year's holidays", description = """
            Các ngày nghỉ lễ, Tết trong năm theo Bộ luật Lao động 2019 (Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ Hùng Vương tính \
            theo âm lịch, 30/4, 1/5, Quốc khánh 2/9 và 1/9), cộng các ngày nghỉ bù do cán bộ quản trị ghi nhận, trừ những ngày \
            đã được ghi nhận là ngày làm việc; mỗi ngày một dòng, sắp theo ngày. Ngày lễ rơi vào thứ Bảy, Chủ nhật vẫn được liệt \
            kê. Năm (`year`) từ 1968 đến 2199.

            The year's statutory holidays under the 2019 Labour Code (New Year's Day, Tết, the Hùng Kings' day by the lunar \
            calendar, 30/4, 1/5, National Day 2/9 and 1/9), plus the days off operators recorded, less the dates recorded as \
            working days; one per date, by date. A holiday on a weekend is listed all the same. `year` from 1968 to 2199.""")
    @GetMapping("/api/holidays")
    List<Holiday> holidays(@RequestParam @Min(value = 1968, message = "Năm phải từ 1968.") @Max(value = 2199, message = "Năm phải đến 2199.") int year) {
        return calendars.current().holidays(year);
    }

    @Operation(summary = "Ngày nghỉ bù, ngày làm việc bù đã ghi nhận · Calendar adjustments", description = """
            Các ngày cán bộ quản trị đã ghi nhận là ngày nghỉ (ngày nghỉ bù theo thông báo của Chính phủ, nghỉ 3/9 thay 1/9, sửa \
            ngày lễ âm lịch tính sai) hoặc ngày làm việc (thứ Bảy làm việc bù, ngày lễ theo luật mà năm đó không nghỉ), sắp theo \
            ngày, mỗi ngày kèm người ghi nhận và thời điểm (`lastChange`). · The dates operators recorded as days off \
            (compensatory days off the government announced, 3/9 instead of 1/9, a wrongly computed lunar holiday) or as \
            working days (make-up Saturdays, a statutory day not taken off that year), by date, each with who recorded it and \
            when (`lastChange`).""")
    @GetMapping("/api/calendar-adjustments")
    List<WorkingCalendars.Adjustment> adjustments() {
        return calendars.adjustments();
    }

    /** A day off (e.g. a compensatory holiday) or a working day (a make-up Saturday) for that date; reminders not yet sent follow it. */
    @Operation(summary = "Ghi nhận ngày nghỉ bù hoặc ngày làm việc bù · Set a day off or a working day", description = """
            Ghi nhận ngày `date` (dạng `yyyy-MM-dd`) là ngày nghỉ (`dayOff: true`, ví dụ ngày nghỉ bù theo thông báo của Chính \
            phủ) hoặc ngày làm việc (`dayOff: false`, ví dụ thứ Bảy làm việc bù), thay cho điều đã ghi nhận trước đó về ngày \
            này. Không nêu tên (`name`) thì lấy tên "Ngày nghỉ bù" hoặc "Ngày làm việc bù". Các nhắc việc chưa đến giờ gửi được \
            lập lại lịch theo lịch làm việc mới; thư đã gửi không bị ảnh hưởng. Phát WorkingCalendarChanged trên `calendar.events`: \
            hạn thực tế của nhiệm vụ, báo cáo, kế hoạch cấp dưới ở các dịch vụ khác theo lịch mới. Lịch làm việc áp dụng cho cả \
            nước: chỉ quản trị (QUAN_TRI) của đơn vị cấp cao nhất trong danh mục được thay đổi.

            Records the date `date` (`yyyy-MM-dd`) as a day off (`dayOff: true`, e.g. a compensatory day off the government \
            announced) or a working day (`dayOff: false`, e.g. a make-up Saturday), replacing whatever was recorded for that \
            date. Without a `name` it is named "Ngày nghỉ bù" or "Ngày làm việc bù". Every reminder not yet due is rescheduled \
            by the new calendar; mail already sent is untouched. Publishes WorkingCalendarChanged on `calendar.events`: the other \
            services' effective deadlines of tasks, reports and sub-plans follow the new calendar. The calendar holds nationwide: only an \
            administrator (QUAN_TRI) of the unit at the head of the directory may change it.""")
    @ProblemResponse(status = 400, description = "Ngày `date` không đúng dạng `yyyy-MM-dd` hoặc không có thật (`invalid-parameter`), thiếu `dayOff` (`validation-failed`), hoặc nội dung không đọc được (`unreadable-body`). · The date is not a real `yyyy-MM-dd` date, `dayOff` is missing, or the body is unreadable.")
    @NeverNotFound
    @PutMapping("/api/calendar-adjustments/{date}")
    WorkingCalendars.Adjustment adjust(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @RequestBody AdjustmentRequest request, Access access) {
        WorkingCalendars.Adjustment adjustment = calendars.adjust(date,
                request.name() == null || request.name().isBlank() ? (request.dayOff() ? "Ngày nghỉ bù" : "Ngày làm việc bù") : request.name().strip(),
                request.dayOff(), access);
        deadlines.replanPending();
        return adjustment;
    }

    @Operation(summary = "Xóa ngày nghỉ bù, ngày làm việc bù đã ghi nhận · Remove a calendar adjustment", description = """
            Xóa điều đã ghi nhận về ngày `date` (dạng `yyyy-MM-dd`): ngày đó trở lại như lịch mặc định (làm việc từ thứ Hai đến \
            thứ Sáu, trừ ngày nghỉ lễ, Tết theo luật). Các nhắc việc chưa đến giờ gửi được lập lại lịch. Ngày chưa ghi nhận gì \
            thì không có gì thay đổi, vẫn trả về 204. Phát WorkingCalendarChanged như khi ghi nhận. Chỉ quản trị (QUAN_TRI) của đơn vị cấp cao nhất trong \
            danh mục được xóa, vì lịch làm việc áp dụng cho cả nước. · Removes what was recorded for the date: it is again \
            as the default calendar has it (Monday to Friday, except the statutory holidays). Every reminder not yet due is \
            rescheduled. A date with nothing recorded changes nothing and still answers 204. Publishes WorkingCalendarChanged, as \
            setting one does. Only an \
            administrator (QUAN_TRI) of the unit at the head of the directory may do it, as the calendar holds nationwide.""")
    @ProblemResponse(status = 400, description = "Ngày `date` không đúng dạng `yyyy-MM-dd` hoặc không có thật (`invalid-parameter`). · The date is not a real `yyyy-MM-dd` date.")
    @NeverNotFound
    @DeleteMapping("/api/calendar-adjustments/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Access access) {
        calendars.remove(date, access);
        deadlines.replanPending();
    }
}
