package vn.gov.par.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Reminder and escalation emails before and after deadlines. */
@OpenAPIDefinition(info = @Info(title = "notification-service · Nhắc việc, nhắc hạn qua thư điện tử · Deadline reminders by email", version = "v1",
        description = """
                Theo dõi các thời hạn do các dịch vụ khác thông báo trên `plan.events`, `task.events` và `report.events` (ban hành \
                kế hoạch thực hiện của đơn vị cấp dưới, thực hiện nhiệm vụ, gửi báo cáo) và gửi thư nhắc việc cho đầu mối liên hệ \
                của đơn vị: nhắc trước hạn, nhắc đúng ngày đến hạn, nhắc quá hạn định kỳ, và báo cáo cấp trên khi quá hạn kéo dài; \
                mỗi người nhận một thư tổng hợp trong ngày. Ngày gửi tính theo ngày làm việc: ngày nghỉ lễ, Tết theo luật cùng các \
                ngày nghỉ bù, ngày làm việc bù do cán bộ quản trị ghi nhận. Quản lý danh bạ đầu mối liên hệ và hộp thư đơn vị, các \
                địa chỉ thư bị từ chối và nhật ký thư. Phát sự kiện trên `notification.events` (thư nhắc đã gửi, thư báo cáo cấp \
                trên đã gửi, thư không gửi được).

                Tracks the deadlines the other services announce on `plan.events`, `task.events` and `report.events` (a unit's \
                implementing plan, a task, a report) and mails reminders to each unit's contacts: before the deadline, on the day, \
                repeatedly once overdue, and an escalation to the supervising unit when long overdue; each recipient gets one \
                digest a day. Send dates follow the working calendar: the statutory holidays and Tết, plus the compensatory days \
                off and make-up working days operators record. Owns the contacts directory (responsible people and unit \
                mailboxes), the addresses that refuse mail, and the mail log. Publishes `notification.events` (reminder sent, \
                escalation sent, reminder failed).

                Lỗi trả về theo RFC 7807 (`application/problem+json`), nội dung bằng tiếng Việt, với mã `code` ổn định. \
                Errors are RFC 7807 problems in Vietnamese with a stable `code`."""))
@SpringBootApplication
@EnableScheduling
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
