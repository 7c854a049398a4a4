package vn.gov.par.console.gateway;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.filter.TokenRelayFilterFunctions.tokenRelay;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates.path;

import java.net.URI;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.filter.FormFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import vn.gov.par.console.ConsoleProperties;

/**
 * The platform's one origin: every service's API under its own paths, so a call written for a service's port works
 * unchanged against the console's. A request from a signed-in browser gets the official's access token added
 * (TokenRelay); a script's request keeps the token it carries. The services check either.
 *
 * <p>Paths a service answers under another service's prefix (a plan's tasks, a plan's reporting schedule) are listed
 * before that prefix: the first route that matches takes the request.
 */
@Configuration
class ApiRoutes {

    @Bean
    RouterFunction<ServerResponse> serviceApis(ConsoleProperties properties) {
        ConsoleProperties.ServiceUrls services = properties.services();
        return to("task-service", services.task(), "/api/plans/*/tasks", "/api/plans/*/unresolved-assignees", "/api/tasks/**",
                "/api/occurrences/**", "/api/rollups/units/**", "/api/rollups/plans/**", "/api/unresolved-assignees/**",
                "/api/timeframes/**")
                .and(to("report-service", services.report(), "/api/plans/*/reporting-schedule", "/api/reports/**",
                        "/api/rollups/reports", "/api/rollups/reports.docx", "/api/scores/**", "/api/reporting-schedules/**"))
                .and(to("notification-service", services.notification(), "/api/contacts/**", "/api/mail-log/**", "/api/holidays/**",
                        "/api/calendar-adjustments/**"))
                .and(to("plan-service", services.plan(), "/api/plans/**", "/api/units/**", "/api/plan-imports"));
    }

    /**
     * The gateway's form filter hides a form's fields from everything after it, so that a proxied form is sent on as a
     * body: on the API routes only, or the console's own forms would reach their controllers empty.
     */
    @Bean
    FormFilter formFilter() {
        return new FormFilter();
    }

    @Bean
    FilterRegistrationBean<FormFilter> formFilterOnTheApiOnly(FormFilter formFilter) {
        FilterRegistrationBean<FormFilter> registration = new FilterRegistrationBean<>(formFilter);
        registration.addUrlPatterns("/api/*");
        registration.setOrder(formFilter.getOrder());
        return registration;
    }

    private static RouterFunction<ServerResponse> to(String service, URI url, String... paths) {
        return route(service).route(path(paths), http()).before(uri(url)).filter(tokenRelay()).build();
    }
}
