package vn.gov.par.console;

import java.net.URI;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param services where each of the four services answers
 * @param timeZone the zone of every date and time shown to officials
 */
@ConfigurationProperties("par.console")
public record ConsoleProperties(ServiceUrls services, ZoneId timeZone) {

    public record ServiceUrls(URI plan, URI task, URI report, URI notification) {
    }
}
