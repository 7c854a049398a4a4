package vn.gov.par.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import org.bson.BsonValue;
import org.bson.Document;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import vn.gov.par.localruntime.LocalPlatform;
import vn.gov.par.localruntime.ManagedProcess;
import vn.gov.par.localruntime.ServiceModule;
import vn.gov.par.localruntime.store.LocalMongoBackend;

/**
 * What the harness reads of a running platform from the platform's own data: documents in each service's
 * database, the store's own count of the work it did, messages on each topic, how far each consumer group lags, how many
 * outboxes still hold events, how many plans wait for their work to be assigned, and each process's peak memory and CPU time.
 */
public final class PlatformGauges implements AutoCloseable {

    private static final Pattern OUTBOX_PENDING = Pattern.compile("(?m)^par_outbox_pending\\{[^}]*}\\s+([0-9.eE+-]+)");
    private static final Pattern ASSIGNMENTS_WAITING = Pattern.compile("(?m)^par_tasks_assignments_waiting\\{[^}]*}\\s+([0-9.eE+-]+)");

    private final LocalPlatform platform;
    private final LongAdder ownCommandCount = new LongAdder();
    /** This harness's own commands to each collection, by the kind {@code top} counts them under. */
    private final Map<String, Map<String, LongAdder>> ownCommandsByCollection = new ConcurrentHashMap<>();
    private final CommandListener ownCommands = new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            ownCommandCount.increment();
            String command = event.getCommandName();
            BsonValue named = event.getCommand().get(command.equals("getMore") ? "collection" : command);
            if (named != null && named.isString()) {
                Map<String, LongAdder> kinds = ownCommandsByCollection.computeIfAbsent(event.getDatabaseName() + "." + named.asString().getValue(),
                        namespace -> new ConcurrentHashMap<>());
                kinds.computeIfAbsent("total", kind -> new LongAdder()).increment();
                kinds.computeIfAbsent(LocalMongoBackend.topKindOf(command), kind -> new LongAdder()).increment();
            }
        }
    };
    private final MongoClient mongo;
    private final Admin kafka;

    /**
     * The store's work since it started, as the store counts it ({@code serverStatus}): the commands it was sent by the
     * services (each a round trip; those this harness sent to read it left out) and the documents it inserted, updated
     * and deleted. The same figures a real MongoDB gives, and they do not depend on the machine.
     */
    public record StoreWork(long commands, long documentsWritten, Map<String, CollectionWork> byCollection) {

        public static final StoreWork NONE = new StoreWork(0, 0, Map.of());

        public StoreWork {
            // A checkpoint kept before the store counted by collection has none.
            byCollection = byCollection == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(byCollection));
        }

        public StoreWork plus(StoreWork other) {
            return new StoreWork(commands + other.commands, documentsWritten + other.documentsWritten,
                    merged(byCollection, other.byCollection, CollectionWork::plus));
        }

        public StoreWork minus(StoreWork other) {
            return new StoreWork(commands - other.commands, documentsWritten - other.documentsWritten,
                    merged(byCollection, other.byCollection, CollectionWork::minus));
        }

        private static Map<String, CollectionWork> merged(Map<String, CollectionWork> a, Map<String, CollectionWork> b,
                BinaryOperator<CollectionWork> combine) {
            Map<String, CollectionWork> merged = new TreeMap<>(a);
            b.forEach((namespace, work) -> merged.put(namespace, combine.apply(merged.getOrDefault(namespace, CollectionWork.NONE), work)));
            return merged;
        }
    }

    /**
     * What one collection was sent, as the store's {@code top} counts it: commands by kind ({@code total}, {@code queries},
     * {@code insert}, {@code update}, {@code remove}, {@code getmore}, {@code commands}) and the microseconds the store
     * spent on them all.
     */
    public record CollectionWork(Map<String, Long> commandsByKind, long micros) {

        static final CollectionWork NONE = new CollectionWork(Map.of(), 0);

        public long commands() {
            return commandsByKind.getOrDefault("total", 0L);
        }

        CollectionWork plus(CollectionWork other) {
            return combined(other, 1);
        }

        CollectionWork minus(CollectionWork other) {
            return combined(other, -1);
        }

        private CollectionWork combined(CollectionWork other, int sign) {
            Map<String, Long> kinds = new TreeMap<>(commandsByKind);
            other.commandsByKind.forEach((kind, count) -> kinds.merge(kind, sign * count, Long::sum));
            return new CollectionWork(kinds, micros + sign * other.micros);
        }
    }

    public PlatformGauges(LocalPlatform platform) {
        this.platform = platform;
        this.mongo = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://localhost:" + platform.settings().mongoPort()))
                .addCommandListener(ownCommands).build());
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

    public StoreWork storeWork() {
        Document metrics = mongo.getDatabase("admin").runCommand(new Document("serverStatus", 1)).get("metrics", new Document());
        long commands = metrics.get("commands", new Document()).values().stream().filter(Document.class::isInstance)
                .mapToLong(count -> ((Document) count).get("total", Number.class).longValue()).sum();
        Document written = metrics.get("document", new Document());
        long documents = Stream.of("inserted", "updated", "deleted").mapToLong(key -> written.get(key, 0L)).sum();
        return new StoreWork(commands - ownCommandCount.sum(), documents, workByCollection());
    }

    /** The four services' collections' work as the store's {@code top} counts it, less what this harness sent them. */
    private Map<String, CollectionWork> workByCollection() {
        Set<String> databases = Stream.of(ServiceModule.values()).map(ServiceModule::databaseName).collect(Collectors.toSet());
        Document totals = mongo.getDatabase("admin").runCommand(new Document("top", 1)).get("totals", new Document());
        Map<String, CollectionWork> work = new TreeMap<>();
        totals.forEach((namespace, usage) -> {
            if (usage instanceof Document kinds && databases.contains(namespace.substring(0, Math.max(0, namespace.indexOf('.'))))) {
                Map<String, Long> counts = new TreeMap<>();
                kinds.forEach((kind, used) -> counts.put(kind, ((Document) used).get("count", Number.class).longValue()
                        - own(namespace, kind)));
                long micros = kinds.get("total", new Document()).get("time", 0L);
                work.put(namespace, new CollectionWork(counts, micros));
            }
        });
        return work;
    }

    private long own(String namespace, String kind) {
        LongAdder sent = ownCommandsByCollection.getOrDefault(namespace, Map.of()).get(kind);
        return sent == null ? 0 : sent.sum();
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

    /**
     * Peak resident memory (VmHWM) of every process of the platform, with the processes it started that still run
     * (Keycloak's JVM, under its script), in MiB; Linux only.
     */
    public Map<String, Long> peakMemoryMiB() {
        Map<String, Long> peaks = new LinkedHashMap<>();
        for (ManagedProcess process : processes()) {
            peaks.put(process.name(), ProcessHandle.of(process.pid())
                    .map(handle -> withDescendants(handle).mapToLong(p -> Math.max(0, peakMiB(p.pid()))).sum()).orElse(-1L));
        }
        return peaks;
    }

    /**
     * The CPU time every process of the platform has used since it started, with the processes it started (Keycloak's
     * script runs Keycloak's JVM as its child), and this harness's own as "harness": the officials it signs in and the
     * drafts it issues use the same cores. Over a stretch of time, the difference of two readings says which process the
     * cores were busy with.
     */
    public CpuUse cpuUse() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (ManagedProcess process : processes()) {
            seconds.put(process.name(), cpuSecondsOf(process));
        }
        seconds.put("harness", cpuSeconds(ProcessHandle.current()));
        return new CpuUse(seconds);
    }

    /** CPU-seconds by process, as {@link #cpuUse} reads them. */
    public record CpuUse(Map<String, Double> secondsByProcess) {

        public CpuUse plus(CpuUse other) {
            Map<String, Double> sum = new LinkedHashMap<>(secondsByProcess);
            other.secondsByProcess.forEach((process, seconds) -> sum.merge(process, seconds, Double::sum));
            return new CpuUse(sum);
        }

        public CpuUse minus(CpuUse earlier) {
            Map<String, Double> difference = new LinkedHashMap<>(secondsByProcess);
            earlier.secondsByProcess.forEach((process, seconds) -> difference.merge(process, -seconds, Double::sum));
            return new CpuUse(difference);
        }

        public double total() {
            return secondsByProcess.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** The CPU time a process of the platform has used since it started, with the processes it started, in seconds. */
    public static double cpuSecondsOf(ManagedProcess process) {
        return ProcessHandle.of(process.pid()).map(PlatformGauges::cpuSecondsWithDescendants).orElse(0.0);
    }

    /** A process's CPU time and that of the processes it started that still run, in seconds; 0 for what the OS does not tell. */
    static double cpuSecondsWithDescendants(ProcessHandle process) {
        return withDescendants(process).mapToDouble(PlatformGauges::cpuSeconds).sum();
    }

    private static Stream<ProcessHandle> withDescendants(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants());
    }

    static double cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(duration -> duration.toNanos() / 1e9).orElse(0.0);
    }

    private List<ManagedProcess> processes() {
        List<ManagedProcess> processes = new ArrayList<>(List.of(platform.kafka(), platform.mongo(), platform.mail(), platform.keycloak()));
        for (ServiceModule module : ServiceModule.values()) {
            processes.add(platform.service(module));
        }
        processes.add(platform.console());
        return processes;
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
