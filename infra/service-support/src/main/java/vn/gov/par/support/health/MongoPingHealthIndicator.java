package vn.gov.par.support.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Up when the store answers {@code ping}. Replaces Boot's indicator, whose {@code hello} command the
 * embedded mongo-java-server does not know; {@code ping} works on it and on a real MongoDB alike.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.status(((Number) answer.get("ok")).doubleValue() == 1.0 ? "UP" : "DOWN").withDetail("database", mongo.getDb().getName());
    }
}
