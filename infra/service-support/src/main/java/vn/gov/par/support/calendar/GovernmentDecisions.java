package vn.gov.par.support.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The government's yearly decisions on days off and swapped working days, shipped with the service
 * ({@value #RESOURCE}): what the statute cannot compute. Each line is a date, whether it is a day off, and its name.
 */
public final class GovernmentDecisions {

    static final String RESOURCE = "calendar/government-decisions.csv";

    /** Read once: every service asks for the calendar in force on its hot paths (a progress recorded, a report submitted). */
    private static final List<Decision> SHIPPED = read();

    /** One decided date. */
    public record Decision(LocalDate date, boolean dayOff, String name) {
    }

    private GovernmentDecisions() {
    }

    /**
     * The calendar in force: the statute, the decisions shipped, and those administrators recorded over them (a date
     * recorded replaces what was shipped for it).
     */
    public static WorkingCalendar calendarWith(Collection<Decision> recorded) {
        Map<LocalDate, Decision> byDate = new TreeMap<>();
        shipped().forEach(decision -> byDate.put(decision.date(), decision));
        recorded.forEach(decision -> byDate.put(decision.date(), decision));
        return new WorkingCalendar(byDate.values().stream().filter(Decision::dayOff).map(d -> new Holiday(d.date(), d.name())).toList(),
                byDate.values().stream().filter(d -> !d.dayOff()).map(Decision::date).toList());
    }

    /** Every decision shipped, in the file's order; the file is part of the service, so a bad line stops it starting. */
    public static List<Decision> shipped() {
        return SHIPPED;
    }

    private static List<Decision> read() {
        try (InputStream in = Objects.requireNonNull(GovernmentDecisions.class.getClassLoader().getResourceAsStream(RESOURCE), RESOURCE);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Decision> decisions = new ArrayList<>();
            lines.lines().filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("date,")).forEach(line -> {
                String[] fields = line.split(",", 3);
                if (fields.length != 3 || !fields[1].matches("true|false")) {
                    throw new IllegalStateException(RESOURCE + ": not a decision: " + line);
                }
                decisions.add(new Decision(LocalDate.parse(fields[0]), Boolean.parseBoolean(fields[1]), fields[2].strip()));
            });
            return List.copyOf(decisions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
