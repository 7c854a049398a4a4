package vn.gov.par.localruntime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One component of the platform running as its own OS process, with its output in its own log file.
 * It can be stopped gracefully, killed outright and started again, which is what a fault-injection
 * test needs besides the normal start and stop.
 */
public final class ManagedProcess {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration GRACEFUL_STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 40;

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDir;
    private final Path logFile;
    private final List<Integer> ports;
    private final Duration startupTimeout;
    private final ReadinessProbe readiness;
    private final Clock clock;

    private volatile Process process;
    private volatile Instant launchedAt;

    /**
     * @param ports          ports the component will listen on; they must be free before it starts,
     *                       or the readiness probe could be answered by some other process
     * @param startupTimeout how long after launch the component may take to become ready
     */
    public ManagedProcess(String name, List<String> command, Map<String, String> environment, Path workingDir,
                          Path logFile, List<Integer> ports, Duration startupTimeout, ReadinessProbe readiness) {
        this(name, command, environment, workingDir, logFile, ports, startupTimeout, readiness, Clock.systemUTC());
    }

    ManagedProcess(String name, List<String> command, Map<String, String> environment, Path workingDir, Path logFile,
                   List<Integer> ports, Duration startupTimeout, ReadinessProbe readiness, Clock clock) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workingDir = workingDir;
        this.logFile = logFile;
        this.ports = List.copyOf(ports);
        this.startupTimeout = startupTimeout;
        this.readiness = readiness;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    /** Launches the process and waits until its readiness probe passes. */
    public void start() throws StartupFailedException, InterruptedException {
        launch();
        awaitReady();
    }

    /** Launches the process without waiting, so that several can start side by side. */
    public synchronized void launch() throws StartupFailedException {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        for (int port : ports) {
            if (Probes.isListening(port)) {
                throw new StartupFailedException(name + " cannot start: port " + port
                        + " is already in use (is the platform already running?)");
            }
        }
        try {
            Files.createDirectories(logFile.getParent());
            // Appending keeps the history of earlier runs, which matters after a kill and restart.
            Files.writeString(logFile, "%n===== %s starting %s =====%n".formatted(Instant.now(), name),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new StartupFailedException(name + " could not be launched: " + e.getMessage());
        }
        launchedAt = clock.instant();
    }

    /** Polls the readiness probe until it passes, the process dies, or its start-up time since launch runs out. */
    public void awaitReady() throws StartupFailedException, InterruptedException {
        awaitReady(launchedAt);
    }

    /**
     * As {@link #awaitReady()}, with its start-up time counted from when what it waits for was ready, if that is later
     * than its launch: a service launched beside the identity provider is not failed for the time the provider's own
     * first start took (which can be most of the service's start-up time on two busy cores).
     */
    public void awaitReady(Instant dependenciesReady) throws StartupFailedException, InterruptedException {
        Process running = process;
        if (running == null) {
            throw new IllegalStateException(name + " was not launched");
        }
        Instant readyDeadline = (dependenciesReady.isAfter(launchedAt) ? dependenciesReady : launchedAt).plus(startupTimeout);
        while (true) {
            if (!running.isAlive()) {
                throw failure("exited with code " + running.exitValue() + " while starting");
            }
            if (probe()) {
                return;
            }
            if (clock.instant().isAfter(readyDeadline)) {
                throw failure("was not ready within " + startupTimeout.toSeconds() + " s");
            }
            // Waiting on the process rather than sleeping: a crash ends the wait at once.
            running.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private boolean probe() throws InterruptedException {
        try {
            return readiness.isReady();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception notReadyYet) {
            return false;
        }
    }

    private StartupFailedException failure(String what) {
        return new StartupFailedException(name + " " + what + ". Last lines of " + logFile + ":\n" + logTail());
    }

    public boolean isRunning() {
        Process running = process;
        return running != null && running.isAlive();
    }

    public long pid() {
        Process running = process;
        if (running == null) {
            throw new IllegalStateException(name + " was not launched");
        }
        return running.pid();
    }

    /** SIGTERM, so that the component runs its own shutdown (flushes, closes files); SIGKILL if it hangs. */
    public void stop() {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(GRACEFUL_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL: the component gets no chance to clean up, like a crash. */
    public void kill() throws InterruptedException {
        Process running = process;
        if (running != null) {
            running.destroyForcibly().waitFor();
        }
    }

    public void restart() throws StartupFailedException, InterruptedException {
        stop();
        start();
    }

    /** The end of the log file, to show why a component failed without sending people to look for it. */
    public String logTail() {
        try {
            String[] lines = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).split("\\R");
            return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - LOG_TAIL_LINES), lines.length));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
