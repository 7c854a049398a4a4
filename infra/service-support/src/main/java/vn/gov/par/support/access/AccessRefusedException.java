package vn.gov.par.support.access;

/**
 * A request the signed-in official may not make: answered 403 with this stable {@code code} and a Vietnamese reason,
 * before anything is changed.
 */
public class AccessRefusedException extends RuntimeException {

    private final String code;

    AccessRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
