package vn.gov.par.support.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.security.oauth2.jwt.Jwt;

import vn.gov.par.support.access.Official;
import vn.gov.par.support.access.Role;

/**
 * Reads the official out of a validated access token as the platform's realm shapes it: the unit from the
 * {@code unit_code} claim, the roles from the realm roles ({@code realm_access.roles}; others are ignored), the
 * name as Vietnamese write it, family name first ("Nguyễn Văn An", where the provider's {@code name} puts the given
 * name first).
 */
final class OfficialFromToken {

    private OfficialFromToken() {
    }

    static Official read(Jwt token) {
        return new Official(token.getSubject(), displayName(token), blankToNull(token.getClaimAsString("unit_code")), roles(token));
    }

    private static String displayName(Jwt token) {
        String family = blankToNull(token.getClaimAsString("family_name"));
        String given = blankToNull(token.getClaimAsString("given_name"));
        if (family != null || given != null) {
            return Stream.of(family, given).filter(part -> part != null).collect(Collectors.joining(" "));
        }
        return Stream.of(token.getClaimAsString("name"), token.getClaimAsString("preferred_username"), token.getSubject())
                .map(OfficialFromToken::blankToNull).filter(part -> part != null).findFirst().orElse(null);
    }

    private static Set<Role> roles(Jwt token) {
        Map<String, Object> realmAccess = token.getClaimAsMap("realm_access");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (realmAccess != null && realmAccess.get("roles") instanceof Collection<?> names) {
            for (Role role : Role.values()) {
                if (names.contains(role.name())) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
