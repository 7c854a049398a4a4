package vn.gov.par.support.security;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.json.JsonMapper;
import vn.gov.par.support.PlatformProperties;
import vn.gov.par.support.access.Access;
import vn.gov.par.support.access.ReportingOffices;
import vn.gov.par.support.access.UnitLineage;
import vn.gov.par.support.health.IdentityProviderHealthIndicator;
import vn.gov.par.support.web.AccessProblems;

/**
 * Every API request carries a bearer token from the platform's OpenID Connect provider
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), checked against the provider's keys as
 * {@link IdentityProviderKeys} holds them, through an outage of the provider too; without a token, or with a bad one,
 * it is refused with a 401 problem and changes nothing; when it cannot be checked at all, 503. What probes, Prometheus and readers of the API documentation call stays open: restrict
 * those by network in production. No session and no CSRF token: nothing is remembered between requests, and a
 * bearer token is not sent by a browser on its own.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
public class ApiSecurityAutoConfiguration {

    /** Open to anyone who reaches the port. */
    static final String[] OPEN = {"/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    static {
        // An Access is who is asking, from the token, not something a client sends: kept out of the API documentation.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Access.class);
    }

    /**
     * Controllers take the asking official's {@link Access}, placed in the service's own units directory, with the plans
     * whose reports go through its unit where the service keeps them.
     */
    @Bean
    WebMvcConfigurer accessOfControllers(UnitLineage lineage, ObjectProvider<ReportingOffices> offices) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new AccessArgumentResolver(lineage, offices.getIfAvailable(() -> ReportingOffices.NONE)));
            }
        };
    }

    @Bean
    IdentityProviderKeys identityProviderKeys(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") URI issuer,
            PlatformProperties properties) {
        return new IdentityProviderKeys(issuer, properties.identityProvider());
    }

    @Bean
    JwtDecoder jwtDecoder(IdentityProviderKeys keys, MeterRegistry meters) {
        return new IdentityProviderJwtDecoder(keys, meters);
    }

    @Bean
    IdentityProviderHealthIndicator identityProviderHealthIndicator(IdentityProviderKeys keys, PlatformProperties properties) {
        return new IdentityProviderHealthIndicator(keys, ZoneId.of(properties.timeZone()));
    }

    @Bean
    AccessProblems accessProblems(JsonMapper json) {
        return new AccessProblems(json);
    }

    /** A path the firewall refuses is answered as a problem too, not with the servlet container's HTML page. */
    @Bean
    WebSecurityCustomizer pathsRefusedAsProblems(AccessProblems problems) {
        return web -> web.requestRejectedHandler(problems);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, AccessProblems problems) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.requestMatchers(OPEN).permitAll().anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder))
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems)
                        .withObjectPostProcessor(failuresAnsweredBy(problems)))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Spring Security lets a token that could not be checked at all reach the servlet container as a 500. */
    private static ObjectPostProcessor<BearerTokenAuthenticationFilter> failuresAnsweredBy(AccessProblems problems) {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler(problems);
                return filter;
            }
        };
    }
}
