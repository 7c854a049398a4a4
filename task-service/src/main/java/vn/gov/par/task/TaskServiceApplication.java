package vn.gov.par.task;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Tasks: the activities plans assign to lead and cooperating units, their occurrences, progress and status. */
@OpenAPIDefinition(info = @Info(title = "task-service · Nhiệm vụ, lịch thực hiện và tiến độ · Tasks, schedules and progress", version = "v1",
        description = """
                Giao các hoạt động của kế hoạch đã ban hành thành nhiệm vụ cho từng cơ quan chủ trì, phối hợp mà kế hoạch \
                nêu (kể cả các nhóm như "UBND các xã, thị trấn"), đọc cụm từ thời gian thực hiện ("hàng quý", "chậm nhất trong \
                tháng 02/2025", "thường xuyên") thành các lần thực hiện có hạn, ghi nhận tiến độ thành lịch sử, đánh dấu quá hạn \
                một lần và tổng hợp theo đơn vị, kế hoạch. Tên cơ quan thực hiện không khớp đơn vị nào trong danh mục được lưu \
                lại để cán bộ xem xét, xử lý. Nhiệm vụ được giao từ sự kiện `PlanIssued`, không qua API. Phát sự kiện trên \
                `task.events`.

                Turns the activities of issued plans into tasks for each lead and cooperating unit they name (groups such as \
                "UBND các xã, thị trấn" included), reads the timeframe phrases ("hàng quý", "chậm nhất trong tháng 02/2025", \
                "thường xuyên") into dated occurrences, keeps progress as history, marks overdue work once, and rolls it up by \
                unit and plan. Assignee texts that name no unit are kept for a person to settle. Tasks are assigned from \
                `PlanIssued`, not through the API. Publishes `task.events`.

                Lỗi trả về theo RFC 7807 (`application/problem+json`), nội dung bằng tiếng Việt, với mã `code` ổn định. \
                Errors are RFC 7807 problems in Vietnamese with a stable `code`."""))
@SpringBootApplication
@EnableScheduling
public class TaskServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TaskServiceApplication.class, args);
    }
}
