package vn.gov.par.notification.mail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
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
 * {@code resilience4j.*.instances.smtp}). A refused address surfaces as {@link UndeliverableAddressException},
 * which the breaker ignores: one bad address says nothing about the mail server.
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

    @Retry(name = "smtp")
    @CircuitBreaker(name = "smtp")
    public String send(Digest digest) {
        MimeMessage message = sender.createMimeMessage();
        try {
            composer.compose(digest, message, from);
            sender.send(message);
            return composer.subject(digest);
        } catch (MessagingException e) {
            throw refusedOrNot(digest, e);
        } catch (MailException e) {
            throw refusedOrNot(digest, e);
        }
    }

    private static RuntimeException refusedOrNot(Digest digest, Exception e) {
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
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }
}
