package vn.gov.par.support.web;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The Vietnamese problem for a request Spring MVC refuses before any of our code runs. */
final class FrameworkProblems {

    private FrameworkProblems() {
    }

    static ProblemDetail of(Exception e, HttpStatus status) {
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            String allowed = m.getSupportedHttpMethods() == null ? ""
                    : "; địa chỉ này chỉ nhận " + m.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", "));
            return ProblemDetailsAdvice.problem(status, "method-not-allowed", "Phương thức không được hỗ trợ",
                    "Địa chỉ này không nhận phương thức " + m.getMethod() + allowed + ".");
        }
        if (e instanceof HttpMediaTypeNotSupportedException m) {
            String sent = m.getContentType() == null ? "(không nêu)" : "'" + m.getContentType() + "'";
            return ProblemDetailsAdvice.problem(status, "unsupported-media-type", "Kiểu nội dung không được hỗ trợ",
                    "Kiểu nội dung " + sent + " không được nhận; hãy gửi " + joined(m.getSupportedMediaTypes()) + ".");
        }
        if (e instanceof HttpMediaTypeNotAcceptableException m) {
            return ProblemDetailsAdvice.problem(status, "not-acceptable", "Không trả được kiểu nội dung yêu cầu",
                    "Không thể trả lời theo kiểu nội dung yêu cầu (Accept); có thể trả: " + joined(m.getSupportedMediaTypes()) + ".");
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return ProblemDetailsAdvice.problem(status, "missing-parameter", "Thiếu tham số",
                    "Thiếu tham số '" + m.getParameterName() + "'.");
        }
        if (e instanceof NoResourceFoundException m) {
            return ProblemDetailsAdvice.problem(status, "not-found", "Không tìm thấy", "Không có địa chỉ /" + m.getResourcePath() + ".");
        }
        return ProblemDetailsAdvice.problem(status, "bad-request", "Yêu cầu không hợp lệ",
                "Yêu cầu không hợp lệ (" + status.value() + "). Vui lòng kiểm tra lại địa chỉ, tham số và nội dung gửi lên.");
    }

    private static String joined(List<MediaType> types) {
        return types.isEmpty() ? "kiểu khác" : types.stream().map(MediaType::toString).collect(Collectors.joining(", "));
    }
}
