package vn.gov.par.support.security;

import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A token could not be checked because the provider's keys could not be had: the provider has not been reached since
 * the service started, or not for longer than the keys are kept. Nothing about the token itself is known to be wrong,
 * so it is answered 503, not 401.
 */
public class IdentityProviderUnavailableException extends JwtException {

    IdentityProviderUnavailableException(Throwable cause) {
        super("Không lấy được khóa ký của nhà cung cấp định danh: " + cause.getMessage(), cause);
    }
}
