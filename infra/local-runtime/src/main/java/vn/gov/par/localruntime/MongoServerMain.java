package vn.gov.par.localruntime;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.gov.par.localruntime.store.LocalMongoBackend;

/**
 * A MongoDB wire-protocol server (mongo-java-server) whose data lives in memory, kept on disk as a snapshot file (H2's
 * MVStore format) and a journal of the writes since it ({@code <file.mv>.journal}).
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
        // shutdown() also closes the store, so a SIGTERM leaves a snapshot of everything behind and no journal to replay.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mongo-server-shutdown"));
        server.bind(host, port);
        System.out.println("mongo-java-server listening on " + host + ":" + port + ", data in " + file);
    }
}
