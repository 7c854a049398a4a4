package vn.gov.par.localruntime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/** A single-node Apache Kafka broker in KRaft mode (broker and controller in one process). */
final class KafkaBroker {

    static final String NAME = "kafka";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);

    private KafkaBroker() {
    }

    static ManagedProcess process(PlatformSettings settings, Duration startupTimeout) {
        return new ManagedProcess(NAME,
                JavaCommand.mainClass(List.of("-Xmx512m"), "kafka.Kafka", serverProperties(settings).toString()),
                Map.of(), settings.projectRoot(), settings.logFile(NAME),
                List.of(settings.kafkaPort(), settings.kafkaControllerPort()),
                startupTimeout, Probes.kafka(settings.kafkaPort()));
    }

    /**
     * Writes server.properties (ports may differ from the last run) and formats the log directory the
     * first time only: formatting again would give the cluster a new id and make the broker refuse
     * the data it already has.
     */
    static void prepareStorage(PlatformSettings settings)
            throws IOException, StartupFailedException, InterruptedException {
        Path logDir = logDir(settings);
        Files.createDirectories(logDir);
        Files.writeString(serverProperties(settings), serverPropertiesText(settings, logDir), StandardCharsets.UTF_8);
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        List<String> format = JavaCommand.mainClass(List.of(), "kafka.tools.StorageTool", "format",
                "--cluster-id", Uuid.randomUuid().toString(),
                "--config", serverProperties(settings).toString());
        Files.createDirectories(settings.logDir());
        Process formatting = new ProcessBuilder(format)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile(NAME).toFile()))
                .start();
        if (!formatting.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            formatting.destroyForcibly();
            throw new StartupFailedException("formatting Kafka storage in " + logDir + " took over "
                    + FORMAT_TIMEOUT.toSeconds() + " s; see " + settings.logFile(NAME));
        }
        if (formatting.exitValue() != 0) {
            throw new StartupFailedException("formatting Kafka storage in " + logDir + " failed with code "
                    + formatting.exitValue() + "; see " + settings.logFile(NAME));
        }
    }

    private static Path logDir(PlatformSettings settings) {
        return settings.dataDir().resolve("kafka/kraft-combined-logs");
    }

    private static Path serverProperties(PlatformSettings settings) {
        return settings.dataDir().resolve("kafka/server.properties");
    }

    /**
     * A static voter list rather than a dynamic quorum: the controller's address then lives only in
     * this file, so a changed KAFKA_CONTROLLER_PORT does not strand the already formatted data.
     */
    private static String serverPropertiesText(PlatformSettings settings, Path logDir) {
        return """
                # Written by the local runtime at every start; edits are overwritten.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@localhost:%2$d
                listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=PLAINTEXT://localhost:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=6
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(settings.kafkaPort(), settings.kafkaControllerPort(), logDir);
    }
}
