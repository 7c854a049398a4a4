package vn.gov.par.support.domain;

import java.util.List;

/**
 * A request that breaks a domain rule (an invalid transition, a bad import, a number already taken).
 * The message and the errors are shown to the user, in Vietnamese; {@code code} is stable for machines.
 */
public class RuleViolationException extends RuntimeException {

    private final String code;
    private final Kind kind;
    private final List<?> errors;

    public enum Kind {
        /** The request itself is invalid: 422. */
        INVALID,
        /** The request is valid but conflicts with the current state: 409. */
        CONFLICT
    }

    public RuleViolationException(Kind kind, String code, String message, List<?> errors) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public static RuleViolationException invalid(String code, String message) {
        return new RuleViolationException(Kind.INVALID, code, message, List.of());
    }

    public static RuleViolationException conflict(String code, String message) {
        return new RuleViolationException(Kind.CONFLICT, code, message, List.of());
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public List<?> errors() {
        return errors;
    }
}
