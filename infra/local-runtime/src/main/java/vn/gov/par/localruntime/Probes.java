package vn.gov.par.localruntime;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;

/** Readiness checks that use each component's real protocol, not just an open port. */
final class Probes {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    private Probes() {
    }

    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The broker has registered with its controller and answers metadata requests. */
    static ReadinessProbe kafka(int port) {
        return () -> {
            // Checking the port first keeps the admin client from logging connection warnings meanwhile.
            if (!isListening(port)) {
                return false;
            }
            Admin admin = Admin.create(Map.<String, Object>of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
            try {
                return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
            } finally {
                admin.close(Duration.ofSeconds(1));
            }
        };
    }

    /** The server answers a Mongo {@code ping} command. */
    static ReadinessProbe mongo(int port) {
        return () -> {
            if (!isListening(port)) {
                return false;
            }
            MongoClientSettings settings = MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString("mongodb://localhost:" + port))
                    .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                    .build();
            try (MongoClient client = MongoClients.create(settings)) {
                client.getDatabase("admin").runCommand(new Document("ping", 1));
                return true;
            }
        };
    }

    /** GET answers 200. */
    static ReadinessProbe httpOk(URI uri) {
        return () -> get(uri).statusCode() == 200;
    }

    /** Spring Boot's actuator reports the application and everything it depends on as UP. */
    static ReadinessProbe springHealth(URI baseUrl) {
        return () -> {
            HttpResponse<String> response = get(baseUrl.resolve("/actuator/health"));
            return response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find();
        };
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
