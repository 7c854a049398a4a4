package vn.gov.par.task.schedule.web;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import vn.gov.par.task.assignment.PlanAssignments;
import vn.gov.par.task.schedule.Schedule;
import vn.gov.par.task.schedule.TimeframeParser;

/** Lets a person check how a timeframe phrase will be read before the plan is issued. */
@RestController
class TimeframeController {

    record ParseRequest(@NotNull(message = "Thiếu cụm từ thời gian (text).") String text,
            @NotNull(message = "Thiếu năm kế hoạch (year).") @Min(value = 2000, message = "Năm phải từ 2000.")
            @Max(value = 2100, message = "Năm phải đến 2100.") Integer year) {
    }

    @PostMapping("/api/timeframes/parse")
    Schedule parse(@Valid @RequestBody ParseRequest request) {
        return TimeframeParser.parse(request.text(), request.year(), PlanAssignments.quarterEnds(request.year()));
    }
}
