package vn.gov.par.report;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Periodic reports: report obligations per unit and period, submissions, and their roll-up through the hierarchy. */
@OpenAPIDefinition(info = @Info(title = "report-service · Báo cáo định kỳ và tổng hợp báo cáo · Periodic reports and their roll-up", version = "v1",
        description = """
                Quản lý báo cáo định kỳ về công tác thông tin, tuyên truyền cải cách hành chính. Khi kế hoạch được ban hành, điều \
                khoản báo cáo được đọc thành lịch báo cáo (quý, 6 tháng, 9 tháng, năm; ngày chốt số liệu, hạn nộp); điều khoản \
                không đọc được thì chờ người đặt lịch bằng tay. Mỗi đơn vị cấp dưới được giao thực hiện kế hoạch phải nộp một \
                báo cáo cho từng kỳ tới đơn vị ban hành kế hoạch: đơn vị soạn báo cáo (bản nháp điền sẵn từ tiến độ nhiệm vụ) \
                và nộp; đơn vị nhận tiếp nhận hoặc trả lại để bổ sung, chỉnh sửa. Báo cáo được tổng hợp theo từng cấp (cả bản \
                Word theo thể thức văn bản hành chính), kèm điểm thực hiện kế hoạch của từng đơn vị. Nhận sự kiện từ \
                `plan.events`, `unit.events`, `task.events`; phát sự kiện trên `report.events` (`ReportPeriodsScheduled`, \
                `ReportsDue`, `ReportSubmitted`, `ReportReturned`, `ReportAccepted`, `ReportOverdue`).

                Owns the periodic reports on information and communication about public-administration reform. When a plan is \
                issued, its reporting clause is read into a schedule (quarter, 6 months, 9 months, year; data cut-off, due \
                date); a clause that cannot be read waits for a person to set the schedule by hand. Every unit below obliged \
                under the plan owes one report per period to the plan's issuer: the unit drafts it (pre-filled from its \
                task progress) and submits it; the recipient accepts it or returns it for correction. Reports roll up level by \
                level (also as a Word document in the administrative layout), with each unit's plan-execution score. Consumes \
                `plan.events`, `unit.events` and `task.events`; publishes on `report.events`.

                Lỗi trả về theo RFC 7807 (`application/problem+json`), nội dung bằng tiếng Việt, với mã `code` ổn định. \
                Errors are RFC 7807 problems in Vietnamese with a stable `code`."""))
@SpringBootApplication
@EnableScheduling
public class ReportServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportServiceApplication.class, args);
    }
}
