package vn.gov.par.task.task.web;

import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.gov.par.support.timeframe.Occurrence;
import vn.gov.par.support.timeframe.Schedule;
import vn.gov.par.support.timeframe.ScheduleKind;
import vn.gov.par.support.timeframe.TimeframeParser;

/** Lets a person check how a timeframe phrase will be read before the plan is issued. */
@Tag(name = "Thời gian thực hiện · Timeframes", description = "Xem trước cách đọc cụm từ thời gian thực hiện của một hoạt động. · Preview how an activity's timeframe phrase is read.")
@RestController
class TimeframeController {

    private static final String CHECKED_AT_REPORT_PERIODS = "Tiến độ được kiểm tra vào mỗi kỳ báo cáo của kế hoạch.";

    record ParseRequest(@NotNull(message = "Thiếu cụm từ thời gian (text).") String text,
            @NotNull(message = "Thiếu năm kế hoạch (year).") @Min(value = 2000, message = "Năm phải từ 2000.")
            @Max(value = 2100, message = "Năm phải đến 2100.") Integer year) {
    }

    record ParseAllRequest(@NotNull(message = "Thiếu các cụm từ thời gian (texts).")
            @Size(max = 200, message = "Tối đa 200 cụm từ mỗi lần.") List<@NotNull(message = "Cụm từ thời gian không được để trống.") String> texts,
            @NotNull(message = "Thiếu năm kế hoạch (year).") @Min(value = 2000, message = "Năm phải từ 2000.")
            @Max(value = 2100, message = "Năm phải đến 2100.") Integer year) {
    }

    /** The schedule as it will be read, and, for work with no dates of its own, when it will be checked. */
    record Preview(String text, ScheduleKind kind, boolean recognised, List<Occurrence> occurrences, String note) {
    }

    @Operation(summary = "Xem trước lịch thực hiện · Preview a timeframe", description = """
            Đọc cụm từ thời gian thực hiện `text` ("hàng quý", "chậm nhất trong tháng 02/2025", "thường xuyên"..., có hoặc không \
            dấu) theo năm kế hoạch `year` (từ 2000 đến 2100), đúng như khi giao nhiệm vụ lúc kế hoạch được ban hành: loại lịch \
            (`kind`), có hiểu được hay không (`recognised`) và các lần thực hiện với hạn hoàn thành. Năm ghi trong cụm từ được \
            ưu tiên hơn năm kế hoạch; khi giao, lần nào có hạn trước ngày ban hành kế hoạch thì không được giao. Việc thường \
            xuyên, định kỳ không có hạn riêng: `note` cho biết tiến độ được kiểm tra vào mỗi kỳ báo cáo của kế hoạch. Cụm từ \
            không hiểu được trả về loại `UNRECOGNISED`, không bị từ chối: sau khi ban hành, hạn của nhiệm vụ đó phải đặt bằng \
            tay. Không lưu gì, không phát sự kiện nào. Mọi cán bộ đã đăng nhập đều dùng được.

            Reads a timeframe phrase `text` ("hàng quý", "chậm nhất trong tháng 02/2025", "thường xuyên"..., with or without \
            diacritics) for the plan's year `year` (2000 to 2100), exactly as tasks are scheduled when the plan is issued: the \
            schedule kind (`kind`), whether it was understood (`recognised`) and the occurrences with their due dates. A year \
            written in the phrase wins over the plan's year; when tasks are assigned, occurrences due before the plan's issue \
            date are left out. Ongoing and periodic work has no dates of its own: `note` says it is checked at each of the \
            plan's report periods. A phrase not understood comes back as `UNRECOGNISED`, not as an error: once the plan is \
            issued, that task's dates are set by hand. Stores nothing and publishes no event. Any signed-in official may use it.""")
    @PostMapping("/api/timeframes/parse")
    Preview parse(@Valid @RequestBody ParseRequest request) {
        return preview(request.text(), request.year());
    }

    @Operation(summary = "Xem trước lịch thực hiện của cả bảng hoạt động · Preview every timeframe of a plan", description = """
            Như `POST /api/timeframes/parse`, cho mọi cụm từ `texts` của một kế hoạch năm `year` trong một lần gọi (tối đa \
            200): cách đọc từng cụm từ, đúng thứ tự đã gửi. Trang kế hoạch của bảng điều khiển đọc cả bảng hoạt động một lần \
            như thế. Không lưu gì, không phát sự kiện nào. Mọi cán bộ đã đăng nhập đều dùng được.

            As `POST /api/timeframes/parse`, for every phrase `texts` of a plan of year `year` in one call (at most 200): how \
            each is read, in the order sent. The console's plan page reads a whole activities table so. Stores nothing and \
            publishes no event. Any signed-in official may use it.""")
    @PostMapping("/api/timeframes/parse-all")
    List<Preview> parseAll(@Valid @RequestBody ParseAllRequest request) {
        return request.texts().stream().map(text -> preview(text, request.year())).toList();
    }

    private static Preview preview(String text, int year) {
        Schedule schedule = TimeframeParser.parse(text, year);
        return new Preview(schedule.text(), schedule.kind(), schedule.recognised(), schedule.occurrences(),
                schedule.kind().checkedAtReportPeriods() ? CHECKED_AT_REPORT_PERIODS : null);
    }
}
