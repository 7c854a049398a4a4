package vn.gov.par.plan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Owns the units directory, the plans and the cascade of sub-plan obligations. */
@OpenAPIDefinition(info = @Info(title = "plan-service · Đơn vị, kế hoạch và phân cấp kế hoạch · Units, plans and their cascade", version = "v1",
        description = """
                Quản lý danh mục đơn vị (tỉnh, huyện, xã, cơ quan chuyên môn), các kế hoạch thông tin, tuyên truyền cải cách hành \
                chính và việc phân cấp: khi một kế hoạch được ban hành, mỗi đơn vị cấp dưới phải ban hành kế hoạch của mình trước \
                thời hạn, với bản dự thảo chuẩn bị sẵn từ kế hoạch cấp trên. Phát sự kiện trên `plan.events` và `unit.events`.

                Owns the units directory (provinces, districts, communes, agencies), the plans for information and communication \
                on public-administration reform, and their cascade: once a plan is issued, every unit below it owes its own plan \
                by a deadline, pre-drafted from the parent. Publishes `plan.events` and `unit.events`.

                Lỗi trả về theo RFC 7807 (`application/problem+json`), nội dung bằng tiếng Việt, với mã `code` ổn định. \
                Errors are RFC 7807 problems in Vietnamese with a stable `code`."""))
@SpringBootApplication
@EnableScheduling
public class PlanServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlanServiceApplication.class, args);
    }
}
