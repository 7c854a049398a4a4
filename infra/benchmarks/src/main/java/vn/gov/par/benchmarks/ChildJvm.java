package vn.gov.par.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import vn.gov.par.driver.Http;

/**
 * Runs one of this module's programs in a JVM of its own (a load generator must not share the harness's CPU
 * scheduling and heap), and reads the JSON it prints as its last line.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    static JsonNode run(Class<?> main, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(main.getSimpleName() + " failed with exit code " + process.exitValue() + ": " + output);
        }
        String[] lines = output.split("\\R");
        return Http.JSON.readTree(lines[lines.length - 1]);
    }
}
