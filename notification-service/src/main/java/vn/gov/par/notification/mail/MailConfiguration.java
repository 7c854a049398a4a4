package vn.gov.par.notification.mail;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    /** Its own template engine: the digest has an HTML and a plain-text template, which Boot's MVC engine doesn't serve. */
    @Bean
    DigestMailComposer digestMailComposer(@Value("${par.notifications.console-url}") String consoleUrl, Clock clock) {
        return new DigestMailComposer(DigestMailComposer.standaloneEngine(), consoleUrl, clock);
    }
}
