package vn.gov.par.localruntime;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Command lines that start another JVM of the same Java installation as this one. */
final class JavaCommand {

    /**
     * Ctrl-C in a terminal signals the whole foreground process group. Children started in their
     * own session do not see it, so the launcher's shutdown hook alone decides the order in which
     * they stop (services before the broker they publish to). Without setsid (e.g. macOS) they
     * still stop, only all at once.
     */
    private static final Optional<Path> SETSID = findOnPath("setsid");

    private JavaCommand() {
    }

    /** Runs a main class from the launcher's own classpath (Kafka and Mongo jars, this module's classes). */
    static List<String> mainClass(List<String> jvmOptions, String mainClass, String... arguments) {
        List<String> command = java(jvmOptions);
        command.add("-cp");
        command.add(ownClasspath());
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }

    static List<String> jar(List<String> jvmOptions, Path jar) {
        List<String> command = java(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /** Runs a launcher script (Keycloak's kc.sh, which starts its own JVM) in a session of its own, as the rest are. */
    static List<String> script(Path script, String... arguments) {
        List<String> command = inOwnSession();
        command.add("bash");
        command.add(script.toString());
        command.addAll(List.of(arguments));
        return command;
    }

    /** Absolute, so that it still holds in a child whose working directory differs from ours. */
    private static String ownClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static List<String> java(List<String> jvmOptions) {
        List<String> command = inOwnSession();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // JDK 17 takes its default charset from the locale; a bare POSIX locale would turn Vietnamese into '?'.
        command.add("-Dfile.encoding=UTF-8");
        command.addAll(jvmOptions);
        return command;
    }

    private static List<String> inOwnSession() {
        List<String> command = new ArrayList<>();
        SETSID.ifPresent(setsid -> command.add(setsid.toString()));
        return command;
    }

    private static Optional<Path> findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
