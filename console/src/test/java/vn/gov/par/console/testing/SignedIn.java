package vn.gov.par.console.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

/**
 * An official signed in to the console as the identity provider would leave them: an OIDC session with their unit and
 * realm roles in the ID token, and an access token ({@code token-of-<username>}) the console sends the services.
 */
public final class SignedIn {

    private final WebApplicationContext context;

    public SignedIn(WebApplicationContext context) {
        this.context = context;
    }

    public RequestPostProcessor as(String username, String fullName, String unitCode, String... roles) {
        ClientRegistration registration = context.getBean(ClientRegistrationRepository.class).findByRegistrationId("keycloak");
        Instant now = Instant.now();
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token-of-" + username).issuedAt(now).expiresAt(now.plusSeconds(900))
                .subject("sub-" + username).claim("preferred_username", username).claim("name", fullName)
                .claim("family_name", fullName.substring(0, fullName.indexOf(' '))).claim("given_name", fullName.substring(fullName.indexOf(' ') + 1))
                .claim("unit_code", unitCode).claim("realm_access", Map.of("roles", List.of(roles))).build();
        DefaultOidcUser user = new DefaultOidcUser(Set.of(new SimpleGrantedAuthority("OIDC_USER")), idToken, "preferred_username");
        OAuth2AuthenticationToken authentication = new OAuth2AuthenticationToken(user, user.getAuthorities(), "keycloak");
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-of-" + username, now,
                now.plusSeconds(900));
        return request -> {
            context.getBean(OAuth2AuthorizedClientRepository.class).saveAuthorizedClient(
                    new OAuth2AuthorizedClient(registration, username, accessToken), authentication, request, new MockHttpServletResponse());
            return SecurityMockMvcRequestPostProcessors.authentication(authentication).postProcessRequest(request);
        };
    }

    public RequestPostProcessor provinceLeader() {
        return as("tinh.lanhdao", "Trần Tuệ Hiền", "70", "LANH_DAO");
    }

    public RequestPostProcessor districtLeader() {
        return as("honquan.lanhdao", "Nguyễn Văn Hạ", "694", "LANH_DAO");
    }

    public RequestPostProcessor districtOfficer() {
        return as("honquan.canbo", "Lê Thị Mai", "694", "CAN_BO");
    }

    /** The demo realm's administrator: of the unit heading the directory (Chính phủ), so of every unit. */
    public RequestPostProcessor administrator() {
        return as("quantri", "Hệ thống Quản trị", "TW", "QUAN_TRI");
    }

    /** An administrator of a province: its own units only, and not the nationwide working calendar. */
    public RequestPostProcessor provinceAdministrator() {
        return as("tinh.quantri", "Đỗ Minh Khoa", "70", "QUAN_TRI");
    }

    public RequestPostProcessor communeOfficer() {
        return as("thanhan.canbo", "Phạm Văn Tài", "25327", "CAN_BO");
    }
}
