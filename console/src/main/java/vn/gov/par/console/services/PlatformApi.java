package vn.gov.par.console.services;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.gov.par.console.ConsoleProperties;

/**
 * The four services' HTTP APIs as the page controllers call them: each call carries the signed-in official's access
 * token (refreshed when due), and a refusal comes back as a {@link ServiceProblemException} with the service's own
 * problem, so a page can show it. The console owns no data: everything it shows comes through here.
 */
@Component
public class PlatformApi implements DisposableBean {

    /** Calls made beside requests at once, across all requests; more wait their turn. */
    private static final int CALLS_AT_ONCE = 32;

    /** The registration the console signs officials in with (application.yml). */
    static final String REGISTRATION = "keycloak";

    private final RestClient plans;
    private final RestClient tasks;
    private final RestClient reports;
    private final RestClient notifications;
    private final ThreadPoolTaskExecutor meanwhile = callsBesideTheRequest();

    PlatformApi(RestClient.Builder builder, ConsoleProperties properties, OAuth2AuthorizedClientManager authorizedClients,
            OAuth2AuthorizedClientRepository authorizedClientRepository, ObjectMapper json) {
        OAuth2ClientHttpRequestInterceptor officialsToken = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        officialsToken.setClientRegistrationIdResolver(request -> REGISTRATION);
        // A token the service no longer accepts is dropped, so the next page signs the official in again.
        officialsToken.setAuthorizationFailureHandler(OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClientRepository));
        ConsoleProperties.ServiceUrls urls = properties.services();
        this.plans = client(builder, urls.plan(), "kế hoạch", officialsToken, json);
        this.tasks = client(builder, urls.task(), "nhiệm vụ", officialsToken, json);
        this.reports = client(builder, urls.report(), "báo cáo", officialsToken, json);
        this.notifications = client(builder, urls.notification(), "nhắc việc", officialsToken, json);
    }

    /** plan-service: plans, the cascade, the units directory. */
    public RestClient plans() {
        return plans;
    }

    /** task-service: tasks, occurrences, progress, work roll-ups. */
    public RestClient tasks() {
        return tasks;
    }

    /** report-service: reports, reviews, report roll-ups. */
    public RestClient reports() {
        return reports;
    }

    /** notification-service: contacts, the calendar, the mail log. */
    public RestClient notifications() {
        return notifications;
    }

    /**
     * Starts a call now and gives its answer later, so that a page asking several things at once waits for the slowest
     * of them rather than for their sum. The call runs with the official's request and sign-in, as it would in place.
     */
    public <T> Pending<T> meanwhile(Supplier<T> call) {
        return new Pending<>(CompletableFuture.supplyAsync(call, meanwhile));
    }

    @Override
    public void destroy() {
        meanwhile.shutdown();
    }

    /** Threads that take the request's attributes and security context with each call: the token relay reads both. */
    private static ThreadPoolTaskExecutor callsBesideTheRequest() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("service-call-");
        executor.setCorePoolSize(CALLS_AT_ONCE);
        executor.setMaxPoolSize(CALLS_AT_ONCE);
        executor.setTaskDecorator(call -> {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            SecurityContext signIn = SecurityContextHolder.getContext();
            return () -> {
                RequestContextHolder.setRequestAttributes(request);
                SecurityContextHolder.setContext(signIn);
                try {
                    call.run();
                } finally {
                    SecurityContextHolder.clearContext();
                    RequestContextHolder.resetRequestAttributes();
                }
            };
        });
        executor.initialize();
        return executor;
    }

    private static RestClient client(RestClient.Builder builder, URI baseUrl, String serviceName, OAuth2ClientHttpRequestInterceptor token,
            ObjectMapper json) {
        ClientHttpRequestInterceptor unreachable = (request, body, execution) -> {
            try {
                return execution.execute(request, body);
            } catch (IOException e) {
                throw new ServiceProblemException(Problem.unavailable(serviceName));
            }
        };
        return builder.clone()
                .baseUrl(baseUrl)
                .requestInterceptor(unreachable)
                .requestInterceptor(token)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw new ServiceProblemException(problemOf(response, json));
                })
                .build();
    }

    private static Problem problemOf(ClientHttpResponse response, ObjectMapper json) throws IOException {
        int status = response.getStatusCode().value();
        try (InputStream body = response.getBody()) {
            Map<String, Object> members = json.readValue(body, new TypeReference<Map<String, Object>>() { });
            return Problem.of(status, members == null ? Map.of() : members);
        } catch (RuntimeException notAProblem) {
            return Problem.of(status, Map.of("detail", "Dịch vụ trả lời lỗi " + status + "."));
        }
    }
}
