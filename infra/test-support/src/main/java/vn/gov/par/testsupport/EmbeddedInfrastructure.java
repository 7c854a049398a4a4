package vn.gov.par.testsupport;

import java.net.InetSocketAddress;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A real KRaft Kafka broker and a MongoDB wire-protocol server, started once per test JVM and reached
 * over TCP exactly as the production ones are. Started lazily and left running until the JVM ends: stopping
 * them from a shutdown hook would race the cached Spring contexts' own shutdown, whose consumers and outbox
 * relays would then wait for servers already gone. The broker's files stay under target/.
 */
public final class EmbeddedInfrastructure {

    private static EmbeddedInfrastructure instance;

    private final EmbeddedKafkaKraftBroker kafka;
    private final String mongoUri;

    private EmbeddedInfrastructure() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperty("auto.create.topics.enable", "true");
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.afterPropertiesSet();
        InetSocketAddress address = new MongoServer(new MemoryBackend()).bind();
        mongoUri = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public static synchronized EmbeddedInfrastructure get() {
        if (instance == null) {
            instance = new EmbeddedInfrastructure();
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    /** The server's address without a database: each Spring context picks its own database name. */
    public String mongoUri() {
        return mongoUri;
    }
}
