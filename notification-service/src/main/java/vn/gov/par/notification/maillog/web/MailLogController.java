package vn.gov.par.notification.maillog.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import vn.gov.par.notification.maillog.MailLog;
import vn.gov.par.notification.maillog.MailLogEntry;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.web.PageView;

@Tag(name = "Nhật ký thư · Mail log", description = "Mọi lần gửi thư nhắc việc và kết quả. · Every attempt to mail a reminder, and how it ended.")
@RestController
class MailLogController {

    private final MailLog mailLog;

    MailLogController(MailLog mailLog) {
        this.mailLog = mailLog;
    }

    /**
     * Every mail attempt, newest first; {@code outcome=FAILED} lists what could not be sent (a refused address, an email
     * that could not be written) for operators to look at.
     */
    @Operation(summary = "Tra cứu nhật ký thư · Search the mail log", description = """
            Mỗi lần gửi thư nhắc việc cho một người nhận, mới nhất trước: người nhận và đơn vị của họ, thời hạn (loại `SUB_PLAN`, \
            `TASK`, `REPORT`), kế hoạch, đơn vị có thời hạn, giai đoạn nhắc (`BEFORE`, `ON_DAY`, `OVERDUE`, `ESCALATION`) và kết \
            quả `outcome`: `SENT` đã gửi, `RESENT` gửi lại sau sự cố, `FAILED` không gửi được (địa chỉ bị từ chối, thư không \
            tạo được), `DEFERRED` máy chủ thư chưa sẵn sàng nên sẽ gửi lại, `UNREACHABLE` đơn vị chưa có địa chỉ nhận thư. Lọc \
            theo đơn vị (`unitCode`: đơn vị có thời hạn hoặc đơn vị của người nhận), địa chỉ người nhận (`recipient`, đúng nguyên \
            văn), kế hoạch (`planId`) và kết quả; `outcome=FAILED` là những thư cán bộ vận hành cần xem xét. Từng trang (`page` \
            từ 0, `size` tối đa 500). Chỉ gồm thư về đơn vị của người gọi và các đơn vị cấp dưới (là đơn vị có thời hạn hoặc đơn \
            vị của người nhận).

            Every attempt to mail a reminder to one recipient, newest first: the recipient and their unit, the deadline (kind \
            `SUB_PLAN`, `TASK`, `REPORT`), its plan and unit, the stage (`BEFORE`, `ON_DAY`, `OVERDUE`, `ESCALATION`) and the \
            `outcome`: `SENT`, `RESENT` after a crash, `FAILED` for good (a refused address, an email that could not be \
            written), `DEFERRED` while the mail server is unavailable (tried again later), `UNREACHABLE` when the unit has no \
            address. Filter by unit (`unitCode`: the deadline's unit or the recipient's), recipient address (`recipient`, \
            exactly as written), plan (`planId`) and outcome; `outcome=FAILED` is what operators should look at. A page at a \
            time (`page` from 0, `size` at most 500). Only mail about the caller's own unit and the units below it (as the \
            deadline's unit or the recipient's).""")
    @GetMapping("/api/mail-log")
    PageView<MailLogEntry> find(@RequestParam(required = false) String unitCode, @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String planId, @RequestParam(required = false) String outcome,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "page phải >= 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "size phải >= 1") @Max(value = 500, message = "size tối đa 500") int size,
            Access access) {
        return mailLog.find(unitCode, recipient, planId, outcome, page, size, access);
    }
}
