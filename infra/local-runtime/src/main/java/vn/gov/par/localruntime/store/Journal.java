package vn.gov.par.localruntime.store;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;

/**
 * Every change to the store's maps since its snapshot, in the order the maps took them: a key's new value or its
 * removal, a map created, cleared or dropped. Replayed over the snapshot it gives the maps as they were when the last
 * write was answered. Changes are kept in memory until {@link #flush}, which the store does before it answers a write.
 *
 * <p>The journal is a series of segment files numbered in order; a snapshot names the first segment written after it
 * ({@link #rotate}). Each record is its length, a CRC-32C of its content and the content, so a record cut short by a
 * crash mid-write (it was never answered) is recognised and dropped; anything else unreadable stops the store.
 *
 * <p>Replaying records the snapshot already holds changes nothing: each sets a key, a map's existence or its emptiness
 * to what it became, and the later records set it to what it became later.
 */
final class Journal implements AutoCloseable {

    private static final byte PUT = 1;
    private static final byte REMOVE = 2;
    private static final byte CLEAR = 3;
    private static final byte CREATE = 4;
    private static final byte DROP = 5;
    private static final String SUFFIX = ".journal";
    private static final long SEGMENT_BYTES = 256L * 1024 * 1024;

    private final Path directory;
    private final ReentrantLock lock = new ReentrantLock();
    /** Held while records are written out, so segments get them in order and a rotation sees none half written. */
    private final Object writing = new Object();
    private final CRC32C crc = new CRC32C();
    private WriteBuffer pending = new WriteBuffer(1 << 16);
    /** The buffer the last flush wrote out, emptied to take the records after the next; guarded by {@link #writing}. */
    private WriteBuffer written = new WriteBuffer(1 << 16);
    private volatile boolean recording;
    private FileChannel segment;
    private long segmentNumber;
    private long segmentBytes;
    private long bytesSinceRotation;

    Journal(Path directory) {
        this.directory = directory;
    }

    boolean recording() {
        return recording;
    }

    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    /** A key's value after a change; {@code value} null when the key is gone. Called under the lock. */
    <K, V> void changed(String map, DataType<K> keyType, K key, DataType<V> valueType, V value) {
        int start = begin(value == null ? REMOVE : PUT, map);
        keyType.write(pending, key);
        if (value != null) {
            valueType.write(pending, value);
        }
        end(start);
    }

    void cleared(String map) {
        record(CLEAR, map);
    }

    void created(String map) {
        record(CREATE, map);
    }

    void dropped(String map) {
        record(DROP, map);
    }

    private void record(byte operation, String map) {
        lock.lock();
        try {
            end(begin(operation, map));
        } finally {
            lock.unlock();
        }
    }

    private int begin(byte operation, String map) {
        int start = pending.position();
        pending.putInt(0).putInt(0).put(operation);
        byte[] name = map.getBytes(StandardCharsets.UTF_8);
        pending.putVarInt(name.length).put(name);
        return start;
    }

    private void end(int start) {
        int length = pending.position() - start - 8;
        ByteBuffer content = pending.getBuffer().duplicate();
        content.position(start + 8).limit(start + 8 + length);
        crc.reset();
        crc.update(content);
        pending.putInt(start, length).putInt(start + 4, (int) crc.getValue());
    }

    /** Writes out every change recorded so far (to the OS: it outlives the process, not the machine). */
    void flush() {
        synchronized (writing) {
            lock.lock();
            try {
                if (pending.position() == 0) {
                    return;
                }
                WriteBuffer full = pending;
                pending = written;
                written = full;
            } finally {
                lock.unlock();
            }
            ByteBuffer records = written.getBuffer().flip();
            try {
                int bytes = records.remaining();
                while (records.hasRemaining()) {
                    segment.write(records);
                }
                segmentBytes += bytes;
                bytesSinceRotation += bytes;
                if (segmentBytes >= SEGMENT_BYTES) {
                    openSegment(segmentNumber + 1);
                }
                written.clear();
            } catch (IOException e) {
                throw new UncheckedIOException("the store could not write its journal in " + directory, e);
            }
        }
    }

    /** How many bytes of changes were written (or replayed at start) since the last {@link #rotate}. */
    long bytesSinceRotation() {
        synchronized (writing) {
            return bytesSinceRotation;
        }
    }

    /**
     * Writes out what is recorded and starts a new segment, running {@code cut} under the lock, when no change can be
     * half made: what {@code cut} sees of the maps is exactly what the segments before the new one hold.
     *
     * @return the number of the new segment, the first a snapshot of what {@code cut} saw needs replayed
     */
    long rotate(Runnable cut) {
        synchronized (writing) {
            lock.lock();
            try {
                flush();
                openSegment(segmentNumber + 1);
                bytesSinceRotation = 0;
                cut.run();
                return segmentNumber;
            } catch (IOException e) {
                throw new UncheckedIOException("the store could not start a journal segment in " + directory, e);
            } finally {
                lock.unlock();
            }
        }
    }

    /** Deletes the segments a snapshot holds, those numbered below {@code first}. */
    void deleteBefore(long first) {
        for (Path file : segments()) {
            if (number(file) < first) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * Replays the segments from {@code first} on over the maps a snapshot left in {@code store} (each opened through
     * {@code maps}), then records every later change in a new segment. A record cut short ends the last segment, which is cut back to before it.
     */
    void replay(Function<String, MVMap<Object, Object>> maps, MVStore store, long first) throws IOException {
        Files.createDirectories(directory);
        deleteBefore(first);
        List<Path> files = segments();
        long next = first;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            long readable = replaySegment(maps, store, file);
            if (readable < Files.size(file)) {
                if (i < files.size() - 1) {
                    throw new IllegalStateException("the store's journal " + file + " is unreadable after byte " + readable);
                }
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(readable);
                }
            }
            next = number(file) + 1;
            bytesSinceRotation += readable;
        }
        openSegment(next);
        recording = true;
    }

    /** Applies a segment's records; returns how many of its bytes were whole records. */
    private static long replaySegment(Function<String, MVMap<Object, Object>> maps, MVStore store, Path file) throws IOException {
        long readable = 0;
        CRC32C check = new CRC32C();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            DataInputStream records = new DataInputStream(in);
            while (true) {
                byte[] content;
                int expected;
                try {
                    int length = records.readInt();
                    expected = records.readInt();
                    if (length < 0 || length > SEGMENT_BYTES) {
                        return readable;
                    }
                    content = records.readNBytes(length);
                    if (content.length < length) {
                        return readable;
                    }
                } catch (EOFException e) {
                    return readable;
                }
                check.reset();
                check.update(content);
                if ((int) check.getValue() != expected) {
                    return readable;
                }
                apply(maps, store, ByteBuffer.wrap(content));
                readable += 8 + content.length;
            }
        }
    }

    private static void apply(Function<String, MVMap<Object, Object>> maps, MVStore store, ByteBuffer record) {
        byte operation = record.get();
        byte[] name = new byte[DataUtils.readVarInt(record)];
        record.get(name);
        String map = new String(name, StandardCharsets.UTF_8);
        if (operation == DROP) {
            if (store.hasMap(map)) {
                store.removeMap(map);
            }
            return;
        }
        MVMap<Object, Object> target = maps.apply(map);
        switch (operation) {
            case PUT -> target.put(target.getKeyType().read(record), target.getValueType().read(record));
            case REMOVE -> target.remove(target.getKeyType().read(record));
            case CLEAR -> target.clear();
            case CREATE -> { }
            default -> throw new IllegalStateException("unknown journal record " + operation + " for " + map);
        }
    }

    private void openSegment(long number) throws IOException {
        if (segment != null) {
            segment.close();
        }
        segmentNumber = number;
        segment = FileChannel.open(directory.resolve("%012d%s".formatted(number, SUFFIX)), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        segmentBytes = segment.size();
    }

    private List<Path> segments() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long number(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    @Override
    public void close() throws IOException {
        flush();
        synchronized (writing) {
            recording = false;
            if (segment != null) {
                segment.close();
            }
        }
    }
}
