package vn.gov.par.notification.mail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends a digest through SMTP, retried with back-off and behind a circuit breaker (settings under
 * {@code resilience4j.*.instances.smtp}). Every failure says what it is about, because only one of them is
 * about the mail server: {@link MailServerUnavailableException} (retried, and what the breaker counts),
 * {@link UndeliverableAddressException} (one refused address) and {@link MailCompositionException} (this email
 * cannot be written; neither retried nor counted against the server).
 */
@Component
public class MailGateway {

    private final JavaMailSender sender;
    private final DigestMailComposer composer;
    private final String from;

    public MailGateway(JavaMailSender sender, DigestMailComposer composer, @Value("${par.notifications.from}") String from) {
        this.sender = sender;
        this.composer = composer;
        this.from = from;
    }

    /** Answers the subject of the email sent. */
    @Retry(name = "smtp")
    @CircuitBreaker(name = "smtp")
    public String send(Digest digest) {
        MimeMessage message = compose(digest);
        try {
            sender.send(message);
        } catch (MailPreparationException e) {
            throw refusedOr(digest, e, new MailCompositionException(e));
        } catch (MailException e) {
            throw refusedOr(digest, e, new MailServerUnavailableException(e));
        }
        return composer.subject(digest);
    }

    private MimeMessage compose(Digest digest) {
        MimeMessage message = sender.createMimeMessage();
        try {
            composer.compose(digest, message, from);
            return message;
        } catch (MessagingException | RuntimeException e) {
            throw refusedOr(digest, e, new MailCompositionException(e));
        }
    }

    private static RuntimeException refusedOr(Digest digest, Exception e, RuntimeException otherwise) {
        List<Throwable> suspects = new ArrayList<>();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            suspects.add(cause);
            if (cause instanceof MailSendException sendFailure) {
                suspects.addAll(Arrays.asList(sendFailure.getMessageExceptions()));
            }
        }
        for (Throwable suspect : suspects) {
            if (suspect instanceof AddressException || (suspect instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0)) {
                return new UndeliverableAddressException(digest.recipient().email(), suspect);
            }
        }
        return otherwise;
    }
}
