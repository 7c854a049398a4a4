package vn.gov.par.localruntime.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/** mongo-java-server's H2 backend, made to keep what it acknowledged and to look keys up without serialising them. */
public final class LocalMongoBackend extends H2Backend {

    private final StoreCounters counters = new StoreCounters();

    public LocalMongoBackend(Path file) {
        super(new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMiB()).open());
    }

    /**
     * H2 keeps 16 MiB of pages by default; every page read beyond that is deserialised again (Java serialisation of
     * every document on it), which took a third of the store's time in the national benchmark. A third of the heap
     * holds the pages read most.
     */
    private static int cacheMiB() {
        return (int) Math.max(16, Runtime.getRuntime().maxMemory() / 3 / (1024 * 1024));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new LocalH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * H2 commits its store on its own only about once a second, so a kill -9 lost the writes of that
     * last second although clients had been told they succeeded. Committing after every command
     * keeps an acknowledged write on disk (in the OS cache: it survives the process, not a power cut).
     */
    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            Document reply = super.handleCommand(channel, databaseName, command, query);
            counters.count(command, reply);
            return reply;
        } finally {
            commit();
        }
    }

    /** With the commands and documents counted since the store started ({@link StoreCounters}). */
    @Override
    public Document getServerStatus() {
        Document status = super.getServerStatus();
        counters.addTo(status);
        return status;
    }
}
