package vn.gov.par.support.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be, under {@code par.web.request-body.*}. A JSON request is small; an import of a
 * whole directory is not (the national units CSV, three tiers with agencies, is about 12,000 rows of about 60 bytes:
 * under 1 MB as CSV, about 2 MB as JSON), so import paths get their own, larger limit.
 *
 * @param maxSize       the limit of every other request body
 * @param importMaxSize the limit of a body sent to an import path
 * @param importPaths   path patterns of the imports ({@code /api/units/import}, {@code /api/contacts/import})
 */
@ConfigurationProperties("par.web.request-body")
public record RequestBodyLimits(@DefaultValue("1MB") DataSize maxSize, @DefaultValue("16MB") DataSize importMaxSize,
        @DefaultValue("/api/*/import") List<String> importPaths) {
}
