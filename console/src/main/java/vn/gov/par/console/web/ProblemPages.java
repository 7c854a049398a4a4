package vn.gov.par.console.web;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import vn.gov.par.console.services.Problem;
import vn.gov.par.console.services.ServiceProblemException;
import vn.gov.par.console.signin.SignedInOfficial;

/**
 * A service's refusal shown plainly, with the status it answered (a 403 stays a 403, a 404 a 404): what was refused
 * and why, in the service's own words. A session whose token the services no longer accept signs in again.
 */
@ControllerAdvice
class ProblemPages {

    private static final Logger log = LoggerFactory.getLogger(ProblemPages.class);

    private static final Duration FRESH_SESSION = Duration.ofMinutes(1);

    private final SignedInOfficial signedIn;

    ProblemPages(SignedInOfficial signedIn) {
        this.signedIn = signedIn;
    }

    @ExceptionHandler(ServiceProblemException.class)
    ModelAndView refused(ServiceProblemException e, HttpServletRequest request, HttpServletResponse response) {
        Problem problem = e.problem();
        if (problem.status() == HttpStatus.UNAUTHORIZED.value() && !signedInJustNow(request)) {
            return signInAgain(request);
        }
        if (problem.status() >= 500) {
            log.warn("{} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        }
        ModelAndView page = new ModelAndView("problem");
        page.addObject("problem", problem);
        if (request.getUserPrincipal() instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user) {
            page.addObject("official", signedIn.official(user, request.getSession()));
        }
        page.setStatus(HttpStatus.valueOf(problem.status()));
        return page;
    }

    /** The refresh token expired too (the identity provider's session ended): sign in again, then come back. */
    @ExceptionHandler(ClientAuthorizationException.class)
    ModelAndView sessionEnded(HttpServletRequest request) {
        return signInAgain(request);
    }

    /**
     * A token refused right after signing in is not an expired session but a platform whose services do not trust the
     * identity provider the console uses: signing in again would only loop, so the refusal is shown instead.
     */
    private static boolean signedInJustNow(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && System.currentTimeMillis() - session.getCreationTime() < FRESH_SESSION.toMillis();
    }

    private static ModelAndView signInAgain(HttpServletRequest request) {
        request.getSession().invalidate();
        return new ModelAndView("redirect:" + request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
    }
}
