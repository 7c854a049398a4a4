package vn.gov.par.console.admin;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.gov.par.console.services.Problem;
import vn.gov.par.console.services.ServiceProblemException;
import vn.gov.par.console.signin.Official;

/**
 * The administration pages are for administrators (QUAN_TRI) only: anyone else is refused before a page asks a service
 * anything, with the refusal page every service refusal gets, rather than a page of actions each refused one by one.
 */
@ControllerAdvice(basePackageClasses = AdministratorsOnly.class)
class AdministratorsOnly {

    /** Reads the roles from the sign-in itself, so as not to depend on the order the advices fill the model in. */
    @ModelAttribute
    void requireAdministrator(@AuthenticationPrincipal OidcUser user) {
        if (user == null || !Official.of(user, null).isAdministrator()) {
            throw new ServiceProblemException(Problem.refused(403, "role-required",
                    "Trang quản trị chỉ dành cho tài khoản có quyền Quản trị (QUAN_TRI). Nếu bạn cần thay đổi danh mục đơn vị, "
                            + "đầu mối liên hệ hay lịch làm việc, hãy liên hệ quản trị viên của đơn vị."));
        }
    }
}
