package vn.gov.par.notification.mail;

/** The email could not be written (a template or data error): trying again will fail the same way. */
public class MailCompositionException extends RuntimeException {

    public MailCompositionException(Throwable cause) {
        super("Không soạn được thư: " + cause.getMessage(), cause);
    }
}
