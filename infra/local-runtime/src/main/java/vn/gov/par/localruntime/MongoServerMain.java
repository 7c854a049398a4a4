package vn.gov.par.localruntime;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) whose data lives in one H2 MVStore file.
 * The library's own mains are hard-wired to localhost:27017; this one takes host, port and file.
 *
 * <p>Usage: {@code MongoServerMain <host> <port> <file.mv>}
 */
public final class MongoServerMain {

    private MongoServerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: MongoServerMain <host> <port> <file.mv>");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Path file = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(file.getParent());

        MongoServer server = new MongoServer(new LocalMongoBackend(file));
        // shutdown() also closes the H2 store, so a SIGTERM leaves a compact, consistent file behind.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mongo-server-shutdown"));
        server.bind(host, port);
        System.out.println("mongo-java-server listening on " + host + ":" + port + ", data in " + file);
    }

    /** mongo-java-server's H2 backend, made to keep what it acknowledged. */
    private static final class LocalMongoBackend extends H2Backend {

        LocalMongoBackend(Path file) {
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

        /**
         * H2 commits its store on its own only about once a second, so a kill -9 lost the writes of that
         * last second although clients had been told they succeeded. Committing after every command
         * keeps an acknowledged write on disk (in the OS cache: it survives the process, not a power cut).
         */
        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                commit();
            }
        }
    }
}
