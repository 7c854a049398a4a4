package vn.gov.par.console.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One attempt to mail a reminder to one recipient, as notification-service's mail log answers it. */
record MailLogEntry(String id, Instant at, String recipientEmail, String recipientUnitCode, String deadlineId, String planId,
        String unitCode, String kind, String stage, int offsetDays, String outcome, String detail) {

    /** The outcomes the log records, in the words the service documents them with; the filter offers them in this order. */
    static final Map<String, String> OUTCOMES = Map.of("SENT", "Đã gửi", "RESENT", "Gửi lại sau sự cố", "FAILED", "Không gửi được",
            "DEFERRED", "Chờ gửi lại", "UNREACHABLE", "Đơn vị chưa có địa chỉ nhận thư");

    static final List<String> OUTCOME_ORDER = List.of("FAILED", "UNREACHABLE", "DEFERRED", "SENT", "RESENT");

    public String outcomeLabel() {
        return OUTCOMES.getOrDefault(outcome, outcome);
    }

    public boolean isFailure() {
        return "FAILED".equals(outcome) || "UNREACHABLE".equals(outcome);
    }

    public String kindLabel() {
        return switch (kind == null ? "" : kind) {
            case "SUB_PLAN" -> "Ban hành kế hoạch";
            case "TASK" -> "Nhiệm vụ";
            case "REPORT" -> "Báo cáo";
            default -> kind;
        };
    }

    public String stageLabel() {
        return switch (stage == null ? "" : stage) {
            case "BEFORE" -> "Trước hạn";
            case "ON_DAY" -> "Đúng ngày đến hạn";
            case "OVERDUE" -> "Quá hạn";
            case "ESCALATION" -> "Báo cấp trên";
            default -> stage;
        };
    }
}
