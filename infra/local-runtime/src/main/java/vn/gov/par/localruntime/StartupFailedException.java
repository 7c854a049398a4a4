package vn.gov.par.localruntime;

/** A component did not become ready; the message names it and quotes the end of its log. */
public class StartupFailedException extends Exception {
    public StartupFailedException(String message) {
        super(message);
    }
}
