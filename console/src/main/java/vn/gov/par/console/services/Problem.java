package vn.gov.par.console.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service's refusal, as its RFC 7807 answer says it: the status, the stable code, the Vietnamese detail, and the
 * fields it names (a form shows each message beside its field), the rows of an imported file it names, or its other
 * reasons.
 */
public record Problem(int status, String code, String title, String detail, Map<String, String> fieldMessages, List<String> reasons,
        List<RowError> rowErrors) {

    /**
     * What is wrong with one row of an imported file (a CSV import), as the service counts rows: 1 for the first row
     * after the header line.
     */
    public record RowError(int row, String field, String message) {
    }

    public Problem {
        fieldMessages = Map.copyOf(fieldMessages);
        reasons = List.copyOf(reasons);
        rowErrors = List.copyOf(rowErrors);
    }

    public Problem(int status, String code, String title, String detail, Map<String, String> fieldMessages, List<String> reasons) {
        this(status, code, title, detail, fieldMessages, reasons, List.of());
    }

    /**
     * From the JSON members of a problem; the services list errors as {row, field, message} (an import's rows), as
     * {field, message} or as plain reasons.
     */
    static Problem of(int status, Map<String, Object> members) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        List<RowError> rows = new ArrayList<>();
        if (members.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> rowError && rowError.get("row") instanceof Number row) {
                    rows.add(new RowError(row.intValue(), text(rowError.get("field")).orElse(null), text(rowError.get("message")).orElse("")));
                } else if (error instanceof Map<?, ?> fieldError && fieldError.get("field") != null) {
                    fields.merge(String.valueOf(fieldError.get("field")), String.valueOf(fieldError.get("message")), (a, b) -> a + " " + b);
                } else if (error != null) {
                    reasons.add(String.valueOf(error));
                }
            }
        }
        return new Problem(status, text(members.get("code")).orElse("error"), text(members.get("title")).orElse("Không thực hiện được"),
                text(members.get("detail")).orElse(""), fields, reasons, rows);
    }

    /**
     * What the console itself refuses before asking a service: a page for a change the service would refuse (the edit
     * form of another unit's plan), said the way the service says it.
     */
    public static Problem refused(int status, String code, String detail) {
        return new Problem(status, code, status == 403 ? "Không có quyền" : "Không thực hiện được", detail, Map.of(), List.of());
    }

    static Problem unavailable(String service) {
        return new Problem(503, "service-unavailable", "Dịch vụ tạm thời không trả lời",
                "Dịch vụ " + service + " tạm thời không trả lời. Vui lòng thử lại sau ít phút; nếu vẫn không được, hãy báo quản trị viên.",
                Map.of(), List.of());
    }

    /** The message for a form field, or null. */
    public String forField(String field) {
        return fieldMessages.get(field);
    }

    private static Optional<String> text(Object value) {
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }
}
