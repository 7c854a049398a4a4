package vn.gov.par.console.signin;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpSession;
import vn.gov.par.console.services.PlatformApi;
import vn.gov.par.console.services.ServiceProblemException;

/**
 * Every page knows who is signed in ({@code official} in the model), with the unit's name read once per session; the
 * pages that show a refusal ask for it too, as model attributes do not reach an exception handler's page.
 */
@ControllerAdvice
public class SignedInOfficial {

    private static final String UNIT_NAME = SignedInOfficial.class.getName() + ".unitName";

    private final PlatformApi api;

    SignedInOfficial(PlatformApi api) {
        this.api = api;
    }

    @ModelAttribute("official")
    public Official official(@AuthenticationPrincipal OidcUser user, HttpSession session) {
        if (user == null) {
            return null;
        }
        String unitCode = user.getClaimAsString("unit_code");
        if (session.getAttribute(UNIT_NAME) == null && unitCode != null) {
            unitName(unitCode).ifPresent(name -> session.setAttribute(UNIT_NAME, name));
        }
        return Official.of(user, (String) session.getAttribute(UNIT_NAME));
    }

    private java.util.Optional<String> unitName(String unitCode) {
        try {
            UnitName unit = api.plans().get().uri("/api/units/{code}", unitCode).retrieve().body(UnitName.class);
            return java.util.Optional.ofNullable(unit).map(UnitName::name);
        } catch (ServiceProblemException unknownOrUnreachable) {
            return java.util.Optional.empty();
        }
    }

    record UnitName(String code, String name) {
    }
}
