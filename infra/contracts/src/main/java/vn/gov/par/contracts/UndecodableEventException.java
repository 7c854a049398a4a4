package vn.gov.par.contracts;

/** An event that no retry can ever process: it belongs in the dead-letter topic, with this reason. */
public class UndecodableEventException extends RuntimeException {

    public enum Reason { MALFORMED, UNKNOWN_TYPE, UNSUPPORTED_VERSION, INVALID_PAYLOAD }

    private final Reason reason;

    public UndecodableEventException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
