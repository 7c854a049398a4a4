package vn.gov.par.support.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.support.security.IdentityProviderUnavailableException;

/**
 * A request refused for who sent it, answered like every other refusal: an RFC 7807 problem in Vietnamese with a
 * stable {@code code} (401 {@code unauthenticated} without a token, {@code invalid-token} with one that is expired,
 * forged or from another issuer; 403 {@code forbidden}), beside the {@code WWW-Authenticate} header OAuth 2.0 asks for;
 * a token that cannot be checked because the provider's keys cannot be had, 503 {@code identity-provider-unavailable};
 * and a path the security firewall refuses, 400 {@code invalid-path}.
 */
public class AccessProblems implements AuthenticationEntryPoint, AuthenticationFailureHandler, AccessDeniedHandler,
        RequestRejectedHandler {

    /** How long a client is asked to wait before trying again when the provider's keys cannot be had. */
    private static final String RETRY_AFTER_SECONDS = "30";

    private final AuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
    private final AccessDeniedHandler bearerDenial = new BearerTokenAccessDeniedHandler();
    private final JsonMapper json;

    public AccessProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException, ServletException {
        bearerChallenge.commence(request, response, refused);
        write(response, refused instanceof InvalidBearerTokenException
                ? ProblemDetailsAdvice.problem(HttpStatus.UNAUTHORIZED, "invalid-token", "Phiên đăng nhập không hợp lệ",
                        "Mã truy cập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.")
                : ProblemDetailsAdvice.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Chưa đăng nhập",
                        "Cần đăng nhập để thực hiện yêu cầu này: gửi kèm mã truy cập (Authorization: Bearer ...)."));
    }

    /**
     * A bearer token that could not be authenticated: refused as {@link #commence} says, unless it could not be checked
     * at all. Other failures of the checking itself are left to the servlet container, as Spring Security does.
     */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException failed)
            throws IOException, ServletException {
        if (failed.getCause() instanceof IdentityProviderUnavailableException) {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            write(response, ProblemDetailsAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                    "Chưa kiểm tra được đăng nhập",
                    "Hệ thống chưa liên lạc được máy chủ đăng nhập để kiểm tra mã truy cập. Vui lòng thử lại sau ít phút."));
            return;
        }
        if (failed instanceof AuthenticationServiceException) {
            throw failed;
        }
        commence(request, response, failed);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        bearerDenial.handle(request, response, denied);
        write(response, ProblemDetailsAdvice.problem(HttpStatus.FORBIDDEN, "forbidden", "Không có quyền",
                "Tài khoản của bạn không có quyền thực hiện thao tác này."));
    }

    /** A path the security firewall will not route (a "..", an encoded slash): refused before anything reads it. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) throws IOException {
        write(response, ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "invalid-path", "Đường dẫn không hợp lệ",
                "Đường dẫn của yêu cầu có ký tự hoặc đoạn không được phép (ví dụ '..' hay dấu '/' được mã hóa)."));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ProblemDetailsAdvice.asMap(problem));
    }
}
