package vn.gov.par.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Production configuration" table of docs/operating.md: the variables an operator is told about. A row may name a family,
 * {@code PAR_NOTIFICATIONS_POLICIES_<KIND>_*}, which stands for every variable of that shape.
 */
final class ProductionConfiguration {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern WILDCARD = Pattern.compile("<[A-Z]+>|\\*");

    private final List<Pattern> documented;

    private ProductionConfiguration(List<Pattern> documented) {
        this.documented = documented;
    }

    static ProductionConfiguration fromOperatingGuide() {
        String guide = Repository.text(Repository.ROOT.resolve("docs/operating.md"));
        int start = guide.indexOf("\n## Production configuration");
        int end = guide.indexOf("\n## ", start + 1);
        List<Pattern> documented = new ArrayList<>();
        for (String line : guide.substring(start, end).split("\n")) {
            if (line.startsWith("| `")) {
                Matcher code = CODE.matcher(line.substring(0, line.indexOf('|', 1)));
                while (code.find()) {
                    documented.add(pattern(code.group(1)));
                }
            }
        }
        return new ProductionConfiguration(documented);
    }

    boolean documents(String variable) {
        return documented.stream().anyMatch(pattern -> pattern.matcher(variable).matches());
    }

    private static Pattern pattern(String name) {
        Matcher wildcard = WILDCARD.matcher(name);
        StringBuilder regex = new StringBuilder();
        int from = 0;
        while (wildcard.find()) {
            regex.append(Pattern.quote(name.substring(from, wildcard.start()))).append("[A-Z0-9_]+");
            from = wildcard.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(name.substring(from))).toString());
    }
}
