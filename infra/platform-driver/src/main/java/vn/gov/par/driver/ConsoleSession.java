package vn.gov.par.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import vn.gov.par.localruntime.SignIn;

/**
 * An official signed in to the console as a browser is: the console sends them to Keycloak's sign-in page, the form
 * is filled in and sent, Keycloak sends them back with a code and the console opens a session. A harness then
 * requests pages with that session's cookie, so a page's time includes everything an official waits for.
 */
public final class ConsoleSession {

    /** Keycloak's sign-in form, and where it is sent: its action carries the login session and is HTML-escaped. */
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private ConsoleSession() {
    }

    /** Signs the user in with the local realm's demo password and answers the {@code Cookie} header of their session. */
    public static String signIn(URI console, String username) {
        Browser browser = new Browser();
        HttpResponse<String> signInPage = browser.follow(HttpRequest.newBuilder(console.resolve("/oauth2/authorization/keycloak")).GET());
        Matcher form = LOGIN_FORM.matcher(signInPage.body());
        Matcher action = ACTION.matcher(form.find() ? form.group() : "");
        if (!action.find()) {
            throw new IllegalStateException("No Keycloak sign-in form at " + signInPage.uri() + " (HTTP " + signInPage.statusCode() + ")");
        }
        String credentials = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(SignIn.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> home = browser.follow(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(credentials)));
        String session = browser.cookies.getOrDefault(console.getAuthority(), Map.of()).get("JSESSIONID");
        if (home.statusCode() != 200 || !home.uri().getAuthority().equals(console.getAuthority()) || session == null) {
            throw new IllegalStateException("The console did not sign " + username + " in: HTTP " + home.statusCode() + " at " + home.uri());
        }
        return "JSESSIONID=" + session;
    }

    /**
     * Redirects followed and cookies kept per host and port, as a browser does on localhost. Java's own cookie handler
     * will not do: it keeps Keycloak's {@code Secure} cookies off plain HTTP, which browsers allow on localhost.
     */
    private static final class Browser {

        private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private static final int MAX_REDIRECTS = 10;

        private final Map<String, Map<String, String>> cookies = new HashMap<>();

        HttpResponse<String> follow(HttpRequest.Builder first) {
            HttpRequest.Builder request = first;
            for (int redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
                HttpRequest built = withCookies(request).timeout(Duration.ofSeconds(30)).build();
                HttpResponse<String> response = send(built);
                keepCookies(response);
                Optional<String> location = response.headers().firstValue("Location");
                if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                    return response;
                }
                request = HttpRequest.newBuilder(built.uri().resolve(location.get())).GET();
            }
            throw new IllegalStateException("Too many redirects signing in to the console");
        }

        private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
            HttpRequest peek = request.copy().build();
            Map<String, String> jar = cookies.getOrDefault(peek.uri().getAuthority(), Map.of());
            if (!jar.isEmpty()) {
                request.setHeader("Cookie", jar.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
            }
            return request;
        }

        private void keepCookies(HttpResponse<String> response) {
            Map<String, String> jar = cookies.computeIfAbsent(response.uri().getAuthority(), host -> new LinkedHashMap<>());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String nameAndValue = setCookie.split(";", 2)[0];
                int equals = nameAndValue.indexOf('=');
                if (equals > 0) {
                    jar.put(nameAndValue.substring(0, equals).strip(), nameAndValue.substring(equals + 1).strip());
                }
            }
        }

        private static HttpResponse<String> send(HttpRequest request) {
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("No answer from " + request.uri(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
