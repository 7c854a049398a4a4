package vn.gov.par.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import vn.gov.par.localruntime.LocalPlatform;
import vn.gov.par.localruntime.ManagedProcess;
import vn.gov.par.localruntime.ServiceModule;

/**
 * What the harness reads of a running platform from the platform's own data: documents in each service's
 * database, messages on each topic, how far each consumer group lags, how many outboxes still hold events, how many
 * plans wait for their work to be assigned,
 * and each process's peak memory.
 */
public final class PlatformGauges implements AutoCloseable {

    private static final Pattern OUTBOX_PENDING = Pattern.compile("(?m)^par_outbox_pending\\{[^}]*}\\s+([0-9.eE+-]+)");
    private static final Pattern ASSIGNMENTS_WAITING = Pattern.compile("(?m)^par_tasks_assignments_waiting\\{[^}]*}\\s+([0-9.eE+-]+)");

    private final LocalPlatform platform;
    private final MongoClient mongo;
    private final Admin kafka;

    public PlatformGauges(LocalPlatform platform) {
        this.platform = platform;
        this.mongo = MongoClients.create("mongodb://localhost:" + platform.settings().mongoPort());
        this.kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.settings().kafkaBootstrapServers()));
    }

    /**
     * Documents per "database.collection", across the four services' databases: the collections' own counts, since
     * counting by filter would make the store read every document, twice a second, and slow what is measured.
     */
    public Map<String, Long> documents() {
        Map<String, Long> counts = new TreeMap<>();
        for (ServiceModule module : ServiceModule.values()) {
            MongoDatabase database = mongo.getDatabase(module.databaseName());
            for (String collection : database.listCollectionNames()) {
                counts.put(module.databaseName() + "." + collection, database.getCollection(collection).estimatedDocumentCount());
            }
        }
        return counts;
    }

    public MongoClient mongo() {
        return mongo;
    }

    /** Messages ever written to the platform's topics (dead-letter topics included). */
    public long messagesOnTopics() {
        return endOffsets(topicPartitions()).values().stream().mapToLong(Long::longValue).sum();
    }

    public long messagesOn(String topic) {
        return endOffsets(topicPartitions()).entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * Messages the services' consumer groups have not yet processed, over every partition assigned to them. A group
     * starts from the earliest offset, so an assigned partition it has committed nothing on lags by all it holds.
     */
    public long consumerLag() {
        try {
            List<String> groups = kafka.listConsumerGroups().all().get().stream().map(g -> g.groupId()).toList();
            Map<TopicPartition, Long> ends = endOffsets(topicPartitions());
            long lag = 0;
            for (var group : kafka.describeConsumerGroups(groups).all().get().values()) {
                Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                for (var member : group.members()) {
                    for (TopicPartition partition : member.assignment().topicPartitions()) {
                        OffsetAndMetadata offset = committed.get(partition);
                        lag += Math.max(0, ends.getOrDefault(partition, 0L) - (offset == null ? 0 : offset.offset()));
                    }
                }
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not answer: " + e.getCause().getMessage(), e);
        }
    }

    /** Events still waiting in outboxes, as each service reports them on /actuator/prometheus. */
    public long outboxPending() {
        long pending = 0;
        for (ServiceModule module : ServiceModule.values()) {
            pending += sumOf(OUTBOX_PENDING, module);
        }
        return pending;
    }

    /** Issued plans whose work task-service has taken in but not yet assigned to every unit. */
    public long assignmentsWaiting() {
        return sumOf(ASSIGNMENTS_WAITING, ServiceModule.TASK);
    }

    private long sumOf(Pattern metric, ServiceModule module) {
        Matcher matcher = metric.matcher(new Http(platform.settings().serviceBaseUrl(module)).text("/actuator/prometheus"));
        long sum = 0;
        while (matcher.find()) {
            sum += (long) Double.parseDouble(matcher.group(1));
        }
        return sum;
    }

    /** Peak resident memory (VmHWM) of every process of the platform, in MiB; Linux only. */
    public Map<String, Long> peakMemoryMiB() {
        Map<String, Long> peaks = new LinkedHashMap<>();
        List<ManagedProcess> processes = new java.util.ArrayList<>(List.of(platform.kafka(), platform.mongo(), platform.mail()));
        for (ServiceModule module : ServiceModule.values()) {
            processes.add(platform.service(module));
        }
        for (ManagedProcess process : processes) {
            peaks.put(process.name(), peakMiB(process.pid()));
        }
        return peaks;
    }

    public static long peakMiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(-1L);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private Set<TopicPartition> topicPartitions() {
        try {
            Set<String> topics = kafka.listTopics().names().get();
            return kafka.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toSet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not answer: " + e.getCause().getMessage(), e);
        }
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) {
        try {
            ListOffsetsResult result = kafka.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())));
            return result.all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not answer: " + e.getCause().getMessage(), e);
        }
    }

    @Override
    public void close() {
        mongo.close();
        kafka.close();
    }
}
