package vn.gov.par.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import vn.gov.par.support.persistence.AggregateStore;

/**
 * What the service asks the store while a test runs an action: the filter of every command that selects documents,
 * by collection. Only the thread running the action is recorded, so consumers and the relay working meanwhile
 * do not count. Every {@link PlatformIntegrationTest} context has one.
 */
public class StoreCommands implements MongoClientSettingsBuilderCustomizer, CommandListener {

    /** One selection: {@code filter} is what the command selects documents by (empty: all of them). */
    public record Command(String name, String collection, BsonDocument filter) {

        /** Whether the store can find the documents by their ids rather than by reading the collection. */
        public boolean byIdOnly() {
            return filter.containsKey("_id") && Set.of("_id", AggregateStore.REVISION).containsAll(filter.keySet());
        }
    }

    private final ThreadLocal<List<Command>> recording = new ThreadLocal<>();

    public List<Command> during(Runnable action) {
        List<Command> commands = new ArrayList<>();
        recording.set(commands);
        try {
            action.run();
        } finally {
            recording.remove();
        }
        return commands;
    }

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        settings.addCommandListener(this);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        List<Command> commands = recording.get();
        if (commands == null) {
            return;
        }
        // A copy: the driver reuses the command's buffer once it is sent.
        BsonDocument command = event.getCommand().clone();
        BsonValue collection = command.get(event.getCommandName());
        if (collection == null || !collection.isString()) {
            return;
        }
        for (BsonDocument filter : filtersOf(event.getCommandName(), command)) {
            commands.add(new Command(event.getCommandName(), collection.asString().getValue(), filter));
        }
    }

    private static List<BsonDocument> filtersOf(String name, BsonDocument command) {
        return switch (name) {
            case "find" -> List.of(command.getDocument("filter", new BsonDocument()));
            case "count", "distinct", "findAndModify" -> List.of(command.getDocument("query", new BsonDocument()));
            case "update" -> statements(command, "updates");
            case "delete" -> statements(command, "deletes");
            case "aggregate" -> List.of(firstMatch(command));
            default -> List.of();
        };
    }

    private static List<BsonDocument> statements(BsonDocument command, String field) {
        return command.getArray(field).stream().map(s -> s.asDocument().getDocument("q")).toList();
    }

    private static BsonDocument firstMatch(BsonDocument command) {
        BsonDocument first = command.getArray("pipeline").isEmpty() ? new BsonDocument() : command.getArray("pipeline").get(0).asDocument();
        return first.getDocument("$match", new BsonDocument());
    }
}
