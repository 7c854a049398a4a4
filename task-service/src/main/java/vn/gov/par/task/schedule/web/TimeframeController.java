package vn.gov.par.task.schedule.web;

import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import vn.gov.par.task.schedule.Occurrence;
import vn.gov.par.task.schedule.Schedule;
import vn.gov.par.task.schedule.ScheduleKind;
import vn.gov.par.task.schedule.TimeframeParser;

/** Lets a person check how a timeframe phrase will be read before the plan is issued. */
@RestController
class TimeframeController {

    private static final String CHECKED_AT_REPORT_PERIODS = "Tiến độ được kiểm tra vào mỗi kỳ báo cáo của kế hoạch.";

    record ParseRequest(@NotNull(message = "Thiếu cụm từ thời gian (text).") String text,
            @NotNull(message = "Thiếu năm kế hoạch (year).") @Min(value = 2000, message = "Năm phải từ 2000.")
            @Max(value = 2100, message = "Năm phải đến 2100.") Integer year) {
    }

    /** The schedule as it will be read, and, for work with no dates of its own, when it will be checked. */
    record Preview(String text, ScheduleKind kind, boolean recognised, List<Occurrence> occurrences, String note) {
    }

    @PostMapping("/api/timeframes/parse")
    Preview parse(@Valid @RequestBody ParseRequest request) {
        Schedule schedule = TimeframeParser.parse(request.text(), request.year());
        return new Preview(schedule.text(), schedule.kind(), schedule.recognised(), schedule.occurrences(),
                schedule.kind().checkedAtReportPeriods() ? CHECKED_AT_REPORT_PERIODS : null);
    }
}
