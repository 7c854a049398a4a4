package vn.gov.par.console.signin;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How officials sign in to the console and how the console passes their identity on. Pages need a signed-in session,
 * obtained from the identity provider with the authorization code flow (PKCE, the console being a public client), and
 * every form is protected against cross-site requests. The API routes stay open here: the services themselves check
 * the token, which the console adds from the session ({@code TokenRelay}) or which a script sends itself.
 */
@Configuration
class SignInConfiguration {

    /** The services decide who may call the API; a request with its own token needs no session nor CSRF token. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        RequestMatcher carriesToken = request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(carriesToken))
                .exceptionHandling(refusals -> refusals.accessDeniedHandler(SignInConfiguration::withoutFormToken))
                .build();
    }

    /** A browser's change without the page's form token: another site may be acting in the official's name. */
    private static void withoutFormToken(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("""
                {"type": "urn:par:problem:csrf-token-missing", "title": "Không có quyền", "status": 403, "code": "csrf-token-missing", \
                "detail": "Yêu cầu thay đổi dữ liệu từ trình duyệt phải kèm mã bảo vệ của trang (CSRF) hoặc mã truy cập (Authorization); \
                yêu cầu này không có, nên không được thực hiện. Hãy tải lại trang rồi thử lại."}""");
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler signOutEverywhere = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signOutEverywhere.setPostLogoutRedirectUri("{baseUrl}/");
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/webjars/**", "/css/**",
                                "/favicon.ico", "/error")
                        .permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(Customizer.withDefaults())
                .logout(logout -> logout.logoutSuccessHandler(signOutEverywhere))
                .build();
    }

    /** Gives the signed-in official's access token to the gateway and the page controllers, refreshing it when due. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
        return manager;
    }
}
