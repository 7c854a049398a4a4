package vn.gov.par.notification.maillog.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import vn.gov.par.notification.maillog.MailLog;
import vn.gov.par.notification.maillog.MailLogEntry;
import vn.gov.par.support.web.PageView;

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
    @GetMapping("/api/mail-log")
    PageView<MailLogEntry> find(@RequestParam(required = false) String unitCode, @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String planId, @RequestParam(required = false) String outcome,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "page phải >= 0") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "size phải >= 1") @Max(value = 500, message = "size tối đa 500") int size) {
        return mailLog.find(unitCode, recipient, planId, outcome, page, size);
    }
}
