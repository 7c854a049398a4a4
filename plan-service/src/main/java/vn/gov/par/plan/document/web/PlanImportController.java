package vn.gov.par.plan.document.web;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import vn.gov.par.plan.document.PlanImports;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.web.apidocs.ProblemResponse;

@Tag(name = "Nhập kế hoạch từ văn bản · Plan documents in", description = "Đọc kế hoạch soạn bằng Word hoặc văn bản thành dự thảo. · "
        + "Read a plan written in Word or as text into a draft.")
@RestController
class PlanImportController {

    private final PlanImports imports;

    PlanImportController(PlanImports imports) {
        this.imports = imports;
    }

    /** @param fields the findings' fields confirmed ("document.number", "activities[2].leadUnits") */
    record Confirmations(@NotEmpty(message = "Cần nêu ít nhất một mục (fields).") List<String> fields) {
    }

    @Operation(summary = "Nhập kế hoạch từ văn bản · Import a plan document", description = """
            Đọc tệp kế hoạch (`file`: .docx, .txt hoặc .md, UTF-8) và lưu thành dự thảo của đơn vị `issuerCode`: phần đầu văn \
            bản (cơ quan ban hành, số, ký hiệu, địa danh, ngày), tên và năm, căn cứ, mục tiêu, yêu cầu, đối tượng, nội dung, \
            hình thức, kinh phí, các chỉ số, các hoạt động (từ bảng phụ lục, mục hoạt động trọng tâm, hoặc mục tổ chức thực \
            hiện), điều khoản báo cáo, yêu cầu xây dựng kế hoạch cấp dưới, nơi nhận và người ký. Trả về `planId`, `document` \
            như văn bản tự ghi, và `findings`: từng điều đọc được kèm vị trí (đoạn, ô bảng) và mức chắc chắn (READ; \
            READ_WITHOUT_DIACRITICS: chỉ khớp khi bỏ dấu, cần xem lại; NOT_UNDERSTOOD; MISSING), mọi tên đơn vị không có \
            trong danh mục, mọi thời gian không đọc được. Dự thảo xem và sửa như mọi dự thảo (`GET /api/plans/{planId}`).

            Reads the plan document (`file`: .docx, .txt or .md in UTF-8) into a draft of unit `issuerCode`: the header \
            (issuer, number, place, date), title and year, basis, objectives, requirements, audiences, topics, forms, \
            funding, indices, activities (from an appendix table, the key-activities part, or the responsibilities), the \
            reporting clause, the order to make sub-plans, recipients and signer. Answers the `planId`, the `document` as it \
            names itself, and `findings`: each thing read with where (paragraph, table cell) and how surely, every unit \
            name the directory lacks, every timeframe not understood. The draft is then read and edited as any other.

            Chỉ cán bộ hoặc lãnh đạo của đơn vị `issuerCode`. · Only an officer or leader of the issuing unit.""")
    @ProblemResponse(status = 404, description = "Không có đơn vị `issuerCode` trong danh mục. · No unit `issuerCode` in the directory.")
    @ProblemResponse(status = 413, description = "Tệp quá lớn. · The file is too large.")
    @ProblemResponse(status = 422, description = "Tệp rỗng (`document-empty`), không thuộc dạng nhận (`unsupported-document-type`), "
            + "không phải văn bản UTF-8 (`document-not-text`), tệp Word có mật khẩu (`document-protected-or-old`) hoặc hỏng "
            + "(`document-damaged`), hoặc không phải kế hoạch (`not-a-plan`); không gì được lưu. · Empty, of another kind, not UTF-8 "
            + "text, a protected or damaged .docx, or no plan; nothing is stored.")
    @PostMapping(path = "/api/plan-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    PlanImports.Imported importPlan(@RequestParam("file") MultipartFile file, @RequestParam String issuerCode, Access access) throws IOException {
        return imports.importDocument(file.getOriginalFilename(), file.getBytes(), issuerCode, access);
    }

    @Operation(summary = "Xác nhận đã xem các điểm đọc được · Confirm findings looked at", description = """
            Cán bộ, lãnh đạo của đơn vị ban hành dự thảo xác nhận đã xem các mục (`fields`) của kết quả đọc văn bản: đúng như đọc, \
            hoặc đã sửa trong dự thảo. Mục đã xác nhận giữ lần xác nhận đầu; mục không có trong kết quả bị từ chối. · An officer \
            or leader of the draft's unit confirms having looked at these fields of the review: right as read, or corrected in \
            the draft. A field confirmed already keeps its first confirmation; a field the review lacks is refused.""")
    @ProblemResponse(status = 404, description = "Không có dự thảo `planId` nhập từ văn bản. · No draft `planId` imported from a document.")
    @ProblemResponse(status = 422, description = "Mục không có trong kết quả đọc (`unknown-finding`). · A field the review lacks.")
    @PostMapping("/api/plan-imports/{planId}/confirmations")
    PlanImports.Imported confirm(@PathVariable String planId, @Valid @RequestBody Confirmations request, Access access) {
        return imports.confirm(planId, request.fields(), access);
    }

    @Operation(summary = "Xem lại kết quả đọc văn bản · Read an import's review again", description = """
            Kết quả đọc văn bản đã tạo dự thảo `planId`, như khi nhập: văn bản tự ghi, mọi điều đọc được và văn bản gốc (với tệp \
            .txt, .md). Ai xem được dự thảo thì xem được kết quả này; dự thảo không nhập từ văn bản trả 404. · The review of the \
            import that made draft `planId`, as answered then: the document as it names itself, every finding, and the original \
            text (of a .txt or .md). Whoever may read the draft may read it; a draft not imported is a 404.""")
    @GetMapping("/api/plan-imports/{planId}")
    PlanImports.Imported review(@PathVariable String planId, Access access) {
        return imports.of(planId, access);
    }
}
