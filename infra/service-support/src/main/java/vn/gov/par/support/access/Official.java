package vn.gov.par.support.access;

import java.util.Set;

import vn.gov.par.contracts.Actor;

/**
 * The signed-in person a request acts for, as the access token says: who (the provider's stable {@code subject}, and
 * the name shown to people), for which unit, and with which roles.
 *
 * @param unitCode null when the account is not attached to a unit: such an official sees and may change nothing
 */
public record Official(String subject, String name, String unitCode, Set<Role> roles) {

    public Official {
        roles = Set.copyOf(roles);
    }

    /** A leader holds every right of an officer too. */
    public boolean has(Role role) {
        return roles.contains(role) || role == Role.CAN_BO && roles.contains(Role.LANH_DAO);
    }

    /** Who did it, as the resource's history and the events it publishes keep it. */
    public Actor actor() {
        return new Actor(subject, name, unitCode);
    }
}
