package vn.gov.par.support.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Inserting many aggregates at once keeps the one-by-one rule: an id already taken keeps what it holds. */
class AggregateStoreTest {

    record Reminder(String id, String stage) {
    }

    private static MongoServer mongoServer;
    private static MongoClient mongoClient;

    @BeforeAll
    static void startStore() {
        mongoServer = new MongoServer(new MemoryBackend());
        mongoClient = MongoClients.create("mongodb://" + hostAndPort(mongoServer.bind()));
    }

    @AfterAll
    static void stopStore() {
        mongoClient.close();
        mongoServer.shutdownNow();
    }

    @Test
    void insertsInOneGoOnlyTheAggregatesWhoseIdsAreFree() {
        AggregateStore<Reminder> reminders = store("reminders-mixed");
        reminders.insertIfAbsent(new Reminder("r2", "sent already"), List.of());

        reminders.insertAllIfAbsent(List.of(new Reminder("r1", "before"), new Reminder("r2", "before"),
                new Reminder("r3", "on the day")));

        assertThat(reminders.find(new Query())).containsExactlyInAnyOrder(new Reminder("r1", "before"),
                new Reminder("r2", "sent already"), new Reminder("r3", "on the day"));
        assertThat(reminders.find("r1")).hasValueSatisfying(r -> assertThat(r.revision()).isZero());
        assertThat(reminders.find("r2")).hasValueSatisfying(r -> assertThat(r.revision()).isZero());
    }

    @Test
    void aRedeliveredBatchInsertsNothingAndChangesNothing() {
        AggregateStore<Reminder> reminders = store("reminders-again");
        List<Reminder> batch = List.of(new Reminder("r1", "before"), new Reminder("r2", "overdue"));
        reminders.insertAllIfAbsent(batch);

        reminders.insertAllIfAbsent(List.of(new Reminder("r1", "sent again"), new Reminder("r2", "overdue")));
        reminders.insertAllIfAbsent(List.of());

        assertThat(reminders.find(new Query())).containsExactlyInAnyOrderElementsOf(batch);
    }

    private static AggregateStore<Reminder> store(String collection) {
        MongoTemplate mongo = new MongoTemplate(new SimpleMongoClientDatabaseFactory(mongoClient, "aggregate-store-test"));
        return new AggregateStore<>(mongo, Reminder.class, collection, Reminder::id);
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
