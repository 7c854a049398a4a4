package vn.gov.par.localruntime.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RootReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the store's maps live: in memory, as a snapshot file and the {@link Journal} of every change since it.
 *
 * <p>The maps were kept in an H2 file, committed after every write: a commit writes out every page the write touched
 * and a page read back from the file is deserialised whole, which with compacting the file took most of the store's
 * CPU. Now a write costs a record of what it changed, written out before it is answered, as MongoDB's journal does,
 * and the file is written whole now and then in the background, from the maps as they were at one point of the
 * journal: when the journal since the last snapshot outgrows it, and when the store closes. Opening reads the
 * snapshot and replays the journal after it. The snapshot is an H2 file as the store kept before, so a file written
 * before is read as a snapshot with no journal.
 */
final class StoreFiles implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFiles.class);
    /** The map in the snapshot file that names the first journal segment written after it; kept out of the store. */
    private static final String JOURNAL_FROM = "par-store.journal-from";
    static final long MIN_JOURNAL_BYTES = 64L * 1024 * 1024;

    private final Path file;
    private final MVStore store;
    private final Journal journal;
    private final long minJournalBytes;
    private final ExecutorService snapshots = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "store-snapshot");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Future<?>> running = new AtomicReference<>();
    /** The last snapshot's size, written by the snapshot's thread and read by writers'. */
    private volatile long snapshotBytes;

    private StoreFiles(Path file, MVStore store, long minJournalBytes) {
        this.file = file;
        this.store = store;
        this.journal = new Journal(file.resolveSibling(file.getFileName() + ".journal"));
        this.minJournalBytes = minJournalBytes;
    }

    /**
     * Reads the maps the files hold into {@code store}, an empty store in memory, and journals every later change; a
     * journal outgrowing {@code minJournalBytes} and the snapshot starts another.
     */
    static StoreFiles open(Path file, MVStore store, long minJournalBytes) {
        StoreFiles files = new StoreFiles(file, store, minJournalBytes);
        try {
            files.journal.replay(files::map, store, files.readSnapshot());
        } catch (IOException e) {
            throw new UncheckedIOException("the store could not read its files at " + file, e);
        }
        return files;
    }

    /** The databases whose collections the store holds, as H2Backend finds them in its maps' names. */
    Set<String> databaseNames() {
        return store.getMapNames().stream().filter(name -> name.startsWith(StoredMaps.DOCUMENTS))
                .map(name -> name.substring(StoredMaps.DOCUMENTS.length(), name.indexOf('.', StoredMaps.DOCUMENTS.length())))
                .collect(Collectors.toSet());
    }

    MVStore store() {
        return store;
    }

    /** The map of that name, created (and journaled) if new; its types are the name's ({@link StoredMaps}). */
    @SuppressWarnings("unchecked")
    <K, V> MVMap<K, V> map(String name) {
        return (MVMap<K, V>) (MVMap<?, ?>) store.openMap(name, new JournaledMap.Builder(journal, name));
    }

    /** Removes the map, as dropping a collection or an index does. */
    void removeMap(String name) {
        if (store.hasMap(name)) {
            store.removeMap(name);
            journal.dropped(name);
        }
    }

    /** Journals the maps the library removed itself: {@code before} are the names the store had before it did. */
    void mapsRemoved(Set<String> before) {
        Set<String> now = store.getMapNames();
        before.stream().filter(name -> !now.contains(name)).forEach(journal::dropped);
    }

    /** Writes out what writes changed, before they are answered; starts a snapshot when the journal outgrew the last. */
    void writesDone() {
        journal.flush();
        if (journal.bytesSinceRotation() > Math.max(minJournalBytes, snapshotBytes)) {
            Future<?> last = running.get();
            if (last == null || last.isDone()) {
                running.set(snapshots.submit(this::snapshotInBackground));
            }
        }
    }

    void awaitSnapshot() {
        Future<?> last = running.get();
        if (last != null) {
            try {
                last.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** The maps of the snapshot file, copied into memory; returns the first journal segment to replay over them. */
    private long readSnapshot() throws IOException {
        Files.deleteIfExists(next());
        if (!Files.exists(file)) {
            return 0;
        }
        snapshotBytes = Files.size(file);
        MVStore snapshot = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            long from = 0;
            for (String name : snapshot.getMapNames()) {
                if (name.equals(JOURNAL_FROM)) {
                    from = (Long) snapshot.<String, Long>openMap(name).get("segment");
                    continue;
                }
                MVMap<Object, Object> source = snapshot.openMap(name, StoredMaps.inFile(name));
                MVMap<Object, Object> target = map(name);
                for (Cursor<Object, Object> entries = source.cursor(null); entries.hasNext(); ) {
                    target.put(entries.next(), entries.getValue());
                }
            }
            return from;
        } finally {
            snapshot.close();
        }
    }

    /** A snapshot that fails leaves the last one and the journal after it, which still hold every write: logged, not fatal. */
    private void snapshotInBackground() {
        try {
            snapshot();
        } catch (RuntimeException e) {
            LOG.error("The store could not write its snapshot {}; the previous one and the journal after it still hold every write", file, e);
        }
    }

    /** Writes every map as it is at a new journal segment into a file that replaces the snapshot once whole. */
    private synchronized void snapshot() {
        List<Captured> maps = new ArrayList<>();
        long from = journal.rotate(() -> store.getMapNames().forEach(name -> {
            MVMap<Object, Object> map = map(name);
            maps.add(new Captured(name, map.flushAndGetRoot()));
        }));
        try {
            Path next = next();
            Files.deleteIfExists(next);
            MVStore out = new MVStore.Builder().fileName(next.toString()).open();
            try {
                for (Captured captured : maps) {
                    MVMap<Object, Object> target = out.openMap(captured.name(), StoredMaps.inFile(captured.name()));
                    for (Cursor<Object, Object> entries = new Cursor<>(captured.root(), null, null); entries.hasNext(); ) {
                        target.put(entries.next(), entries.getValue());
                    }
                }
                out.<String, Long>openMap(JOURNAL_FROM).put("segment", from);
                out.commit();
            } finally {
                out.close();
            }
            try (FileChannel written = FileChannel.open(next, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            snapshotBytes = Files.size(file);
            journal.deleteBefore(from);
        } catch (IOException e) {
            throw new UncheckedIOException("the store could not write its snapshot " + file, e);
        }
    }

    private Path next() {
        return file.resolveSibling(file.getFileName() + ".next");
    }

    private record Captured(String name, RootReference<Object, Object> root) {
    }

    /** Writes a last snapshot if anything changed since the last, so the next start reads one file and no journal. */
    @Override
    public void close() {
        snapshots.shutdown();
        try {
            snapshots.awaitTermination(10, TimeUnit.MINUTES);
            journal.flush();
            if (journal.bytesSinceRotation() > 0) {
                snapshot();
            }
            journal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
