package vn.gov.par.localruntime.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend, its maps in memory and kept on disk by a journal and snapshots ({@link StoreFiles}),
 * made to keep what it acknowledged and to look keys up without serialising them.
 */
public final class LocalMongoBackend extends H2Backend {

    /** Commands that only read, by the name the wire protocol gives them (some drivers spell a few in lower case). */
    private static final Set<String> READ_ONLY = Set.of("find", "getMore", "count", "distinct", "listCollections", "listIndexes",
            "listDatabases", "serverStatus", "hello", "isMaster", "ismaster", "ping", "buildInfo", "buildinfo", "killCursors",
            "endSessions", "dbStats", "dbstats", "collStats", "collstats", "getLastError", "getlasterror", "whatsmyuri",
            "connectionStatus", "getParameter", "hostInfo", "explain", "top");

    /**
     * As MongoDB's {@code slowms}: a command that took longer is logged, abbreviated. Its time includes waiting for its
     * collection while another command held it, so a long write shows up in the commands queued behind it too.
     */
    private static final long SLOW_COMMAND_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int LOGGED_COMMAND_CHARS = 400;
    private static final Logger log = LoggerFactory.getLogger(LocalMongoBackend.class);

    private final StoreCounters counters = new StoreCounters();
    /** Writing commands finished, numbered in the order they finished. */
    private final AtomicLong writesFinished = new AtomicLong();
    private final Object commitLock = new Object();
    /** The number of the last write a finished round of writing out the journal holds; guarded by {@link #commitLock}. */
    private long committedThrough;

    private final StoreFiles files;

    /** The store whose snapshot is {@code file}, its journal in the folder beside it named after it. */
    public LocalMongoBackend(Path file) {
        this(file, StoreFiles.MIN_JOURNAL_BYTES);
    }

    /**
     * A store that starts a snapshot whenever its journal outgrows {@code journalBytes} and the last snapshot. The
     * library opens the databases it finds in the store as it is constructed, before this class could read its files:
     * they are read into the store after, and their databases opened then.
     */
    LocalMongoBackend(Path file, long journalBytes) {
        super(new MVStore.Builder().open());
        this.files = StoreFiles.open(file, getMvStore(), journalBytes);
        files.databaseNames().forEach(this::resolveDatabase);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new LocalH2Database(databaseName, files, getCursorRegistry());
    }

    /**
     * A write is answered only once the journal records of what it changed are written out (to the OS cache: they
     * survive the process, not a power cut), so a kill -9 loses nothing a client was told is written. A command that
     * only reads has nothing to write out; waiting anyway made it wait in line behind every other client's writes.
     * Writes that finish while the journal is being written out wait for the next round and share it (a group commit,
     * as MongoDB's journal does): each is answered only once a round that holds it is done. Each command is counted
     * ({@link StoreCounters}, which also answers {@code top}) and logged if slow.
     */
    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            long start = System.nanoTime();
            Document reply = command.equals("top") && databaseName.equals("admin") ? counters.top()
                    : super.handleCommand(channel, databaseName, command, query);
            long took = System.nanoTime() - start;
            counters.count(databaseName, command, query, reply, took);
            if (took > SLOW_COMMAND_NANOS) {
                log.info("Slow command, {} ms: {}.{} {}", took / 1_000_000, databaseName, command, abbreviated(query));
            }
            return reply;
        } finally {
            if (mayWrite(command, query)) {
                commitThrough(writesFinished.incrementAndGet());
            }
        }
    }

    /** The command as logged: its documents to insert, often many, make it long. */
    private static String abbreviated(Document query) {
        String whole = query.toString();
        return whole.length() <= LOGGED_COMMAND_CHARS ? whole : whole.substring(0, LOGGED_COMMAND_CHARS) + "…";
    }

    /** Writes out the journal, unless a round that began once the write numbered {@code write} had finished is done. */
    private void commitThrough(long write) {
        synchronized (commitLock) {
            if (committedThrough >= write) {
                return;
            }
            long through = writesFinished.get();
            files.writesDone();
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

    /** Waits for a snapshot being written, if any (tests). */
    void awaitSnapshot() {
        files.awaitSnapshot();
    }

    /** Writes a last snapshot and closes the journal; then the library closes its databases and the maps. */
    @Override
    public void close() {
        files.close();
        super.close();
    }

    /** The kind MongoDB's {@code top} counts a command under ({@code queries} for {@code find}, ...), as this store's does. */
    public static String topKindOf(String command) {
        return StoreCounters.topKind(command);
    }

    /** With the commands and documents counted since the store started ({@link StoreCounters}). */
    @Override
    public Document getServerStatus() {
        Document status = super.getServerStatus();
        counters.addTo(status);
        return status;
    }
}
