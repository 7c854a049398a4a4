package vn.gov.par.faults;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The metric names operators' alerts and dashboard read, and those a service's scrape holds. */
final class MonitoredMetrics {

    /**
     * Counters of facts a cascade on today's clock never produces (a mail sent, an escalation, work done or overdue):
     * Micrometer registers a counter with its tags when it first counts, so these appear on the first such fact.
     */
    static final Set<String> FIRST_COUNTED_WHEN_IT_HAPPENS = Set.of("par_reminders_mailed_total", "par_escalations_sent_total",
            "par_deadlines_fulfilled_total", "par_tasks_overdue_announced_total", "par_reports_overdue_announced_total");

    /** The platform's own metrics and the frameworks' ones it relies on; recording rules (a:b:c) are left out. */
    private static final Pattern METRIC = Pattern.compile(
            "(?<![:\\w])(?:par|http_server|resilience4j|spring_cloud_stream|kafka_consumer|jvm|process)_[a-z0-9_]+");

    private MonitoredMetrics() {
    }

    static Set<String> namedIn(String... texts) {
        Set<String> names = new TreeSet<>();
        for (String text : texts) {
            Matcher matcher = METRIC.matcher(text);
            while (matcher.find()) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    /** The name of every sample in a Prometheus text scrape. */
    static Set<String> exposedBy(String scrape) {
        return Arrays.stream(scrape.split("\n")).filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }
}
