package vn.gov.par.localruntime.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;

/** mongo-java-server's H2 backend, made to keep what it acknowledged and to look keys up without serialising them. */
public final class LocalMongoBackend extends H2Backend {

    /** Commands that only read, by the name the wire protocol gives them (some drivers spell a few in lower case). */
    private static final Set<String> READ_ONLY = Set.of("find", "getMore", "count", "distinct", "listCollections", "listIndexes",
            "listDatabases", "serverStatus", "hello", "isMaster", "ismaster", "ping", "buildInfo", "buildinfo", "killCursors",
            "endSessions", "dbStats", "dbstats", "collStats", "collstats", "getLastError", "getlasterror", "whatsmyuri",
            "connectionStatus", "getParameter", "hostInfo", "explain");

    private final StoreCounters counters = new StoreCounters();
    /** Writing commands finished, numbered in the order they finished. */
    private final AtomicLong writesFinished = new AtomicLong();
    private final Object commitLock = new Object();
    /** The number of the last write a finished commit holds; guarded by {@link #commitLock}. */
    private long committedThrough;

    public LocalMongoBackend(Path file) {
        super(new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMiB()).open());
    }

    /**
     * H2 keeps 16 MiB of pages by default; every page read beyond that is deserialised again (Java serialisation of
     * every document on it), which took a third of the store's time in the national benchmark. A third of the heap
     * holds the pages read most; 256 MiB collected less garbage but slowed the deadline sweep past its bar
     * (docs/performance.md, Measured and not kept).
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
     * last second although clients had been told they succeeded. Committing after every command that may
     * write keeps an acknowledged write on disk (in the OS cache: it survives the process, not a power cut).
     * A command that only reads has nothing to commit; committing anyway made it wait in line for the commit
     * lock behind every other client's writes. Writes that finish while a commit runs wait for the next and share it
     * (a group commit, as MongoDB's journal does): each is answered only once a commit that holds it is done.
     */
    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            Document reply = super.handleCommand(channel, databaseName, command, query);
            counters.count(command, reply);
            return reply;
        } finally {
            if (mayWrite(command, query)) {
                commitThrough(writesFinished.incrementAndGet());
            }
        }
    }

    /** Commits, unless a commit that began once the write numbered {@code write} had finished is already done. */
    private void commitThrough(long write) {
        synchronized (commitLock) {
            if (committedThrough >= write) {
                return;
            }
            long through = writesFinished.get();
            commit();
            committedThrough = through;
        }
    }

    /** Any command not known to only read may write, an aggregation too when it ends in {@code $out} or {@code $merge}. */
    private static boolean mayWrite(String command, Document query) {
        if (command.equals("aggregate")) {
            return query.get("pipeline") instanceof List<?> stages && stages.stream()
                    .anyMatch(stage -> stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
        }
        return !READ_ONLY.contains(command);
    }

    /** With the commands and documents counted since the store started ({@link StoreCounters}). */
    @Override
    public Document getServerStatus() {
        Document status = super.getServerStatus();
        counters.addTo(status);
        return status;
    }
}
