package vn.gov.par.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Dockerfile's instructions, continuation lines joined and comments dropped. */
record DockerfileInstructions(List<Instruction> instructions) {

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"([^\"]*)\"|(\\S+))");

    record Instruction(String keyword, String arguments) {
    }

    static DockerfileInstructions read(Path file) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Repository.text(file).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            String whole = pending.append(trimmed).toString().strip();
            pending.setLength(0);
            int space = whole.indexOf(' ');
            instructions.add(new Instruction(whole.substring(0, space).toUpperCase(), whole.substring(space + 1).strip()));
        }
        return new DockerfileInstructions(instructions);
    }

    List<String> arguments(String keyword) {
        return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The images of the stages, without their {@code AS name}. */
    List<String> baseImages() {
        return arguments("FROM").stream().map(from -> from.split("\\s+")[0]).toList();
    }

    /** The user of the final image. */
    String user() {
        List<String> users = arguments("USER");
        return users.get(users.size() - 1);
    }

    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String env : arguments("ENV")) {
            Matcher pair = ENV_PAIR.matcher(env);
            while (pair.find()) {
                environment.put(pair.group(1), pair.group(3) != null ? pair.group(3) : pair.group(4));
            }
        }
        return environment;
    }

    /** What the COPY instructions take from the build context (not from another stage). */
    List<String> contextSources() {
        return arguments("COPY").stream().filter(copy -> !copy.startsWith("--from")).map(copy -> copy.split("\\s+")[0]).toList();
    }
}
