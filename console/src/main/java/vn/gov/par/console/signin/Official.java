package vn.gov.par.console.signin;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in official as the console shows them: name, unit and roles from the identity provider's ID token.
 *
 * <p>The services decide what an official may do; the console only leaves out the buttons the services would refuse,
 * by the same rule (service-support's {@code Access}): one acts for one's own unit, with the role the action needs,
 * and a leader holds every right of an officer.
 *
 * @param unitName the unit's name from the units directory, or its code when the directory does not know it
 */
public record Official(String username, String name, String unitCode, String unitName, Set<String> roles) {

    public static final String OFFICER = "CAN_BO";
    public static final String LEADER = "LANH_DAO";
    public static final String ADMINISTRATOR = "QUAN_TRI";

    public static Official of(OidcUser user, String unitName) {
        String unitCode = user.getClaimAsString("unit_code");
        return new Official(user.getPreferredUsername(), vietnameseName(user), unitCode, unitName != null ? unitName : unitCode,
                realmRoles(user));
    }

    /** Family name first, as Vietnamese names are written (Nguyễn Văn Hạ), as the services name officials too. */
    private static String vietnameseName(OidcUser user) {
        String name = Stream.of(user.getFamilyName(), user.getGivenName()).filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(" "));
        return !name.isEmpty() ? name : user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
    }

    private static Set<String> realmRoles(OidcUser user) {
        if (user.getClaims().get("realm_access") instanceof Map<?, ?> realmAccess && realmAccess.get("roles") instanceof Collection<?> names) {
            return names.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    public boolean has(String role) {
        return roles.contains(role) || OFFICER.equals(role) && roles.contains(LEADER);
    }

    /** Whether the official may do, for this unit, what needs this role. */
    public boolean actsFor(String ownerUnitCode, String role) {
        return unitCode != null && unitCode.equals(ownerUnitCode) && has(role);
    }

    public boolean isLeader() {
        return has(LEADER);
    }

    public boolean isAdministrator() {
        return has(ADMINISTRATOR);
    }

    /** How the role reads beside the name: "Lãnh đạo", "Cán bộ", "Quản trị". */
    public String roleTitle() {
        return has(ADMINISTRATOR) ? "Quản trị" : has(LEADER) ? "Lãnh đạo" : has(OFFICER) ? "Cán bộ" : "Chưa được phân quyền";
    }
}
