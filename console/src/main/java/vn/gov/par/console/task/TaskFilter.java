package vn.gov.par.console.task;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The filters of the "Nhiệm vụ" list, as its GET form sends them: the unit (one's own by default), with or without the
 * units below it, the role, the service's status and the due-date range, and the page.
 *
 * @param subtree the unit and every unit below it ({@code underUnit}) rather than the unit alone ({@code unitCode})
 * @param role    LEAD or COOPERATING: task-service has no such filter, so the console filters on it
 * @param dueFrom an ISO date as a date field sends it, kept as typed so a wrong one can be shown back
 */
public record TaskFilter(String unitCode, Boolean subtree, String role, String status, String dueFrom, String dueTo, Integer page) {

    /** The roles a unit holds in a task. */
    public static final Map<String, String> ROLES = ordered("LEAD", "Chủ trì", "COOPERATING", "Phối hợp");

    /** task-service's statuses of an occurrence, in the words the tracking statuses use. */
    public static final Map<String, String> STATUSES = ordered("NOT_DUE", "Chưa hoàn thành, còn trong hạn", "OVERDUE",
            "Quá hạn chưa hoàn thành", "DONE_ON_TIME", "Hoàn thành đúng hạn", "DONE_LATE", "Hoàn thành quá hạn", "ON_DEMAND",
            "Đột xuất (không có hạn)");

    /** The filter as asked, with one's own unit when none was given and anything unknown left out. */
    public TaskFilter normalised(String ownUnitCode) {
        return new TaskFilter(blank(unitCode) ? ownUnitCode : unitCode.trim(), Boolean.TRUE.equals(subtree),
                ROLES.containsKey(role) ? role : null, STATUSES.containsKey(status) ? status : null, trimmed(dueFrom), trimmed(dueTo),
                page == null || page < 0 ? 0 : page);
    }

    public boolean isSubtree() {
        return Boolean.TRUE.equals(subtree);
    }

    /** The date typed in a field, or null; one that is not a date gets a message for that field. */
    static LocalDate date(String value, String field, Map<String, String> messages) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            messages.put(field, "Ngày không hợp lệ: cần ngày theo lịch, ví dụ 31/12/2026.");
            return null;
        }
    }

    /** The list's address with these filters, at another page. */
    public String link(int toPage) {
        StringJoiner query = new StringJoiner("&", "/tasks?", "");
        add(query, "unitCode", unitCode);
        if (isSubtree()) {
            add(query, "subtree", "true");
        }
        add(query, "role", role);
        add(query, "status", status);
        add(query, "dueFrom", dueFrom);
        add(query, "dueTo", dueTo);
        add(query, "page", String.valueOf(toPage));
        return query.toString();
    }

    private static void add(StringJoiner query, String name, String value) {
        if (!blank(value)) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.trim();
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
