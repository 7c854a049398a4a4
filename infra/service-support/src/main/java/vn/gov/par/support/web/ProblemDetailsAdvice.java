package vn.gov.par.support.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import vn.gov.par.support.access.AccessRefusedException;
import vn.gov.par.support.domain.NotFoundException;
import vn.gov.par.support.domain.RuleViolationException;
import vn.gov.par.support.persistence.ConcurrentUpdateException;

/**
 * Every error leaves the services as an RFC 7807 problem whose title and detail an official can read
 * (Vietnamese), with a stable {@code code} for the console and, where several things are wrong, the
 * list of {@code errors}.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Không tìm thấy", e.getMessage());
    }

    @ExceptionHandler(AccessRefusedException.class)
    ProblemDetail accessRefused(AccessRefusedException e) {
        return problem(HttpStatus.FORBIDDEN, e.code(), "Không có quyền", e.getMessage());
    }

    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail ruleViolation(RuleViolationException e) {
        HttpStatus status = e.kind() == RuleViolationException.Kind.CONFLICT ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = problem(status, e.code(), "Yêu cầu không hợp lệ", e.getMessage());
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return problem;
    }

    @ExceptionHandler(ConcurrentUpdateException.class)
    ProblemDetail concurrentUpdate(ConcurrentUpdateException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-update", "Dữ liệu vừa được thay đổi",
                "Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại thao tác.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Tham số không hợp lệ",
                "Giá trị '" + e.getValue() + "' không hợp lệ cho tham số '" + e.getName() + "'.");
    }

    /** A Content-Type of multipart/form-data that the body does not follow (no boundary, cut short). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Nội dung yêu cầu không đọc được",
                "Nội dung gửi lên không đúng kiểu multipart/form-data đã khai báo.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error while handling a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Lỗi hệ thống",
                "Đã xảy ra lỗi không mong muốn. Vui lòng thử lại sau hoặc liên hệ quản trị viên.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.<String, Object>of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Dữ liệu không hợp lệ",
                "Có " + errors.size() + " trường dữ liệu không hợp lệ.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> errors = e.getAllErrors().stream().map(m -> String.valueOf(m.getDefaultMessage())).toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Dữ liệu không hợp lệ", String.join("; ", errors));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(bodyTooLarge(tooLarge));
            }
        }
        String detail = e.getCause() == null
                ? "Thiếu nội dung yêu cầu, hoặc nội dung không đọc được."
                : "Nội dung gửi lên không đúng định dạng JSON mong đợi (sai kiểu dữ liệu, ngày không hợp lệ hoặc thiếu dấu ngoặc).";
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Nội dung yêu cầu không đọc được", detail));
    }

    /**
     * What the framework itself refuses (a method or content type an endpoint does not take, a missing parameter, an
     * unknown path) gets the same problem as the rest: a stable code and a Vietnamese detail instead of Spring's English.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null || known.is5xxServerError()) {
            return super.handleExceptionInternal(e, unexpected(e), headers, HttpStatus.INTERNAL_SERVER_ERROR, request);
        }
        return super.handleExceptionInternal(e, FrameworkProblems.of(e, known), headers, status, request);
    }

    static ProblemDetail bodyTooLarge(RequestBodyTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Nội dung yêu cầu quá lớn", e.detail());
    }

    /** The problem as the JSON members it is written with, for a filter that answers before Spring MVC does. */
    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }

    static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:par:problem:" + code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }
}
