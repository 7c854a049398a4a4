package vn.gov.par.support.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bson.Document;
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
import vn.gov.par.support.outbox.OutboxMessage;

/**
 * Writing many aggregates at once keeps the one-by-one rules: an id already taken keeps what it holds (and is named back,
 * so the caller reads only those), a changed one is not overwritten.
 */
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

        assertThat(reminders.insertAllIfAbsent(List.of(new Reminder("r1", "before"), new Reminder("r2", "before"),
                new Reminder("r3", "on the day")))).as("the ids found taken").containsExactly("r2");

        assertThat(reminders.find(new Query())).containsExactlyInAnyOrder(new Reminder("r1", "before"),
                new Reminder("r2", "sent already"), new Reminder("r3", "on the day"));
        assertThat(reminders.find("r1")).hasValueSatisfying(r -> assertThat(r.revision()).isZero());
        assertThat(reminders.find("r2")).hasValueSatisfying(r -> assertThat(r.revision()).isZero());
    }

    @Test
    void aRedeliveredBatchInsertsNothingAndChangesNothing() {
        AggregateStore<Reminder> reminders = store("reminders-again");
        List<Reminder> batch = List.of(new Reminder("r1", "before"), new Reminder("r2", "overdue"));
        assertThat(reminders.insertAllIfAbsent(batch)).isEmpty();

        assertThat(reminders.insertAllIfAbsent(List.of(new Reminder("r1", "sent again"), new Reminder("r2", "overdue"))))
                .containsExactlyInAnyOrder("r1", "r2");
        assertThat(reminders.insertAllIfAbsent(List.of())).isEmpty();

        assertThat(reminders.find(new Query())).containsExactlyInAnyOrderElementsOf(batch);
    }

    @Test
    void eachAggregateInsertedInOneGoCarriesItsOwnEventsWaitingForTheRelayAndOneAlreadyThereQueuesNothingAgain() {
        AggregateStore<Reminder> reminders = store("reminders-with-events");
        reminders.insertIfAbsent(new Reminder("r2", "sent already"), List.of());

        reminders.insertAllIfAbsent(List.of(new Reminder("r1", "before"), new Reminder("r2", "before")), r -> List.of(event(r)));

        assertThat(outboxIds("reminders-with-events", "r1")).containsExactly("event-r1");
        assertThat(outboxIds("reminders-with-events", "r2")).isEmpty();
        assertThat(mongo().findById("r1", Document.class, "reminders-with-events")).as("waiting for the relay").containsKey(AggregateStore.OUTBOX_SINCE);
        assertThat(mongo().findById("r2", Document.class, "reminders-with-events")).doesNotContainKey(AggregateStore.OUTBOX_SINCE);
    }

    @Test
    void aBatchOfUpdatesWritesOnlyTheAggregatesStillAtTheRevisionTheyWereReadAt() {
        AggregateStore<Reminder> reminders = store("reminders-updated");
        reminders.insertAllIfAbsent(List.of(new Reminder("r1", "pending"), new Reminder("r2", "pending")));
        Versioned<Reminder> r1 = reminders.find("r1").orElseThrow();
        Versioned<Reminder> r2 = reminders.find("r2").orElseThrow();
        reminders.update(new Reminder("r2", "cancelled meanwhile"), r2.revision(), List.of());

        long written = reminders.updateAllUnlessChanged(List.of(new Versioned<>(new Reminder("r1", "sent"), r1.revision()),
                new Versioned<>(new Reminder("r2", "sent"), r2.revision())));

        assertThat(written).isEqualTo(1);
        assertThat(reminders.find(new Query())).containsExactlyInAnyOrder(new Reminder("r1", "sent"), new Reminder("r2", "cancelled meanwhile"));
        assertThat(reminders.find("r1")).hasValueSatisfying(r -> assertThat(r.revision()).isEqualTo(r1.revision() + 1));
    }

    @Test
    void aBatchOfUpdatesQueuesTheEventsOfOnlyTheAggregatesItWrote() {
        AggregateStore<Reminder> reminders = store("reminders-announced");
        reminders.insertAllIfAbsent(List.of(new Reminder("r1", "pending"), new Reminder("r2", "pending")));
        Versioned<Reminder> r1 = reminders.find("r1").orElseThrow();
        Versioned<Reminder> r2 = reminders.find("r2").orElseThrow();
        reminders.update(new Reminder("r2", "announced by another sweeper"), r2.revision(), List.of());

        long written = reminders.updateAllUnlessChanged(List.of(new Versioned<>(new Reminder("r1", "announced"), r1.revision()),
                new Versioned<>(new Reminder("r2", "announced"), r2.revision())), r -> List.of(event(r)));

        assertThat(written).isEqualTo(1);
        assertThat(reminders.find(new Query())).containsExactlyInAnyOrder(new Reminder("r1", "announced"),
                new Reminder("r2", "announced by another sweeper"));
        assertThat(outboxIds("reminders-announced", "r1")).containsExactly("event-r1");
        assertThat(mongo().findById("r1", Document.class, "reminders-announced")).as("waiting for the relay").containsKey(AggregateStore.OUTBOX_SINCE);
        assertThat(outboxIds("reminders-announced", "r2")).isEmpty();
        assertThat(mongo().findById("r2", Document.class, "reminders-announced")).doesNotContainKey(AggregateStore.OUTBOX_SINCE);
    }

    private static OutboxMessage event(Reminder reminder) {
        return new OutboxMessage("event-" + reminder.id(), "notification.events", reminder.id(), "ReminderPlanned", "{}", Map.of());
    }

    private static List<String> outboxIds(String collection, String id) {
        Document stored = mongo().findById(id, Document.class, collection);
        return stored.getList(AggregateStore.OUTBOX, Document.class).stream().map(e -> e.getString("eventId")).toList();
    }

    private static MongoTemplate mongo() {
        return new MongoTemplate(new SimpleMongoClientDatabaseFactory(mongoClient, "aggregate-store-test"));
    }

    private static AggregateStore<Reminder> store(String collection) {
        return new AggregateStore<>(mongo(), Reminder.class, collection, Reminder::id);
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
