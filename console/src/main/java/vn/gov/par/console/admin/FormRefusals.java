package vn.gov.par.console.admin;

import vn.gov.par.console.services.Problem;
import vn.gov.par.console.services.ServiceProblemException;

/** A refused form comes back with the service's problem above it, except a refused token: that session signs in again. */
final class FormRefusals {

    private FormRefusals() {
    }

    static Problem toShow(ServiceProblemException refused) {
        if (refused.problem().status() == 401) {
            throw refused;
        }
        return refused.problem();
    }
}
