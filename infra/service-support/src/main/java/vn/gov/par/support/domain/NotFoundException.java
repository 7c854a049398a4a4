package vn.gov.par.support.domain;

/** The thing asked for does not exist. Its message is shown to the user, in Vietnamese. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
