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

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import vn.gov.par.notification.calendar.Holiday;
import vn.gov.par.notification.calendar.WorkingCalendars;
import vn.gov.par.notification.reminder.Deadlines;

/** The holiday calendar reminders follow, which operators extend as the government announces days off. */
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

    @GetMapping("/api/holidays")
    List<Holiday> holidays(@RequestParam @Min(value = 1968, message = "Năm phải từ 1968.") @Max(value = 2199, message = "Năm phải đến 2199.") int year) {
        return calendars.current().holidays(year);
    }

    @GetMapping("/api/calendar-adjustments")
    List<WorkingCalendars.Adjustment> adjustments() {
        return calendars.adjustments();
    }

    /** A day off (e.g. a compensatory holiday) or a working day (a make-up Saturday) for that date; reminders not yet sent follow it. */
    @PutMapping("/api/calendar-adjustments/{date}")
    WorkingCalendars.Adjustment adjust(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @RequestBody AdjustmentRequest request) {
        WorkingCalendars.Adjustment adjustment = new WorkingCalendars.Adjustment(date,
                request.name() == null || request.name().isBlank() ? (request.dayOff() ? "Ngày nghỉ bù" : "Ngày làm việc bù") : request.name().strip(),
                request.dayOff());
        calendars.adjust(adjustment);
        deadlines.replanPending();
        return adjustment;
    }

    @DeleteMapping("/api/calendar-adjustments/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        calendars.remove(date);
        deadlines.replanPending();
    }
}
