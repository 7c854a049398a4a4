package vn.gov.par.notification.mail;

/** The mail server could not be reached or would not take mail: trying again later may help. */
public class MailServerUnavailableException extends RuntimeException {

    public MailServerUnavailableException(Throwable cause) {
        super("Máy chủ thư không sẵn sàng: " + cause.getMessage(), cause);
    }
}
