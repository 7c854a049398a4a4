package vn.gov.par.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reading of a service's {@code /actuator/prometheus}, as Prometheus would take it: samples by name and labels. Tests
 * read a metric before and after doing something, and compare.
 */
public final class MetricsScrape {

    /** Name, labels, value, and whatever may follow the value (a timestamp, an exemplar). */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*?)})?\\s+(\\S+)(?:\\s.*)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private MetricsScrape(List<Sample> samples) {
        this.samples = samples;
    }

    public static MetricsScrape of(HttpJson api) {
        return parse(api.text("/actuator/prometheus"));
    }

    public static MetricsScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!line.startsWith("#") && sample.matches()) {
                samples.add(new Sample(sample.group(1), labels(sample.group(2)), number(sample.group(3))));
            }
        }
        return new MetricsScrape(samples);
    }

    /**
     * The sum of the samples of this name that carry these labels (name, value, name, value...), whatever their other
     * labels; 0 when there is none, as for a counter nothing has incremented yet.
     */
    public double value(String name, String... labels) {
        Map<String, String> wanted = pairs(labels);
        return matching(name, wanted).stream().mapToDouble(Sample::value).sum();
    }

    /** Whether any sample of this name carries these labels. */
    public boolean has(String name, String... labels) {
        return !matching(name, pairs(labels)).isEmpty();
    }

    private List<Sample> matching(String name, Map<String, String> wanted) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(wanted.entrySet())).toList();
    }

    private static Map<String, String> pairs(String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("Labels come in name-value pairs: " + String.join(", ", labels));
        }
        Map<String, String> pairs = new HashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            pairs.put(labels[i], labels[i + 1]);
        }
        return pairs;
    }

    /** Prometheus writes infinities as +Inf and -Inf. */
    private static double number(String text) {
        return Double.parseDouble(text.endsWith("Inf") ? text.replace("Inf", "Infinity") : text);
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
            }
        }
        return labels;
    }
}
