package vn.gov.par.notification.reminder.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import vn.gov.par.notification.reminder.RemindersAhead;
import vn.gov.par.support.access.Access;

/** What reminders will go out, before they do. */
@Tag(name = "Nhắc việc sắp gửi · Reminders ahead", description = "Các thư nhắc việc sẽ được gửi trong những ngày tới. · The reminders planned for the coming days.")
@RestController
class RemindersAheadController {

    private final RemindersAhead ahead;

    RemindersAheadController(RemindersAhead ahead) {
        this.ahead = ahead;
    }

    @Operation(summary = "Nhắc việc sắp gửi · Reminders ahead", description = """
            Các thư nhắc việc sẽ gửi trong `days` ngày tới (mặc định 7, tối đa 31), theo thứ tự gửi: giờ gửi (`goesOutAt`; \
            thư đã đến giờ mà chưa gửi thì là lần gửi kế tiếp), giai đoạn (`BEFORE`, `ON_DAY`, `OVERDUE`, `ESCALATION`), đơn vị \
            nhận và từng người nhận (như khi gửi thật: người được nêu tên, hộp thư đơn vị nếu chưa ai được nêu tên; thư báo \
            đơn vị cấp dưới quá hạn gửi cả hộp thư của đơn vị giám sát), thư nhắc quá hạn tiếp theo nếu việc vẫn chưa xong, thời hạn ghi trên văn bản (`dueDate`) và hạn thực tế (`effectiveDueDate`, \
            ngày làm việc kế tiếp nếu hạn rơi vào ngày nghỉ). Lọc theo đơn vị (`unitCode`: đơn vị có thời hạn hoặc đơn vị nhận), \
            kế hoạch (`planId`), địa chỉ người nhận (`recipient`). Chỉ gồm nhắc việc về đơn vị của người gọi và cấp dưới, hoặc \
            gửi tới các đơn vị đó. Thư đã gửi xem ở nhật ký thư.

            The reminders that go out within `days` days (7 by default, at most 31), in send order: when (`goesOutAt`; one \
            already due and not yet sent goes out at the next send time), the stage, the unit written to and each recipient \
            (as the mail will be addressed), the overdue reminders that follow if the work is still not done, the deadline as written (`dueDate`) and the day it really ends \
            (`effectiveDueDate`, the next working day when the written one is a day off). Filter by unit (`unitCode`: the \
            deadline's or the one written to), plan (`planId`), recipient address (`recipient`). Only reminders about, or \
            written to, the caller's unit and the units below it. What was sent is in the mail log.""")
    @GetMapping("/api/reminders/ahead")
    List<RemindersAhead.Ahead> ahead(@RequestParam(defaultValue = "7") @Min(value = 1, message = "days phải >= 1")
            @Max(value = 31, message = "days tối đa 31") int days, @RequestParam(required = false) String unitCode,
            @RequestParam(required = false) String planId, @RequestParam(required = false) String recipient, Access access) {
        return ahead.within(days, unitCode, planId, recipient, access);
    }
}
