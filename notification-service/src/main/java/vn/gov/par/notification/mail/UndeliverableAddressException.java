package vn.gov.par.notification.mail;

/** The mail server (or the address itself) refuses this recipient: retrying later will not help. */
public class UndeliverableAddressException extends RuntimeException {

    public UndeliverableAddressException(String address, Throwable cause) {
        super("Địa chỉ '" + address + "' không nhận được thư: " + cause.getMessage(), cause);
    }
}
