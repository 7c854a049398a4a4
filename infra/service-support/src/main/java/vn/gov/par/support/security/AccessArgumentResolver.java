package vn.gov.par.support.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import vn.gov.par.support.access.Access;
import vn.gov.par.support.access.ReportingOffices;
import vn.gov.par.support.access.UnitLineage;

/** Hands a controller method that asks for it the {@link Access} of the official whose token the request carries. */
final class AccessArgumentResolver implements HandlerMethodArgumentResolver {

    private final UnitLineage lineage;
    private final ReportingOffices offices;

    AccessArgumentResolver(UnitLineage lineage, ReportingOffices offices) {
        this.lineage = lineage;
        this.offices = offices;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Access.class;
    }

    @Override
    public Access resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt token)) {
            // The filter chain lets no request without a valid token reach a controller; this would be a wiring mistake.
            throw new IllegalStateException("No access token on a request that reached " + parameter.getExecutable());
        }
        return new Access(OfficialFromToken.read(token), lineage, offices);
    }
}
